/// Which of the log's events the state "as it stood at a moment" holds: what the log
/// held then. That is the log up to (not including) its first event stamped after the
/// moment; that event and every one after it were appended later.
///
/// Events are appended in time order, so this is every event stamped by then, with one
/// exception: an import stamps a new lead with the lead's own creation time (so past
/// periods' figures count it), but appends it when the import runs, after events
/// stamped later. Before the import, the store did not hold those leads, and the cut
/// leaves them out; from the import on they are there with their own dates
/// (docs/FORMAT.md, "Time travel").
package struct HistoryCut: Sendable, Equatable {
  /// The moment the state is taken at.
  package let moment: Timestamp
  /// Whether the cut was reached: an event stamped after the moment was seen.
  package private(set) var reached = false

  /// The cut at a moment, nothing seen yet.
  package init(at moment: Timestamp) { self.moment = moment }

  /// Whether `event`, the next in log order, belongs to the state at the moment; once
  /// one does not, none after it does.
  package mutating func admits(_ event: Event) -> Bool {
    if reached || event.at > moment {
      reached = true
      return false
    }
    return true
  }
}

extension PipelineFold {
  /// Folds `event`, the next in log order, if the cut admits it; returns whether it was
  /// folded (false from the cut on, and for an event that does not fit the state).
  @discardableResult
  package func apply(_ event: Event, within cut: inout HistoryCut) -> Bool {
    guard cut.admits(event) else { return false }
    return apply(event) == nil
  }

  /// The state as it stood at `moment`: `events` (the whole log, in order) folded up to
  /// the cut. Events that do not fit are skipped, as `handoff check` reports them.
  package static func folding(
    _ events: some Sequence<Event>, at moment: Timestamp, zones: any ZoneDatabase
  ) -> PipelineFold {
    let fold = PipelineFold(zones: zones)
    var cut = HistoryCut(at: moment)
    for event in events {
      fold.apply(event, within: &cut)
      if cut.reached { break }
    }
    return fold
  }
}
