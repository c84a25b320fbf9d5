/// A sorted list of leads the views read a window of.
package enum LeadList: Hashable, Sendable {
  /// The leads in one stage, longest in the stage first (the queue is `.stage(.queued)`).
  case stage(Stage)
  /// Open deals (accepted, meeting, negotiation), least recent activity first: stale first.
  case openDeals
  /// Customers (won), next follow-up due first: overdue first.
  case customers
}

/// The sorted lists of the pipeline, by storage slot: one per stage (by time in the
/// stage), the open deals (by last activity) and the customers (by next follow-up).
/// Kept up to date lazily: changes queue until a list is read, and a bulk load
/// rebuilds them in one pass.
struct LeadLists {
  private var stageIndexes = [SortedLeadIndex](
    repeating: SortedLeadIndex(), count: Stage.allCases.count)
  private var openDealIndex = SortedLeadIndex()
  private var customerIndex = SortedLeadIndex()

  /// How many leads a list holds (known without settling).
  func count(of list: LeadList) -> Int { index(list).count }

  /// The list's entries, in order; `settle` it first.
  func entries(_ list: LeadList) -> [SortedLeadIndex.Entry] { index(list).entries }

  /// The key a lead sorts by in a list, or nil when it is not in it.
  static func key(of lead: Lead, in list: LeadList) -> Int64? {
    switch list {
    case .stage(let s): return lead.stage == s ? lead.stageEnteredAt.milliseconds : nil
    case .openDeals: return openDealKey(lead)
    case .customers: return customerKey(lead)
    }
  }

  /// Where the lead in `slot` stands in a settled list, or nil if it is not in it.
  func position(ofSlot slot: Int32, key: Int64, in list: LeadList) -> Int? {
    let index = index(list)
    let i = index.lowerBound(.init(key: key, slot: slot))
    return i < index.entries.count && index.entries[i].slot == slot ? i : nil
  }

  /// How many leads of a settled list have a key below `key`.
  func countBelow(_ key: Int64, in list: LeadList) -> Int { index(list).countBelow(key) }

  /// Records that the lead in `slot` changed from `before` (nil: new) to `after`.
  mutating func reindex(slot: Int32, before: Lead?, after: Lead) {
    if before?.stage != after.stage || before?.stageEnteredAt != after.stageEnteredAt {
      if let before {
        stageIndexes[before.stage.ordinal].update(
          slot: slot, old: before.stageEnteredAt.milliseconds, new: nil)
      }
      stageIndexes[after.stage.ordinal].update(
        slot: slot, old: nil, new: after.stageEnteredAt.milliseconds)
    }
    openDealIndex.update(
      slot: slot, old: before.flatMap(LeadLists.openDealKey), new: LeadLists.openDealKey(after))
    customerIndex.update(
      slot: slot, old: before.flatMap(LeadLists.customerKey), new: LeadLists.customerKey(after))
  }

  /// Rebuilds every list from scratch on its next read (after a bulk load).
  mutating func markForRebuild() {
    for i in stageIndexes.indices { stageIndexes[i].markForRebuild() }
    openDealIndex.markForRebuild()
    customerIndex.markForRebuild()
  }

  /// Brings a list up to date with `leads` before it is read.
  mutating func settle(_ list: LeadList, leads: [Lead]) {
    switch list {
    case .stage(let s):
      guard !stageIndexes[s.ordinal].isSettled else { return }
      if stageIndexes[s.ordinal].needsRebuild {
        rebuildStageIndexes(leads)
      } else {
        stageIndexes[s.ordinal].settle { [] }
      }
    case .openDeals:
      guard !openDealIndex.isSettled else { return }
      openDealIndex.settle { LeadLists.entries(leads, LeadLists.openDealKey) }
    case .customers:
      guard !customerIndex.isSettled else { return }
      customerIndex.settle { LeadLists.entries(leads, LeadLists.customerKey) }
    }
  }

  private func index(_ list: LeadList) -> SortedLeadIndex {
    switch list {
    case .stage(let s): return stageIndexes[s.ordinal]
    case .openDeals: return openDealIndex
    case .customers: return customerIndex
    }
  }

  /// Rebuilds every stage list that needs it in one pass over the leads.
  private mutating func rebuildStageIndexes(_ leads: [Lead]) {
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

  private static func entries(_ leads: [Lead], _ key: (Lead) -> Int64?) -> [SortedLeadIndex.Entry] {
    var out: [SortedLeadIndex.Entry] = []
    for (slot, lead) in leads.enumerated() {
      if let k = key(lead) { out.append(.init(key: k, slot: Int32(slot))) }
    }
    return out
  }

  private static func openDealKey(_ lead: Lead) -> Int64? {
    lead.stage.isOpenDeal ? lead.lastActivityAt.milliseconds : nil
  }

  private static func customerKey(_ lead: Lead) -> Int64? {
    lead.stage == .won ? (lead.nextFollowUp?.milliseconds ?? Int64.max) : nil
  }
}
