/// A sorted list of leads the views read a window of.
package enum LeadList: Hashable, Sendable {
  /// The leads in one stage, longest in the stage first (the queue is `.stage(.queued)`).
  case stage(Stage)
  /// Open deals (accepted, meeting, negotiation), least recent activity first: stale first.
  case openDeals
  /// Customers (won), next follow-up due first: overdue first.
  case customers
}

extension Pipeline {
  /// How many leads a list holds.
  package func count(of list: LeadList) -> Int {
    switch list {
    case .stage(let s): return stageIndexes[s.ordinal].count
    case .openDeals: return openDealIndex.count
    case .customers: return customerIndex.count
    }
  }

  /// The leads at positions `range` of a list (clamped to the list).
  package func leads(of list: LeadList, in range: Range<Int>) -> [Lead] {
    settle(list)
    let entries = index(list).entries
    let lo = max(0, min(range.lowerBound, entries.count))
    let hi = max(lo, min(range.upperBound, entries.count))
    return entries[lo..<hi].map { leads[Int($0.slot)] }
  }

  /// The storage slots of the leads in a list, in order (for views that sort or filter
  /// a whole list themselves).
  package func slots(of list: LeadList) -> [Int] {
    settle(list)
    return index(list).entries.map { Int($0.slot) }
  }

  /// The slots of a list's leads, in list order, that match `query` (see `LeadSearch`)
  /// and, when `owner` is given, belong to that owner: the one whole-list pass a filter
  /// keystroke makes. Leads are read in place, never copied.
  package func slots(of list: LeadList, matching query: LeadSearch, owner: String?) -> [Int32] {
    settle(list)
    var kept: [Int32] = []
    if !query.isEmpty, let needle = query.asciiNeedle {
      if !searchText.isBuilt { searchText.build(leads) }
      let text = searchText
      let entries = index(list).entries
      needle.withUnsafeBufferPointer { needle in
        leads.withUnsafeBufferPointer { storage in
          for entry in entries {
            let slot = Int(entry.slot)
            if let owner, storage[slot].owner != owner { continue }
            if text.contains(slot: slot, needle) { kept.append(entry.slot) }
          }
        }
      }
      return kept
    }
    leads.withUnsafeBufferPointer { storage in
      for entry in index(list).entries {
        // Through a pointer, so only the fields compared are read (no 300-byte copies).
        let lead = storage.baseAddress! + Int(entry.slot)
        if let owner, lead.pointee.owner != owner { continue }
        if query.isEmpty || query.matches(lead) { kept.append(entry.slot) }
      }
    }
    return kept
  }

  /// The id of the lead in a storage slot.
  package func leadID(atSlot slot: Int) -> Int { leads[slot].id }

  /// The ids of the leads in these storage slots, in order.
  package func leadIDs(atSlots slots: [Int32]) -> [Int] {
    leads.withUnsafeBufferPointer { storage in slots.map { storage[Int($0)].id } }
  }

  /// Where a lead stands in a list, or nil if it is not in it; a binary search.
  package func position(of id: Int, in list: LeadList) -> Int? {
    guard let slot = slotByID[id] else { return nil }
    let lead = leads[Int(slot)]
    let key: Int64?
    switch list {
    case .stage(let s): key = lead.stage == s ? lead.stageEnteredAt.milliseconds : nil
    case .openDeals: key = Pipeline.openDealKey(lead)
    case .customers: key = Pipeline.customerKey(lead)
    }
    guard let key else { return nil }
    settle(list)
    let i = index(list).lowerBound(.init(key: key, slot: slot))
    return i < index(list).entries.count && index(list).entries[i].slot == slot ? i : nil
  }

  /// How many leads of a list have a key (stage entry, last activity or next
  /// follow-up, in milliseconds) before a moment.
  func countBefore(_ moment: Timestamp, in list: LeadList) -> Int {
    settle(list)
    return index(list).countBelow(moment.milliseconds)
  }

  private func index(_ list: LeadList) -> SortedLeadIndex {
    switch list {
    case .stage(let s): return stageIndexes[s.ordinal]
    case .openDeals: return openDealIndex
    case .customers: return customerIndex
    }
  }

  /// Brings a list up to date before it is read.
  func settle(_ list: LeadList) {
    switch list {
    case .stage(let s):
      guard !stageIndexes[s.ordinal].isSettled else { return }
      if stageIndexes[s.ordinal].needsRebuild {
        rebuildStageIndexes()
      } else {
        stageIndexes[s.ordinal].settle { [] }
      }
    case .openDeals:
      guard !openDealIndex.isSettled else { return }
      openDealIndex.settle { entries(Pipeline.openDealKey) }
    case .customers:
      guard !customerIndex.isSettled else { return }
      customerIndex.settle { entries(Pipeline.customerKey) }
    }
  }

  /// Rebuilds every stage list that needs it in one pass over the leads.
  private func rebuildStageIndexes() {
    var buckets = [[SortedLeadIndex.Entry]](repeating: [], count: Stage.allCases.count)
    let stale = stageIndexes.map(\.needsRebuild)
    for (slot, lead) in leads.enumerated() where stale[lead.stage.ordinal] {
      buckets[lead.stage.ordinal].append(
        .init(key: lead.stageEnteredAt.milliseconds, slot: Int32(slot)))
    }
    for s in stageIndexes.indices where stale[s] {
      stageIndexes[s].settle { buckets[s] }
    }
  }

  private func entries(_ key: (Lead) -> Int64?) -> [SortedLeadIndex.Entry] {
    var out: [SortedLeadIndex.Entry] = []
    for (slot, lead) in leads.enumerated() {
      if let k = key(lead) { out.append(.init(key: k, slot: Int32(slot))) }
    }
    return out
  }
}
