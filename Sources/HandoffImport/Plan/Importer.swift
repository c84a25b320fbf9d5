import HandoffModel

/// Plans the import of a file against the store: reads it (`ImportFile`), validates
/// each row against the team, and matches the leads with the store's.
package struct Importer: Sendable {
  /// What an import of one file comes to.
  package struct Result: Sendable {
    package var plan: ImportPlan
    package var report: ImportReport
  }

  let options: ImportOptions
  let baseline: ImportBaseline

  /// An importer with the user's options, planning against `baseline`.
  package init(options: ImportOptions, baseline: ImportBaseline) {
    self.options = options
    self.baseline = baseline
  }

  /// Reads and plans `bytes`, named `file` in messages.
  package func plan(_ bytes: [UInt8], file: String) throws(ImportError) -> Result {
    try plan(ImportFile.read(bytes, file: file, options: options))
  }

  /// Plans a file already read. `progress` hears how many rows are validated, now and
  /// then.
  package func plan(_ file: ImportFile, progress: ((Int) -> Void)? = nil) throws(ImportError)
    -> Result
  {
    let layout = file.layout
    var tables = ValueTables(for: file.source)
    for (value, stage) in options.stages { tables.mapStage(value, to: stage) }
    for (value, label) in options.sources { tables.mapSource(value, to: label) }
    var owners = OwnerDirectory(members: baseline.members, emails: baseline.memberEmails)
    for (value, handle) in options.owners { try owners.map(value, to: handle) }
    var context = RowValidator.Context(
      layout: layout, source: file.source, tables: tables, owners: owners,
      dateOrder: file.dateOrder, decimalMark: file.decimalMark, zone: baseline.zone,
      currency: baseline.currency, now: baseline.now, delimiterName: file.delimiterName)
    if let slot = layout.slot(of: .owner) {
      for row in file.rows {
        let value = row.cells[slot].trimmingWhitespace
        if !value.isEmpty, context.resolvedOwners[value] == nil {
          context.resolvedOwners[value] = owners.resolve(value)
        }
      }
    }
    let validator = RowValidator(context)

    var report = ImportReport(
      file: file.name, source: file.source, encoding: file.encoding,
      delimiter: file.delimiterName)
    report.rows = file.rows.count
    report.unusedColumns = file.unusedColumns
    report.notes = file.notes
    if file.hasLocalDates {
      report.notes.append("times without an offset read in \(baseline.zone.identifier)")
    }

    var leads: [ImportedLead] = []
    leads.reserveCapacity(file.rows.count)
    var warnings: [RowValidator.Warning] = []
    var unmappedOwners: [String] = []
    var unmappedStages: [String] = []
    for (i, row) in file.rows.enumerated() {
      if i % 4096 == 4095 { progress?(i + 1) }
      let outcome = validator.validate(row)
      warnings += outcome.warnings
      if let owner = outcome.unmappedOwner { unmappedOwners.append(owner) }
      if let stage = outcome.unmappedStage { unmappedStages.append(stage) }
      if let lead = outcome.lead {
        leads.append(lead)
      } else {
        report.problems.append(
          ImportProblem(line: row.line, message: outcome.problems.joined(separator: "; ")))
      }
    }
    progress?(file.rows.count)
    report.unmappedOwners = ImportReport.tally(unmappedOwners)
    report.unmappedStages = ImportReport.tally(unmappedStages)
    report.notes += Importer.sentences(warnings)

    let plan = ImportPlan(rows: consume leads, baseline: baseline)
    report.created = plan.creations.count
    report.updated = plan.updates.count
    report.unchanged = plan.unchanged
    report.notes += Importer.sentences(plan)
    Importer.tally(plan, into: &report)
    return Result(plan: plan, report: report)
  }

  /// Counts the leads the import leaves (created, updated) by stage, owner and source,
  /// as they will stand.
  package static func tally(_ plan: ImportPlan, into report: inout ImportReport) {
    var stages: [String] = []
    var owners: [String] = []
    var sources: [String] = []
    for lead in plan.creations {
      stages.append((lead.stage ?? .new).rawValue)
      owners.append((lead.owner ?? nil) ?? "(none)")
      sources.append(lead.source ?? Importer.defaultSource)
    }
    for update in plan.updates {
      stages.append((update.moves.last ?? update.lead.stage).rawValue)
      owners.append((update.owner ?? update.lead.owner) ?? "(none)")
      sources.append(update.edit.source ?? update.lead.source)
    }
    report.byStage = ImportReport.tally(stages)
    report.byOwner = ImportReport.tally(owners)
    report.bySource = ImportReport.tally(sources)
  }

  /// The source label of a lead whose row names none.
  package static let defaultSource = "import"

  /// The report's sentences about rows that go in with something left out.
  static func sentences(_ warnings: [RowValidator.Warning]) -> [String] {
    var out: [String] = []
    let capped = warnings.filter { if case .scoreCapped = $0 { return true } else { return false } }
    if !capped.isEmpty {
      out.append("\(capped.count) score\(capped.count == 1 ? "" : "s") above 100 kept as 100")
    }
    let several = warnings.filter { $0 == .severalEmails }.count
    if several > 0 {
      out.append("\(several) row\(several == 1 ? "" : "s") with several e-mails: the first is used")
    }
    var ratings: [String] = []
    var statuses: [String] = []
    for w in warnings {
      if case .unknownRating(let r) = w { ratings.append(r) }
      if case .ignoredStatus(let s) = w { statuses.append(s) }
    }
    let r = ImportReport.tally(ratings)
    if !r.isEmpty {
      out.append(
        "ratings that give no score: "
          + r.prefix(6).map { "'\($0.value)' (\($0.count))" }.joined(
            separator: ", "))
    }
    let s = ImportReport.tally(statuses)
    if !s.isEmpty {
      out.append(
        "lead statuses left to the lifecycle stage: "
          + s.prefix(6).map {
            "'\($0.value)' (\($0.count); --stage-map '\($0.value)=STAGE' to use it)"
          }
          .joined(separator: ", "))
    }
    return out
  }

  /// The report's sentences about what the plan leaves as it is.
  static func sentences(_ plan: ImportPlan) -> [String] {
    var out: [String] = []
    if let first = plan.merged.first {
      out.append(
        "\(plan.merged.count) row\(plan.merged.count == 1 ? "" : "s") repeat an earlier row's person and merge into it (later values win; first: line \(first.line) into line \(first.into))"
      )
    }
    if let first = plan.keptStages.first {
      out.append(
        "\(plan.keptStages.count) lead\(plan.keptStages.count == 1 ? "" : "s") keep their stage in Handoff, which the file does not move forward (first: line \(first.line), lead \(first.lead) is \(first.stage.rawValue), the file says \(first.fileStage.rawValue))"
      )
    }
    let left = plan.skippedOwners.filter { $0.why == .left }
    let away = plan.skippedOwners.filter { $0.why == .away }
    let other = plan.skippedOwners.filter { $0.why == .otherDepartment }
    if let first = away.first {
      out.append(
        "\(away.count) owner\(away.count == 1 ? "" : "s") not given: the member is away (first: line \(first.line), \(first.handle))"
      )
    }
    if let first = other.first {
      out.append(
        "\(other.count) owner\(other.count == 1 ? "" : "s") not given: the member is in the other department (first: line \(first.line), \(first.handle) cannot own a lead in \(first.stage.rawValue))"
      )
    }
    if let first = left.first {
      out.append(
        "\(left.count) owner\(left.count == 1 ? "" : "s") not given: the member has left the team (first: line \(first.line), \(first.handle))"
      )
    }
    return out
  }
}
