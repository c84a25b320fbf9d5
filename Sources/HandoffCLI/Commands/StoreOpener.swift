import Foundation
import HandoffModel
import HandoffStore

/// The one place a store's kind is chosen from its address (`--store`, `HANDOFF_STORE`,
/// the default path): a path is the JSON-lines log, a `postgres://` or `postgresql://`
/// URL a PostgreSQL database. A new kind of store adds its URL scheme here and to
/// `knownSchemes`; an address of any other scheme is refused in one line that says what
/// would work.
package enum StoreOpener {
  /// The URL schemes some store implements.
  package static let knownSchemes = ["postgres", "postgresql"]

  /// The store at `address`, not yet opened, stamping events with `clock` and counting
  /// days in `zones`; `environment` gives a database's connection defaults (`PGPASSWORD`,
  /// `PGHOST`…) and the local cache's folder.
  package static func store(
    at address: StoreAddress, clock: any Clock, zones: any ZoneDatabase,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(StoreError) -> any EventStore {
    switch address {
    case .file(let path):
      return FileStore(path: path, clock: clock, zones: zones)
    case .url(let scheme, let url) where knownSchemes.contains(scheme):
      return try PostgresStore(url: url, environment: environment, clock: clock, zones: zones)
    case .url:
      throw address.unknownScheme(known: ["postgres"])
    }
  }
}
