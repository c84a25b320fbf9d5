import HandoffModel

/// How an import moves an existing lead to the stage a file gives: only forward, along
/// allowed moves, never by sending it back from sales to marketing. A file that is behind
/// what the team has done since (a re-export of last week's CRM data) leaves the stage
/// as it is — as HubSpot's own imports never move a lifecycle stage backwards.
package enum StagePath {
  /// How far along the pipeline a stage is; closing stages share a rank.
  static func rank(_ stage: Stage) -> Int {
    switch stage {
    case .new: return 0
    case .nurturing: return 1
    case .mql: return 2
    case .queued: return 3
    case .accepted: return 4
    case .meeting: return 5
    case .negotiation: return 6
    case .won, .lost, .disqualified: return 7
    case .churned: return 8
    }
  }

  /// The stages to move through from `current` to `target` (ending with `target`), or
  /// nil when `target` is not ahead or cannot be reached without a recycling move.
  package static func forward(from current: Stage, to target: Stage) -> [Stage]? {
    guard rank(target) > rank(current) else { return nil }
    // Breadth-first over allowed moves, skipping rejections, recycling and re-engaging.
    var previous: [Stage: Stage] = [current: current]
    var queue = [current]
    var head = 0
    while head < queue.count {
      let stage = queue[head]
      head += 1
      if stage == target { break }
      for next in stage.allowedMoves where previous[next] == nil {
        if stage.recycles(to: next) { continue }
        if next == .nurturing, !stage.isOpen { continue }
        previous[next] = stage
        queue.append(next)
      }
    }
    guard previous[target] != nil else { return nil }
    var path: [Stage] = []
    var stage = target
    while stage != current {
      path.append(stage)
      guard let p = previous[stage] else { return nil }
      stage = p
    }
    return path.reversed()
  }
}
