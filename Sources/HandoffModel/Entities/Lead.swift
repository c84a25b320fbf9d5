/// A person or company that might buy, followed from first inquiry to kept customer.
package struct Lead: Sendable, Hashable, Identifiable {
  /// Short and typeable, e.g. `1042`.
  package var id: Int
  /// The person's name.
  package var name: String
  /// Their company.
  package var company: String
  /// Their email address (may be empty).
  package var email: String
  /// Where the lead came from: webinar, seo, ads, social, referral, event, content, outbound…
  package var source: String
  /// Market segment, e.g. smb, mid-market, enterprise (may be empty).
  package var segment: String
  /// Fit and intent, 0–100.
  package var score: Int
  /// Estimated deal value in minor currency units (cents).
  package var value: Int64
  /// Where the lead is now.
  package var stage: Stage
  /// The member who owns it, if any.
  package var owner: String?
  /// When it was captured.
  package var createdAt: Timestamp
  /// When it entered its current stage.
  package var stageEnteredAt: Timestamp
  /// When anything last happened to it.
  package var lastActivityAt: Timestamp
  /// For customers: when the next follow-up is due.
  package var nextFollowUp: Timestamp?
  /// The most recent reason given for rejecting, recycling, losing or disqualifying it.
  package var reason: String?
  /// Set when sales sent the lead back to marketing, until it is qualified again.
  package var recycled: Recycling?
  /// The marketer who handed it off most recently; a rejected lead returns to them.
  package var handedOffBy: String?
  /// Assigned to its owner by someone else and not yet opened by the owner.
  package var unseenByOwner: Bool
  /// Grows by one with every change; actions name the version they were based on.
  package var version: Int
  /// Who made the most recent change (at `lastActivityAt`).
  package var lastChangedBy: String
  /// What the most recent change was.
  package var lastChange: ChangeSummary

  /// Creates a lead.
  package init(
    id: Int, name: String, company: String, email: String = "", source: String,
    segment: String = "",
    score: Int = 0, value: Int64 = 0, stage: Stage = .new, owner: String? = nil,
    createdAt: Timestamp,
    stageEnteredAt: Timestamp? = nil, lastActivityAt: Timestamp? = nil,
    nextFollowUp: Timestamp? = nil,
    reason: String? = nil, recycled: Recycling? = nil, handedOffBy: String? = nil,
    unseenByOwner: Bool = false, version: Int = 1, lastChangedBy: String = "",
    lastChange: ChangeSummary = .created
  ) {
    self.id = id
    self.name = name
    self.company = company
    self.email = email
    self.source = source
    self.segment = segment
    self.score = score
    self.value = value
    self.stage = stage
    self.owner = owner
    self.createdAt = createdAt
    self.stageEnteredAt = stageEnteredAt ?? createdAt
    self.lastActivityAt = lastActivityAt ?? createdAt
    self.nextFollowUp = nextFollowUp
    self.reason = reason
    self.recycled = recycled
    self.handedOffBy = handedOffBy
    self.unseenByOwner = unseenByOwner
    self.version = version
    self.lastChangedBy = lastChangedBy
    self.lastChange = lastChange
  }
}

/// What a lead's most recent change was, kept so a refused action can say what
/// happened meanwhile ("1042 was assigned to sam by maria 3 s ago").
package enum ChangeSummary: Sendable, Hashable {
  case created
  case updated
  case scored(Int)
  case moved(Stage)
  case assigned(String?)
  case noted
  case followedUp
  case reverted

  /// A past-tense phrase: `moved to won`, `assigned to sam`, `unassigned`.
  package var phrase: String {
    switch self {
    case .created: return "created"
    case .updated: return "edited"
    case .scored(let s): return "scored \(s)"
    case .moved(let stage): return "moved to \(stage.rawValue)"
    case .assigned(let owner?): return "assigned to \(owner)"
    case .assigned(nil): return "unassigned"
    case .noted: return "given a note"
    case .followedUp: return "followed up"
    case .reverted: return "reverted"
    }
  }
}

/// How and why sales sent a lead back to marketing.
package struct Recycling: Sendable, Hashable {
  /// Why it came back.
  package var reason: String
  /// Who sent it back.
  package var by: String
  /// When.
  package var at: Timestamp
  /// The stage it was sent back from: `queued` (rejected) or `accepted` (recycled).
  package var from: Stage

  /// Creates a record of a lead sent back.
  package init(reason: String, by: String, at: Timestamp, from: Stage) {
    self.reason = reason
    self.by = by
    self.at = at
    self.from = from
  }
}

/// A note on a lead.
package struct Note: Sendable, Hashable {
  /// When it was written.
  package var at: Timestamp
  /// Who wrote it.
  package var author: String
  /// What it says.
  package var text: String

  /// Creates a note.
  package init(at: Timestamp, author: String, text: String) {
    self.at = at
    self.author = author
    self.text = text
  }
}
