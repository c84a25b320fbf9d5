import HandoffModel
import HandoffSystem

/// The file log's reading for time travel: from the line after a sequence number, found
/// through the index of lead events' positions the store keeps for history, to the cut.
extension FileStore {
  /// `PATH.travel`, beside the checkpoint and readable by whoever may read the log.
  package var travelShelf: TravelShelf? {
    usesCheckpoint ? TravelShelf(path: path + ".travel", mode: 0o666) : nil
  }

  package func forEachEvent(
    after seq: Int64, through moment: Timestamp, _ body: (Event) throws(StoreError) -> Void
  ) throws(StoreError) {
    guard let readFD, seq < pipeline.lastSeq else { return }
    var scanner = LineScanner(fd: readFD, from: try position(before: seq), to: offset)
    var cut = HistoryCut(at: moment)
    do throws(LineScanner.Failure<TravelScan>) {
      try scanner.scan(
        { (line, _, number) throws(TravelScan) in
          if LineScanner.isBlank(line) { return }
          let event: Event
          do throws(StoreError) {
            event = try self.event(inLine: line, number: number)
          } catch {
            throw .store(error)
          }
          guard event.seq > seq else { return }
          guard cut.admits(event) else { throw .cut }
          do throws(StoreError) {
            try body(event)
          } catch {
            throw .store(error)
          }
        },
        tooLong: { (_, length, number) throws(TravelScan) in
          throw .store(.corrupt(path: path, line: number, why: "a line of \(length) bytes"))
        })
    } catch {
      switch error {
      case .read(let error): throw .system(SystemError("read", path: path, error))
      case .line(.cut): return
      case .line(.store(let error)): throw error
      }
    }
  }

  /// Where to start reading for the events after `seq`: the line of the last lead
  /// event at or before it (a binary search over the positions history keeps, reading
  /// one line per probe), or the top of the file.
  private func position(before seq: Int64) throws(StoreError) -> Int64 {
    var low = 0
    var high = historyOffsets.count
    // Invariant: the lead events before `low` are at or before `seq`; from `high` on, after.
    while low < high {
      let middle = (low + high) / 2
      if try event(at: middle).seq <= seq { low = middle + 1 } else { high = middle }
    }
    return low == 0 ? 0 : historyOffsets[low - 1]
  }
}

/// Why a travel scan stopped early: the cut, or a failure.
enum TravelScan: Error {
  case cut
  case store(StoreError)
}
