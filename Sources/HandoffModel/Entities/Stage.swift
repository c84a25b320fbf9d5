/// Where a lead is in its life, from captured inquiry to kept (or lost) customer.
package enum Stage: String, Sendable, CaseIterable, Hashable, Comparable {
  case new, nurturing, mql, queued, accepted, meeting, negotiation, won, lost, disqualified, churned

  /// The position of the stage in the pipeline's natural order.
  package var ordinal: Int { Stage.allCases.firstIndex(of: self) ?? 0 }

  package static func < (lhs: Stage, rhs: Stage) -> Bool { lhs.ordinal < rhs.ordinal }

  /// Who owns leads in this stage; `nil` for `queued`, the handoff between the two.
  package var department: Department? {
    switch self {
    case .new, .nurturing, .mql, .disqualified: return .marketing
    case .queued: return nil
    case .accepted, .meeting, .negotiation, .won, .lost, .churned: return .sales
    }
  }

  /// The department whose members may own a lead in this stage. Queued leads are
  /// owned (if at all) by the sales rep expected to accept them.
  package var ownerDepartment: Department { department ?? .sales }

  /// Whether a lead here is still being worked (not won, lost, disqualified or churned).
  package var isOpen: Bool {
    switch self {
    case .won, .lost, .disqualified, .churned: return false
    default: return true
    }
  }

  /// Whether this is a sales stage with an open deal (accepted, meeting, negotiation).
  package var isOpenDeal: Bool { self == .accepted || self == .meeting || self == .negotiation }

  /// The stages a lead in this stage may move to.
  package var allowedMoves: [Stage] {
    switch self {
    case .new: return [.nurturing, .mql, .disqualified]
    case .nurturing: return [.mql, .disqualified]
    case .mql: return [.queued, .nurturing]
    case .queued: return [.accepted, .nurturing]
    case .accepted: return [.meeting, .negotiation, .won, .lost, .nurturing]
    case .meeting: return [.negotiation, .won, .lost]
    case .negotiation: return [.meeting, .won, .lost]
    case .won: return [.churned]
    case .lost, .disqualified, .churned: return [.nurturing]
    }
  }

  /// Whether moving from this stage to `target` is allowed.
  package func canMove(to target: Stage) -> Bool { allowedMoves.contains(target) }

  /// Whether the move from this stage to `target` must carry a reason: rejection and
  /// recycling by sales, loss, disqualification.
  package func requiresReason(to target: Stage) -> Bool {
    switch (self, target) {
    case (.queued, .nurturing), (.accepted, .nurturing): return true
    case (_, .lost), (_, .disqualified): return true
    default: return false
    }
  }

  /// Whether the move from this stage to `target` sends the lead back from sales to
  /// marketing, marking it recycled.
  package func recycles(to target: Stage) -> Bool {
    target == .nurturing && (self == .queued || self == .accepted)
  }

  /// The next stage along the main path, used by the `>` key; nil at the end.
  package var forward: Stage? {
    switch self {
    case .new: return .nurturing
    case .nurturing: return .mql
    case .mql: return .queued
    case .queued: return .accepted
    case .accepted: return .meeting
    case .meeting: return .negotiation
    case .negotiation: return .won
    case .won: return .churned
    case .lost, .disqualified, .churned: return .nurturing
    }
  }

  /// The previous stage along the main path, used by the `<` key, where that move is
  /// allowed; nil otherwise.
  package var backward: Stage? {
    switch self {
    case .mql, .queued, .accepted: return .nurturing
    case .negotiation: return .meeting
    default: return nil
    }
  }
}
