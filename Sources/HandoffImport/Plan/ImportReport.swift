import HandoffModel

/// What an import read and what it does (or, with `--dry-run`, would do): the same
/// facts for the text report and for `--json`.
package struct ImportReport: Sendable {
  /// How many of each value, most first.
  package typealias Tally = [(value: String, count: Int)]

  /// The file as messages name it (`-` is `stdin`).
  package var file: String
  package var source: ImportSource
  package var encoding: SourceEncoding
  /// `comma`, `semicolon`, `tab`.
  package var delimiter: String
  /// Data rows (blank lines not counted).
  package var rows = 0
  package var created = 0
  package var updated = 0
  package var unchanged = 0
  /// Every refused row, `FILE:LINE: why`.
  package var problems: [ImportProblem] = []
  /// Sentences about how the file was read (encoding, date order, merged rows…).
  package var notes: [String] = []
  /// The imported leads (created, updated or unchanged) by stage, owner and source.
  package var byStage: Tally = []
  package var byOwner: Tally = []
  package var bySource: Tally = []
  /// Owner values no member fits, and stage values no table covers.
  package var unmappedOwners: Tally = []
  package var unmappedStages: Tally = []
  /// Headers of columns not used.
  package var unusedColumns: [String] = []

  /// Refused rows.
  package var refused: Int { problems.filter { $0.line != nil }.count }

  /// Creates an empty report for a file.
  package init(file: String, source: ImportSource, encoding: SourceEncoding, delimiter: String) {
    self.file = file
    self.source = source
    self.encoding = encoding
    self.delimiter = delimiter
  }

  /// Counts of `values`, most first (ties by value).
  static func tally(_ values: [String]) -> Tally {
    var counts: [String: Int] = [:]
    for v in values { counts[v, default: 0] += 1 }
    return counts.map { (value: $0.key, count: $0.value) }.sorted {
      $0.count != $1.count ? $0.count > $1.count : $0.value < $1.value
    }
  }

  /// The report as lines of text: what was read, what happens (`dryRun`: would happen),
  /// the counts, every refused row, and `--map-owner` / `--stage-map` lines to paste.
  /// Text from the file is in it as it is: the caller makes it safe for a terminal.
  package func lines(dryRun: Bool) -> [String] {
    var out: [String] = []
    out.append(
      "\(file): \(source.title), \(encoding.name), \(delimiter)-separated, \(rows) row\(rows == 1 ? "" : "s")"
    )
    for note in notes { out.append("  " + note) }
    let verbs =
      dryRun
      ? ["would create", "update", "leave unchanged", "refuse"]
      : ["created", "updated", "unchanged", "refused"]
    out.append(
      "\(verbs[0]) \(created) · \(verbs[1]) \(updated) · \(verbs[2]) \(unchanged) · \(verbs[3]) \(refused)"
    )
    func line(_ title: String, _ tally: Tally) {
      guard !tally.isEmpty else { return }
      let shown = tally.prefix(12).map { "\($0.value) \($0.count)" }
      out.append(
        "  \(title): " + shown.joined(separator: ", ") + (tally.count > 12 ? ", …" : ""))
    }
    line("by stage", byStage)
    line("by owner", byOwner)
    line("by source", bySource)
    if !problems.isEmpty {
      out.append(refused > 0 ? "refused rows:" : "problems:")
      for p in problems { out.append("  " + p.text(file: file)) }
    }
    if !unmappedOwners.isEmpty {
      out.append("owners no team member fits (add a handle and paste):")
      for o in unmappedOwners {
        out.append(
          "  --map-owner \(ImportReport.shellQuoted(o.value + "=HANDLE"))   # \(o.count) row\(o.count == 1 ? "" : "s")"
        )
      }
    }
    if !unmappedStages.isEmpty {
      out.append("stages no table covers (add a stage and paste):")
      for s in unmappedStages {
        out.append(
          "  --stage-map \(ImportReport.shellQuoted(s.value + "=STAGE"))   # \(s.count) row\(s.count == 1 ? "" : "s")"
        )
      }
    }
    if !unusedColumns.isEmpty {
      out.append("columns not used: " + unusedColumns.joined(separator: ", "))
    }
    return out
  }

  /// A word as a POSIX shell reads it back: bare when safe, else in single quotes.
  static func shellQuoted(_ text: String) -> String {
    let safe = text.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
        || "@._-=+:/,".unicodeScalars.contains($0)
    }
    if safe, !text.isEmpty { return text }
    return "'"
      + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''")
      + "'"
  }
}
