import HandoffModel

/// Reads `--from jsonl`: one lead object a line with the keys `handoff export` writes
/// (`name`, `company`, `email`, `source`, `segment`, `score`, `value`, `stage`, `owner`,
/// `created`, `stage_at`, `activity_at`, `followup`, `reason`, `id`, `v`) or the words a
/// spreadsheet's headers may use. Each line becomes a row of text cells, so the same
/// validation and report apply. A number `value` is in minor units, as Handoff writes
/// it; a string `value` is an amount as a CSV cell holds one.
enum JSONLines {
  static func read(_ text: ImportText, file: String, options: ImportOptions) throws(ImportError)
    -> ImportFile
  {
    // Each line's members, and every key in the order first seen (the "header").
    var objects: [(line: Int, members: [(key: String, value: JSONObjectLine.Value)])] = []
    var failures: [Int: String] = [:]
    var keys: [String] = []
    var known: Set<String> = []
    let bytes = text.utf8
    var start = 0
    var line = 1
    while start < bytes.count {
      var end = start
      while end < bytes.count, bytes[end] != 0x0A { end += 1 }
      let slice = bytes[start..<end]
      if slice.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) {
        do {
          let members = try JSONObjectLine.members(slice)
          for m in members where !known.contains(m.key) {
            known.insert(m.key)
            keys.append(m.key)
          }
          objects.append((line, members))
        } catch {
          failures[line] = error.message
          objects.append((line, []))
        }
      }
      start = end + 1
      line += 1
    }
    guard !objects.isEmpty else { throw .empty }
    if keys.isEmpty { keys = ["name"] }
    let map = try ColumnMap(headers: keys, source: .jsonl, overrides: options.columns)
    let layout = RowLayout(map)
    let valueSlot = layout.slot(of: .value)
    var columnOfKey: [String: Int] = [:]
    for (i, key) in keys.enumerated() { columnOfKey[key] = i }
    var rows: [RawRow] = []
    rows.reserveCapacity(objects.count)
    for object in objects {
      var fields = [String](repeating: "", count: keys.count)
      var problem = failures[object.line].map { "line is \($0)" }
      for (key, value) in object.members {
        guard let column = columnOfKey[key] else { continue }
        switch value {
        case .text(let t):
          fields[column] = t
        case .number(let n):
          fields[column] = n
          // Handoff writes amounts in minor units.
          if let slot = valueSlot, layout.columns[slot] == column {
            guard let minor = Int64(n) else {
              problem = "value \(n) is not a whole number of cents"
              continue
            }
            fields[column] = MoneyText.major(minor)
          }
        case .nested:
          if map.fields[column] != nil { problem = "'\(key)' is an array or object, not a value" }
        }
      }
      var row = layout.row(CSVRecord(line: object.line, fields: fields))
      row.problem = problem
      rows.append(row)
    }
    return ImportFile(
      name: file, source: .jsonl, encoding: text.encoding, delimiterName: "line",
      layout: layout, rows: rows, dateOrder: .monthFirst, decimalMark: 0x2E,
      unusedColumns: map.unused, notes: [], hasLocalDates: false)
  }
}

/// Minor units written as a major-unit amount with a decimal point (`1234.50`).
enum MoneyText {
  static func major(_ minor: Int64) -> String {
    let sign = minor < 0 ? "-" : ""
    let a = minor.magnitude
    let cents = a % 100
    return sign + String(a / 100) + "." + (cents < 10 ? "0" : "") + String(cents)
  }
}
