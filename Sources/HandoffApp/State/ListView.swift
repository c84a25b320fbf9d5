import Foundation
import HandoffModel

/// A filtered or re-sorted copy of a list's order, computed once per filter keystroke,
/// sort change or store change (never per frame).
struct DerivedOrder: Equatable {
  /// The leads' ids in display order.
  var ids: [Int]

  /// Where a lead stands: a linear search, asked once per keystroke or change (a
  /// dictionary of every position would cost more to build on each filter keystroke
  /// than the searches it saves).
  func position(of id: Int) -> Int? { ids.firstIndex(of: id) }
}

/// Reads a window of one on-screen list: the pipeline's own sorted lists when no
/// filter, sort or "only mine" applies, the cached derived order otherwise. Every
/// operation costs the window's size or a binary search, never a scan.
struct ListReader {
  let id: LeadListID
  let pipeline: Pipeline
  let derived: DerivedOrder?

  /// How many rows the list has.
  var count: Int {
    if let derived { return derived.ids.count }
    return id.sources.reduce(0) { $0 + pipeline.count(of: $1) }
  }

  /// The leads at rows `range` (clamped).
  func leads(in range: Range<Int>) -> [Lead] {
    if let derived {
      let lo = max(0, min(range.lowerBound, derived.ids.count))
      let hi = max(lo, min(range.upperBound, derived.ids.count))
      return derived.ids[lo..<hi].compactMap { pipeline.lead($0) }
    }
    var out: [Lead] = []
    var base = 0
    for list in id.sources {
      let n = pipeline.count(of: list)
      let lo = max(range.lowerBound - base, 0)
      let hi = min(range.upperBound - base, n)
      if lo < hi { out += pipeline.leads(of: list, in: lo..<hi) }
      base += n
      if base >= range.upperBound { break }
    }
    return out
  }

  /// The lead at one row.
  func lead(at row: Int) -> Lead? { leads(in: row..<(row + 1)).first }

  /// The row a lead is on, or nil when it is not in the list.
  func position(of leadID: Int) -> Int? {
    if let derived { return derived.position(of: leadID) }
    var base = 0
    for list in id.sources {
      if let p = pipeline.position(of: leadID, in: list) { return base + p }
      base += pipeline.count(of: list)
    }
    return nil
  }

  /// One pass over the list: the leads that pass the filter and "only mine", sorted.
  static func derive(
    _ id: LeadListID, pipeline: Pipeline, filter: String, owner: String?, sort: SortMode
  ) -> DerivedOrder {
    let search = LeadSearch(filter)
    var kept: [Int32] = []
    for list in id.sources {
      kept += pipeline.slots(of: list, matching: search, owner: owner)
    }
    if sort != .urgency {
      kept.sort { sort.ordered(pipeline.lead(atSlot: Int($0)), pipeline.lead(atSlot: Int($1))) }
    }
    return DerivedOrder(ids: pipeline.leadIDs(atSlots: kept))
  }
}
