/// Why a whole import file cannot be read; each case is one line for the user.
package enum ImportError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file has no bytes, or nothing but blank lines.
  case empty
  /// The bytes are not text in any encoding the import reads.
  case undecodable(String)
  /// No column gives a lead's name or e-mail.
  case noNameOrEmail(headers: [String])
  /// A `--map` names a column the file does not have.
  case unknownColumn(String, headers: [String])
  /// A `--map` names a field the import does not know.
  case unknownField(String)
  /// A mapping option (`--map`, `--map-owner`, `--stage-map`) is not `KEY=VALUE`.
  case badOption(option: String, value: String, expected: String)
  /// `--from` names a source the header does not fit.
  case headerMismatch(source: String, missing: String)
  /// The dates in the file contradict each other (day first here, month first there).
  case conflictingDates(String)
  /// The amounts in the file contradict each other (decimal comma here, point there).
  case conflictingMoney(String)

  package var description: String {
    switch self {
    case .empty:
      return "the file is empty: there is no header row"
    case .undecodable(let why):
      return "cannot read the file as text: \(why)"
    case .noNameOrEmail(let headers):
      return
        "no column gives a lead's name or e-mail (columns: \(ImportError.list(headers))); name one with --map COLUMN=name or --map COLUMN=email"
    case .unknownColumn(let column, let headers):
      return
        "--map names column '\(column)', which the file does not have (columns: \(ImportError.list(headers)))"
    case .unknownField(let field):
      return
        "--map names field '\(field)', which is not one of: \(ImportField.mappable.map(\.key).joined(separator: ", ")) (or ignore)"
    case .badOption(let option, let value, let expected):
      return "\(option) '\(value)' is not valid: expected \(expected)"
    case .headerMismatch(let source, let missing):
      return "the header is not a \(source) export: it has no \(missing) column"
    case .conflictingDates(let why):
      return why
    case .conflictingMoney(let why):
      return why
    }
  }

  private static func list(_ headers: [String]) -> String {
    let shown = headers.prefix(12).map { $0.isEmpty ? "(blank)" : $0 }
    return shown.joined(separator: ", ") + (headers.count > 12 ? ", …" : "")
  }
}
