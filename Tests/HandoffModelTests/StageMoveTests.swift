import HandoffModel
import Testing

/// The allowed moves, written out from DESIGN.md independently of `Stage.allowedMoves`.
private let designMoves: Set<String> = [
  "new>nurturing", "new>mql", "new>disqualified",
  "nurturing>mql", "nurturing>disqualified",
  "mql>queued", "mql>nurturing",
  "queued>accepted", "queued>nurturing",
  "accepted>meeting", "accepted>negotiation", "accepted>won", "accepted>lost", "accepted>nurturing",
  "meeting>negotiation", "meeting>won", "meeting>lost",
  "negotiation>meeting", "negotiation>won", "negotiation>lost",
  "won>churned",
  "lost>nurturing", "disqualified>nurturing", "churned>nurturing",
]

/// Moves that must carry a reason.
private let reasonMoves: Set<String> = [
  "queued>nurturing", "accepted>nurturing", "accepted>lost", "meeting>lost", "negotiation>lost",
  "new>disqualified", "nurturing>disqualified",
]

struct StageMoveTests {
  @Test(
    "every pair of stages is allowed exactly when DESIGN.md allows it", arguments: Stage.allCases)
  func transitionMatrix(from: Stage) {
    for to in Stage.allCases {
      let h = Harness()
      h.addTeam()
      // Sam manages, so the departments' duties stay out of the stage rules.
      h.act(
        .updateMember(handle: "sam", away: nil, capacity: nil, name: nil, role: .manager), by: "sam"
      )
      let owner: String? =
        from.ownerDepartment == .marketing ? "maria" : (from == .queued ? "sam" : "lee")
      let id = h.placeLead(in: from, owner: owner)
      let key = "\(from.rawValue)>\(to.rawValue)"
      let result = Result { () throws(ModelError) in
        try Planner(h.pipeline).plan(
          .move(id: id, to: to, reason: "because"), by: "sam", at: h.now, overriding: .take)
      }
      if designMoves.contains(key) {
        guard case .success(.leadMoved(let move)) = result else {
          Issue.record("\(key) refused: \(result)")
          continue
        }
        #expect(move.from == from && move.to == to)
        h.record(.leadMoved(move), by: "sam")
        #expect(h.pipeline.lead(id)?.stage == to)
      } else if from == to {
        #expect(result.error == .sameStage(lead: id, stage: from), "\(key)")
      } else {
        #expect(result.error == .illegalMove(lead: id, from: from, to: to), "\(key)")
      }
    }
  }

  @Test("moves that need a reason are refused without one", arguments: Array(designMoves))
  func reasons(key: String) {
    let parts = key.split(separator: ">").map { Stage(rawValue: String($0))! }
    let (from, to) = (parts[0], parts[1])
    let h = Harness()
    h.addTeam()
    h.act(
      .updateMember(handle: "lee", away: nil, capacity: nil, name: nil, role: .manager), by: "lee")
    let owner: String? = from.ownerDepartment == .marketing ? "maria" : "lee"
    let id = h.placeLead(in: from, owner: owner)
    for reason in [nil, "", "   "] as [String?] {
      let error = h.refusal(.move(id: id, to: to, reason: reason), by: "lee")
      if reasonMoves.contains(key) {
        #expect(error == .reasonRequired(lead: id, from: from, to: to), "\(key)")
      } else {
        #expect(error == nil, "\(key) should not need a reason")
      }
    }
  }

  @Test("the stage model's own table matches DESIGN.md")
  func tableMatchesDesign() {
    var fromModel: Set<String> = []
    var reasonsFromModel: Set<String> = []
    for from in Stage.allCases {
      for to in from.allowedMoves {
        fromModel.insert("\(from.rawValue)>\(to.rawValue)")
        if from.requiresReason(to: to) {
          reasonsFromModel.insert("\(from.rawValue)>\(to.rawValue)")
        }
      }
    }
    #expect(fromModel == designMoves)
    #expect(reasonsFromModel == reasonMoves)
  }

  @Test("forward and back keys follow the main path and only allowed moves")
  func forwardAndBack() {
    for stage in Stage.allCases {
      if let f = stage.forward { #expect(stage.canMove(to: f), "\(stage) > \(f)") }
      if let b = stage.backward { #expect(stage.canMove(to: b), "\(stage) < \(b)") }
    }
    #expect(Stage.new.forward == .nurturing)
    #expect(Stage.mql.forward == .queued)
    #expect(Stage.negotiation.forward == .won)
    #expect(Stage.won.backward == nil)
  }
}

extension Result {
  var error: Failure? {
    if case .failure(let e) = self { return e }
    return nil
  }
}
