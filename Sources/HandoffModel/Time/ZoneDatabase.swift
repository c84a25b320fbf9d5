/// Where the model finds time zones: the machine's own (days are counted in it while the
/// settings name none) and any other by name (the `timezone` setting). Handed in from
/// the edge, so the model itself reads no system state.
package protocol ZoneDatabase: Sendable {
  /// The zone of the machine the model runs on.
  var local: Zone { get }
  /// A zone by identifier (`Europe/Berlin`, `UTC`, `+02:00`); nil when unknown.
  func zone(named identifier: String) -> Zone?
}

/// A zone database that knows only UTC and fixed offsets, with a chosen local zone: for
/// tests and tools that must not depend on the machine's zones.
package struct FixedZones: ZoneDatabase {
  package let local: Zone

  /// A database whose local zone is `local` (UTC unless given).
  package init(local: Zone = .utc) { self.local = local }

  package func zone(named identifier: String) -> Zone? {
    if identifier == "UTC" { return .utc }
    return Zone(offset: identifier)
  }
}
