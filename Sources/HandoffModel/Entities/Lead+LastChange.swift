extension Lead {
  /// Says what last happened to the lead: "1042 was assigned to sam by maria 3 s ago".
  package func describeLastChange(now: Timestamp) -> String {
    let who = lastChangedBy.isEmpty ? "someone" : lastChangedBy
    return "\(id) was \(lastChange.phrase) by \(who) \(RelativeTime.ago(lastActivityAt, now: now))"
  }
}
