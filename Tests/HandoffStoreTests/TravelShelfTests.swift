import Foundation
import HandoffModel
import HandoffStore
import Testing

/// The file `TimeTravel` keeps its saved states in: records read back as written, for
/// the store they were made from only, and a torn record never trusted.
@Suite struct TravelShelfTests {
  @Test func recordsReadBackAsWrittenForTheirStoreOnly() throws {
    let fixture = StoreFixture()
    let store = try fixture.team()
    for n in 0..<3 { try fixture.lead(store, "Lead \(n)") }
    let shelf = TravelShelf(path: fixture.folder.file("store.travel"))
    let now = fixture.clock.now()
    let record = try #require(
      shelf.append(store.pipeline, latest: now, witness: [1, 2, 3], identity: "one"))
    #expect(shelf.records(for: "one") == [record])
    #expect(record.witness == [1, 2, 3] && record.latest == now)
    #expect(record.eventCount == store.pipeline.eventCount)
    let state = try #require(shelf.state(of: record, identity: "one", zones: FixedZones()))
    #expect(FoldedState(state.pipeline) == FoldedState(store.pipeline))
    // Saving the same state again (another process got there first) adds nothing.
    let again = shelf.append(store.pipeline, latest: now, witness: [1, 2, 3], identity: "one")
    #expect(again == record && shelf.records(for: "one").count == 1)
    // Another store sees nothing, and its first record starts the file afresh.
    #expect(shelf.records(for: "two").isEmpty)
    #expect(shelf.state(of: record, identity: "two", zones: FixedZones()) == nil)
    let other = try #require(
      shelf.append(store.pipeline, latest: now, witness: [], identity: "two"))
    #expect(shelf.records(for: "two") == [other])
    #expect(shelf.records(for: "one").isEmpty)
    // Cleared: nothing left for anyone.
    shelf.clear()
    #expect(shelf.records(for: "two").isEmpty)
  }

  @Test func aTornRecordIsIgnoredAndCutOffByTheNextAppend() throws {
    let fixture = StoreFixture()
    let store = try fixture.team()
    let path = fixture.folder.file("store.travel")
    let shelf = TravelShelf(path: path)
    let now = fixture.clock.now()
    let first = try #require(
      shelf.append(store.pipeline, latest: now, witness: [9], identity: "one"))
    let whole = try Data(contentsOf: URL(fileURLWithPath: path))
    // A second record cut short by a crash: its length says more than the file holds.
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(whole.suffix(from: Int(first.offset)).prefix(40)))
    try handle.close()
    #expect(shelf.records(for: "one") == [first])
    try fixture.lead(store, "Later")
    let second = try #require(
      shelf.append(store.pipeline, latest: now, witness: [7], identity: "one"))
    #expect(second.offset == Int64(whole.count))
    #expect(shelf.records(for: "one") == [first, second])
    let state = try #require(shelf.state(of: second, identity: "one", zones: FixedZones()))
    #expect(FoldedState(state.pipeline) == FoldedState(store.pipeline))
    // A record the file does not hold as listed is not decoded.
    var moved = second
    moved.offset -= 1
    #expect(shelf.state(of: moved, identity: "one", zones: FixedZones()) == nil)
  }
}
