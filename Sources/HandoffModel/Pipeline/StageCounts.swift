/// Running counts over all leads, kept as leads change so no figure scans them: leads
/// and value per stage, each member's open load, leads recycled and waiting by reason,
/// queued leads with no owner.
struct StageCounts {
  private(set) var counts = [Int](repeating: 0, count: Stage.allCases.count)
  private(set) var values = [Int64](repeating: 0, count: Stage.allCases.count)
  private var openLoad: [String: Int] = [:]
  /// Recycled leads waiting in nurturing, by normalized reason.
  private(set) var recycledWaiting: [String: Int] = [:]
  private(set) var unassignedQueued = 0

  /// How many open leads a member owns.
  func load(of handle: String) -> Int { openLoad[handle] ?? 0 }

  /// Adds (sign 1) or removes (sign -1) a lead's share of the counts.
  mutating func account(_ lead: Lead, sign: Int) {
    let s = lead.stage.ordinal
    counts[s] += sign
    values[s] += Int64(sign) * lead.value
    if lead.stage.isOpen, let owner = lead.owner { openLoad[owner, default: 0] += sign }
    if lead.stage == .nurturing, let recycled = lead.recycled {
      let reason = ReasonText.normalized(recycled.reason)
      let n = recycledWaiting[reason, default: 0] + sign
      recycledWaiting[reason] = n == 0 ? nil : n
    }
    if lead.stage == .queued, lead.owner == nil { unassignedQueued += sign }
  }
}

/// Reasons as people type them, grouped for "top reasons".
enum ReasonText {
  /// Trims, folds case and whitespace so "No budget" and "no budget " count together.
  static func normalized(_ reason: String) -> String {
    reason.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }
}
