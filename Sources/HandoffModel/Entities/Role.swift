/// What a member may do beyond their department's work: a `member` does their
/// department's part of the handoff, a `manager` may do either department's.
package enum Role: String, Sendable, CaseIterable, Hashable {
  case member, manager
}

/// The steps of the handoff that belong to one department: marketing hands leads off,
/// sales accepts, rejects and closes them. Managers may take any of them.
package enum Duty: Sendable, Hashable {
  case handOff, accept, reject, close

  /// The department whose members do this.
  package var department: Department {
    self == .handOff ? .marketing : .sales
  }

  /// The work in words, for refusals: `hand off`, `close`.
  package var words: String {
    switch self {
    case .handOff: return "hand off"
    case .accept: return "accept"
    case .reject: return "reject"
    case .close: return "close"
    }
  }

  /// The duty a stage change is, if it is one: to `queued` a handoff, `queued` to
  /// `accepted` an acceptance, back to marketing a rejection, to won or lost a close.
  package init?(from: Stage, to: Stage) {
    switch (from, to) {
    case (_, .queued): self = .handOff
    case (.queued, .accepted): self = .accept
    case _ where from.recycles(to: to): self = .reject
    case (_, .won), (_, .lost): self = .close
    default: return nil
    }
  }
}

/// What an actor confirms when the model would otherwise refuse: taking a lead owned
/// by someone else (`--take`, or yes to the dashboard's question), assigning to a
/// member who is away or at capacity (`--force`).
package struct Overrides: OptionSet, Sendable, Hashable {
  package let rawValue: Int
  package init(rawValue: Int) { self.rawValue = rawValue }

  /// Accept, win or lose a lead another member owns, becoming its owner.
  package static let take = Overrides(rawValue: 1)
  /// Assign a lead to a member who is away or at capacity.
  package static let force = Overrides(rawValue: 2)
}
