/// Reading the sorted lists: windows of rows, a filter's matches, where a lead stands.
extension Pipeline {
  /// How many leads a list holds.
  package func count(of list: LeadList) -> Int { lists.count(of: list) }

  /// The leads at positions `range` of a list (clamped to the list).
  package func leads(of list: LeadList, in range: Range<Int>) -> [Lead] {
    let entries = settled(list)
    let lo = max(0, min(range.lowerBound, entries.count))
    let hi = max(lo, min(range.upperBound, entries.count))
    let leads = storage.leads
    return entries[lo..<hi].map { leads[Int($0.slot)] }
  }

  /// The storage slots of the leads in a list, in order (for views that sort or filter
  /// a whole list themselves).
  package func slots(of list: LeadList) -> [Int] {
    settled(list).map { Int($0.slot) }
  }

  /// Builds the packed search text of every lead now, unless it is built: the dashboard
  /// calls it after drawing, so that the first filter keystroke does not pay for it
  /// (about 0.2 s at 100,000 leads); a search builds it when nobody has.
  package func prepareSearch() {
    if !search.isBuilt { search.build(storage.leads) }
  }

  /// The slots of a list's leads, in list order, that match `query` (see `LeadSearch`)
  /// and, when `owner` is given, belong to that owner: the one whole-list pass a filter
  /// keystroke makes. Leads are read in place, never copied.
  package func slots(of list: LeadList, matching query: LeadSearch, owner: String?) -> [Int32] {
    let entries = settled(list)
    var kept: [Int32] = []
    if !query.isEmpty, let needle = query.asciiNeedle {
      prepareSearch()
      return storage.leads.withUnsafeBufferPointer { leads in
        search.slots(entries, holding: needle) { owner == nil || leads[$0].owner == owner }
      }
    }
    storage.leads.withUnsafeBufferPointer { leads in
      for entry in entries {
        // Through a pointer, so only the fields compared are read (no 300-byte copies).
        let lead = leads.baseAddress! + Int(entry.slot)
        if let owner, lead.pointee.owner != owner { continue }
        if query.isEmpty || query.matches(lead) { kept.append(entry.slot) }
      }
    }
    return kept
  }

  /// Where a lead stands in a list, or nil if it is not in it; a binary search.
  package func position(of id: Int, in list: LeadList) -> Int? {
    guard let slot = storage.slot(of: id),
      let key = LeadLists.key(of: storage.leads[Int(slot)], in: list)
    else { return nil }
    _ = settled(list)
    return lists.position(ofSlot: slot, key: key, in: list)
  }

  /// How many leads of a list have a key (stage entry, last activity or next
  /// follow-up, in milliseconds) before a moment.
  func countBefore(_ moment: Timestamp, in list: LeadList) -> Int {
    _ = settled(list)
    return lists.countBelow(moment.milliseconds, in: list)
  }

  /// A list's entries, brought up to date first.
  private func settled(_ list: LeadList) -> [SortedLeadIndex.Entry] {
    lists.settle(list, leads: storage.leads)
    return lists.entries(list)
  }
}
