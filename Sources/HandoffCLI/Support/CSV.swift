import Foundation
import HandoffModel

/// Leads as CSV (RFC 4180), safe to open in a spreadsheet: a cell that starts with
/// `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'` so it is never
/// taken for a formula — and so does one that starts with `'`s before one of those, so
/// `handoff import` can take exactly one `'` off again.
enum CSV {
  static let header = [
    "id", "name", "company", "email", "source", "segment", "score", "value", "stage", "owner",
    "created", "stage_entered", "last_activity", "next_followup", "reason", "version",
  ]

  /// A lead's cells in header order; times in ISO 8601 UTC, value in major units.
  static func cells(of lead: Lead) -> [String] {
    [
      String(lead.id), lead.name, lead.company, lead.email, lead.source, lead.segment,
      String(lead.score), major(lead.value), lead.stage.rawValue, lead.owner ?? "",
      lead.createdAt.iso8601, lead.stageEnteredAt.iso8601, lead.lastActivityAt.iso8601,
      lead.nextFollowUp?.iso8601 ?? "", lead.reason ?? "", String(lead.version),
    ]
  }

  /// One line of cells, neutralized and quoted where needed.
  static func row(_ cells: [String]) -> String {
    cells.map(cell).joined(separator: ",")
  }

  /// One cell.
  static func cell(_ raw: String) -> String {
    var text = raw
    if let first = text.unicodeScalars.first(where: { $0 != "'" }),
      "=+-@\t\r".unicodeScalars.contains(first)
    {
      text = "'" + text
    }
    // By scalars: Swift reads "\r\n" as one Character, equal to neither "\r" nor "\n",
    // so a name holding CRLF went out bare and started a new row (a formula included).
    if text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
    {
      // Doubled by scalars too: `replacingOccurrences` skips a quote that a combining
      // mark follows, which then closed the cell early.
      var quoted = String.UnicodeScalarView()
      for scalar in text.unicodeScalars {
        if scalar == "\"" { quoted.append(scalar) }
        quoted.append(scalar)
      }
      return "\"" + String(quoted) + "\""
    }
    return text
  }

  /// Minor units as major units with two decimals (`12000.00`).
  static func major(_ minor: Int64) -> String {
    let cents = abs(minor % 100)
    return String(minor / 100) + "." + (cents < 10 ? "0" : "") + String(cents)
  }
}
