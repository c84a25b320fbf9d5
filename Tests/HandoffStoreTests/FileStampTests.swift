import HandoffModel
import Testing

@testable import HandoffStore

/// The moment in the names of side files and backups.
struct FileStampTests {
  @Test("side files and backups are stamped with the UTC date and second")
  func stamp() {
    let moment = Timestamp(iso8601: "2026-11-23T12:15:09.999Z")!
    #expect(FileStore.stamp(moment.milliseconds) == "20261123-121509")
    #expect(FileStore.stamp(0) == "19700101-000000")
  }
}
