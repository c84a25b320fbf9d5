import HandoffModel

/// Turns a row's text into a lead's fields, or says why the row is refused: no name and
/// no e-mail, a malformed e-mail, a bad number or date, a value no table covers, a
/// character that is never stored. What it cannot use but need not refuse (a score
/// above 100, a rating that gives no score) becomes a warning.
package struct RowValidator: Sendable {
  /// What the validator needs to know about the file and the team.
  package struct Context: Sendable {
    package var layout: RowLayout
    package var source: ImportSource
    package var tables: ValueTables
    package var owners: OwnerDirectory
    package var dateOrder: DateReading.Order
    package var decimalMark: UInt8
    package var zone: Zone
    package var currency: String
    package var now: Timestamp
    /// The file's delimiter, as messages name it (`comma`).
    package var delimiterName: String
    /// Owner values already resolved (a file names few owners many times).
    package var resolvedOwners: [String: OwnerDirectory.Resolution] = [:]
  }

  /// Something the report mentions about a row that still goes in.
  package enum Warning: Sendable, Hashable {
    /// A score above 100, kept as 100.
    case scoreCapped(Int)
    /// Several addresses in the e-mail cell: the first is kept.
    case severalEmails
    /// A rating or label that gives no score.
    case unknownRating(String)
    /// A lead status that changes nothing (the lifecycle stage decides).
    case ignoredStatus(String)
  }

  /// What became of a row.
  package struct Outcome: Sendable {
    /// The lead's fields, when the row is not refused.
    package var lead: ImportedLead?
    /// Why the row is refused (empty when it is not).
    package var problems: [String] = []
    package var warnings: [Warning] = []
    /// An owner value no member fits, for a `--map-owner` line to paste.
    package var unmappedOwner: String?
    /// A stage value no table covers, for a `--stage-map` line to paste.
    package var unmappedStage: String?
  }

  let context: Context

  /// A validator for one file.
  package init(_ context: Context) { self.context = context }

  /// Validates one row.
  package func validate(_ row: RawRow) -> Outcome {
    var out = Outcome()
    var lead = ImportedLead(line: row.line)
    let layout = context.layout
    if let problem = row.problem {
      out.problems.append(problem)
      return out
    }
    if row.unterminatedQuote {
      out.problems.append("a quoted value opened on this row never closes")
      return out
    }
    if row.extraFields > 0 {
      out.problems.append(
        "\(layout.width + row.extraFields) fields where the header has \(layout.width) (a \(context.delimiterName) inside an unquoted value?)"
      )
    } else if row.missingFields > 0 {
      out.problems.append(
        "\(layout.width - row.missingFields) fields where the header has \(layout.width)")
    }

    // Each used cell: trimmed, the export's formula guard undone, control characters refused.
    var text = FieldTexts()
    for (i, field) in layout.fields.enumerated() {
      var cell = row.cells[i].trimmingWhitespace
      if context.source == .handoff { cell = RowValidator.unguarded(cell) }
      if let bad = Validate.forbiddenScalar(in: cell) {
        out.problems.append(
          "column '\(layout.headers[i])' holds a control character (\(Validate.codePoint(bad.value))), which is never stored"
        )
        continue
      }
      if !cell.isEmpty { text[field] = cell }
    }

    readName(text, into: &lead, &out)
    readContact(text, into: &lead, &out)
    readNumbers(text, into: &lead, &out)
    readStage(text, into: &lead, &out)
    readOwner(text, into: &lead, &out)
    readDates(text, into: &lead, &out)
    if context.source == .handoff || context.source == .jsonl {
      readIdentity(text, into: &lead, &out)
    }

    if lead.name == nil, lead.email == nil,
      !out.problems.contains(where: { $0.hasPrefix("e-mail") })
    {
      out.problems.append("no name and no e-mail")
    }
    if out.problems.isEmpty { out.lead = lead }
    return out
  }

  /// The text of a row's fields, by field.
  struct FieldTexts {
    private var values = [String?](repeating: nil, count: ImportField.count)

    subscript(field: ImportField) -> String? {
      get { values[field.rawValue] }
      set { values[field.rawValue] = newValue }
    }
  }

  /// A Handoff export puts `'` before a cell a spreadsheet would take for a formula
  /// (and before a cell that already starts with `'` and one of those): take it off.
  static func unguarded(_ cell: String) -> String {
    guard cell.hasPrefix("'") else { return cell }
    let rest = cell.unicodeScalars.drop { $0 == "'" }
    guard let first = rest.first, "=+-@\t\r".unicodeScalars.contains(first) else { return cell }
    return String(cell.dropFirst())
  }

  private func readName(
    _ text: FieldTexts, into lead: inout ImportedLead, _ out: inout Outcome
  ) {
    var name = text[.name]
    if name == nil {
      let parts = [text[.firstName], text[.lastName]].compactMap { $0 }
      if !parts.isEmpty { name = parts.joined(separator: " ") }
    }
    if name == nil { name = text[.title] }
    guard let name else { return }
    do {
      lead.name = try Validate.text(name, field: "name", limit: FieldLimits.name)
    } catch {
      out.problems.append(error.description)
    }
  }

  private func readContact(
    _ text: FieldTexts, into lead: inout ImportedLead, _ out: inout Outcome
  ) {
    if let company = text[.company] {
      do {
        lead.company = try Validate.text(
          company, field: "company", limit: FieldLimits.name, allowEmpty: true)
      } catch {
        out.problems.append(error.description)
      }
    }
    if var email = text[.email] {
      // Pipedrive puts all of a person's addresses in one cell.
      if email.utf8.contains(where: { $0 == 0x2C || $0 == 0x3B }) {
        let several = email.split(whereSeparator: { $0 == "," || $0 == ";" })
        if several.count > 1 {
          email = String(several[0]).trimmingWhitespace
          out.warnings.append(.severalEmails)
        }
      }
      if email.utf8.first == 0x6D || email.utf8.first == 0x4D,
        email.lowercased().hasPrefix("mailto:")
      {
        email = String(email.dropFirst(7))
      }
      do {
        lead.email = try Validate.email(email)
      } catch {
        out.problems.append("e-mail '\(email)' is not an address like name@example.com")
      }
    }
    if lead.name == nil, let email = lead.email { lead.name = email }
    if let raw = text[.source] {
      let label = context.tables.sources[ValueKey(raw)] ?? raw
      do {
        lead.source = try Validate.label(label, field: "source", allowEmpty: false)
      } catch {
        out.problems.append(error.description)
      }
    }
    if let segment = text[.segment] {
      do {
        lead.segment = try Validate.label(segment, field: "segment", allowEmpty: true)
      } catch {
        out.problems.append(error.description)
      }
    }
  }

  private func readNumbers(
    _ text: FieldTexts, into lead: inout ImportedLead, _ out: inout Outcome
  ) {
    if let raw = text[.score] {
      if let score = RowValidator.wholeNumber(raw), score >= 0 {
        if score > FieldLimits.maxScore { out.warnings.append(.scoreCapped(score)) }
        lead.score = min(score, FieldLimits.maxScore)
      } else {
        out.problems.append("score '\(raw)' is not a whole number from 0 up")
      }
    }
    if lead.score == nil, let raw = text[.rating] {
      // Pipedrive labels come several to a cell; the first that is a rating counts.
      let labels = raw.split(separator: ",").map { ValueKey($0) }
      if let score = labels.lazy.compactMap({ self.context.tables.ratings[$0] }).first {
        lead.score = score
      } else {
        out.warnings.append(.unknownRating(raw))
      }
    }
    var currency: CurrencyMark?
    if let raw = text[.currency] {
      if let mark = CurrencyMark(raw) {
        currency = mark
      } else {
        out.problems.append("currency '\(raw)' is not a currency code such as USD")
      }
    }
    if let raw = text[.value] {
      guard let reading = MoneyReading(raw),
        let minor = reading.minorUnits(decimal: context.decimalMark)
      else {
        out.problems.append("value '\(raw)' is not an amount such as 12000 or 12,000.00")
        return
      }
      if let mark = reading.currency ?? currency, !mark.fits(context.currency) {
        out.problems.append(
          "value '\(raw)' is in \(mark.name), but the team counts in \(context.currency)")
        return
      }
      do {
        try Validate.value(minor)
        lead.value = minor
      } catch {
        out.problems.append(error.description)
      }
    }
  }

  private func readStage(
    _ text: FieldTexts, into lead: inout ImportedLead, _ out: inout Outcome
  ) {
    let tables = context.tables
    var stage: Stage?
    var because: String?
    if let raw = text[.stage] {
      if let s = tables.stages[ValueKey(raw)] {
        stage = s
        because = raw
      } else {
        out.problems.append("stage '\(raw)' is not one Handoff knows (--stage-map '\(raw)=STAGE')")
        out.unmappedStage = raw
        return
      }
    }
    if let raw = text[.leadStatus] {
      let key = ValueKey(raw)
      if let s = tables.statusOverrides[key] {
        // A status says more about an open lead, not about a customer.
        if stage?.isOpen ?? true {
          stage = s
          because = raw
        }
      } else if !tables.neutralStatuses.contains(key) {
        out.warnings.append(.ignoredStatus(raw))
      }
    }
    guard let stage else { return }
    lead.stage = stage
    if let reason = text[.reason] {
      do {
        lead.reason = try Validate.text(reason, field: "reason", limit: FieldLimits.reason)
      } catch {
        out.problems.append(error.description)
      }
    } else if stage == .lost || stage == .disqualified, let because {
      lead.reason = because == stage.rawValue ? "imported as \(stage.rawValue)" : because
    }
  }

  private func readOwner(
    _ text: FieldTexts, into lead: inout ImportedLead, _ out: inout Outcome
  ) {
    guard let raw = text[.owner] else { return }
    switch context.resolvedOwners[raw] ?? context.owners.resolve(raw) {
    case .nobody:
      lead.owner = .some(nil)
    case .unknown:
      out.problems.append("owner '\(raw)' is no team member (--map-owner '\(raw)=HANDLE')")
      out.unmappedOwner = raw
    case .ambiguous(let handles):
      out.problems.append(
        "owner '\(raw)' could be \(handles.joined(separator: " or ")) (--map-owner '\(raw)=HANDLE')"
      )
      out.unmappedOwner = raw
    case .member(let member):
      // Whether they may own it depends on the stage it ends in: the plan decides.
      lead.owner = .some(member.handle)
    }
  }

  private func readDates(
    _ text: FieldTexts, into lead: inout ImportedLead, _ out: inout Outcome
  ) {
    func moment(_ field: ImportField, _ label: String, future: Bool = false) -> Timestamp? {
      guard let raw = text[field] else { return nil }
      guard let reading = DateReading(raw) else {
        out.problems.append(
          "\(label) '\(raw)' is not a date such as 2024-03-05 or 3/5/2024 2:22 PM")
        return nil
      }
      guard let t = reading.moment(order: context.dateOrder, zone: context.zone) else {
        out.problems.append("\(label) '\(raw)' is no date in \(context.dateOrder.phrase) order")
        return nil
      }
      if !future, t > context.now {
        out.problems.append("\(label) '\(raw)' is in the future")
        return nil
      }
      if t < RowValidator.earliest {
        out.problems.append("\(label) '\(raw)' is before 1900")
        return nil
      }
      return t
    }
    lead.created = moment(.created, "created")
    lead.stageEntered = moment(.stageEntered, "stage_entered")
    lead.lastActivity = moment(.lastActivity, "last activity")
    lead.nextFollowUp = moment(.nextFollowUp, "next follow-up", future: true)
    if let created = lead.created {
      if let s = lead.stageEntered, s < created {
        out.problems.append("stage_entered is before created")
      }
    }
  }

  /// A Handoff export's id and version, for a round trip that keeps them.
  private func readIdentity(
    _ text: FieldTexts, into lead: inout ImportedLead, _ out: inout Outcome
  ) {
    if let raw = text[.externalID] {
      if let id = Int(raw), id > 0, id < 1_000_000_000 {
        lead.id = id
      } else {
        out.problems.append("id '\(raw)' is not a lead id such as 1042")
      }
    }
    if let raw = text[.version] {
      if let v = Int(raw), v >= 1 {
        lead.version = v
      } else {
        out.problems.append("version '\(raw)' is not a whole number from 1 up")
      }
    }
  }

  /// 1900-01-01T00:00Z: older dates are typing mistakes.
  static let earliest = Timestamp(milliseconds: -2_208_988_800_000)

  /// A whole number, also as a spreadsheet writes it (`85.0`); nil otherwise.
  static func wholeNumber(_ text: String) -> Int? {
    if let n = Int(text) { return n }
    var t = Substring(text)
    if let dot = t.firstIndex(where: { $0 == "." || $0 == "," }),
      t[t.index(after: dot)...].allSatisfy({ $0 == "0" })
    {
      t = t[..<dot]
    }
    return Int(t)
  }
}
