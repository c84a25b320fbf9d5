/// The leads that belong to one list (a stage, the open deals, the customers), kept
/// sorted by a time key so views read any window of rows, and counts below a cutoff
/// ("breached", "stale", "overdue") are a binary search.
///
/// Changes are queued and applied when the list is next read; after a bulk load or a
/// burst of many changes it is rebuilt in one pass instead.
struct SortedLeadIndex: Sendable {
  /// One row: the sort key, then the lead's slot in the pipeline's storage.
  struct Entry: Comparable, Hashable, Sendable {
    var key: Int64
    var slot: Int32

    static func < (a: Entry, b: Entry) -> Bool { (a.key, a.slot) < (b.key, b.slot) }
  }

  private(set) var entries: [Entry] = []
  private var pending: [(entry: Entry, insert: Bool)] = []
  private(set) var needsRebuild = false
  /// The number of members, kept current without settling.
  private(set) var count = 0

  /// Records that a lead's key changed; nil means "not in this list".
  mutating func update(slot: Int32, old: Int64?, new: Int64?) {
    if old == new { return }
    if old != nil { count -= 1 }
    if new != nil { count += 1 }
    if needsRebuild { return }
    if let old { pending.append((Entry(key: old, slot: slot), false)) }
    if let new { pending.append((Entry(key: new, slot: slot), true)) }
    if pending.count > 256 + entries.count / 64 { markForRebuild() }
  }

  /// Drops the queued changes; the next `settle` rebuilds from all leads.
  mutating func markForRebuild() {
    needsRebuild = true
    pending.removeAll()
  }

  /// Whether reading needs work first.
  var isSettled: Bool { !needsRebuild && pending.isEmpty }

  /// Applies queued changes (or takes the rebuilt entries, unsorted, when marked).
  mutating func settle(rebuilt: () -> [Entry]) {
    if needsRebuild {
      entries = rebuilt()
      entries.sort()
      needsRebuild = false
      pending.removeAll()
      count = entries.count
      return
    }
    for (entry, insert) in pending {
      let i = lowerBound(entry)
      if insert {
        entries.insert(entry, at: i)
      } else if i < entries.count, entries[i] == entry {
        entries.remove(at: i)
      }
    }
    pending.removeAll(keepingCapacity: true)
  }

  /// The position of the first entry not less than `entry`.
  func lowerBound(_ entry: Entry) -> Int {
    var lo = 0
    var hi = entries.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if entries[mid] < entry { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }

  /// How many entries have a key below `key`.
  func countBelow(_ key: Int64) -> Int { lowerBound(Entry(key: key, slot: Int32.min)) }
}
