import HandoffModel

/// The choices a user makes for one import (`handoff import`'s options).
package struct ImportOptions: Sendable {
  /// `--from`: the source, instead of recognising it from the header.
  package var source: ImportSource?
  /// `--map COLUMN=FIELD`: a column for a field (nil field: ignore the column).
  package var columns: [(column: String, field: ImportField?)] = []
  /// `--map-owner NAME_OR_EMAIL=HANDLE` (`none`: nobody).
  package var owners: [(value: String, handle: String)] = []
  /// `--stage-map VALUE=STAGE`.
  package var stages: [(value: String, stage: Stage)] = []
  /// `--source-map VALUE=SOURCE`.
  package var sources: [(value: String, label: String)] = []
  /// `--date-order dmy|mdy`: the order of numeric dates, instead of inferring it.
  package var dateOrder: DateReading.Order?

  /// No choices: everything recognised from the file.
  package init() {}

  /// Adds a `--map COLUMN=FIELD` option.
  package mutating func map(_ option: String) throws(ImportError) {
    let (column, fieldName) = try ImportOptions.pair(option, "--map", "COLUMN=FIELD")
    if ["ignore", "-", "none", "skip"].contains(fieldName.lowercased()) {
      columns.append((column, nil))
      return
    }
    guard let field = ImportField(key: fieldName), ImportField.mappable.contains(field) else {
      throw .unknownField(fieldName)
    }
    columns.append((column, field))
  }

  /// Adds a `--map-owner NAME_OR_EMAIL=HANDLE` option.
  package mutating func mapOwner(_ option: String) throws(ImportError) {
    let (value, handle) = try ImportOptions.pair(option, "--map-owner", "NAME_OR_EMAIL=HANDLE")
    owners.append((value, handle))
  }

  /// Adds a `--stage-map VALUE=STAGE` option.
  package mutating func mapStage(_ option: String) throws(ImportError) {
    let (value, name) = try ImportOptions.pair(option, "--stage-map", "VALUE=STAGE")
    guard let stage = Stage(rawValue: name.lowercased()) else {
      throw .badOption(
        option: "--stage-map", value: option,
        expected: "VALUE=STAGE with STAGE one of "
          + Stage.allCases.map(\.rawValue).joined(separator: ", "))
    }
    stages.append((value, stage))
  }

  /// Adds a `--source-map VALUE=SOURCE` option.
  package mutating func mapSource(_ option: String) throws(ImportError) {
    let (value, label) = try ImportOptions.pair(option, "--source-map", "VALUE=SOURCE")
    do {
      sources.append((value, try Validate.label(label, field: "source", allowEmpty: false)))
    } catch {
      throw .badOption(option: "--source-map", value: option, expected: "VALUE=SOURCE (\(error))")
    }
  }

  /// `KEY=VALUE`, split at the last `=` (names may hold one; handles, fields and stages
  /// never do).
  static func pair(_ option: String, _ name: String, _ shape: String) throws(ImportError)
    -> (String, String)
  {
    guard let eq = option.lastIndex(of: "=") else {
      throw .badOption(option: name, value: option, expected: shape)
    }
    let key = String(option[..<eq]).trimmingWhitespace
    let value = String(option[option.index(after: eq)...]).trimmingWhitespace
    guard !key.isEmpty, !value.isEmpty else {
      throw .badOption(option: name, value: option, expected: shape)
    }
    return (key, value)
  }
}
