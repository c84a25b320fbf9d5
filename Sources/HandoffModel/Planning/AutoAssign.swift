/// Auto-assign: which member a lead goes to when nobody is named.
package struct AutoAssign {
  /// The state whose members and loads are weighed.
  package let pipeline: Pipeline

  /// Auto-assign on `pipeline`'s current state.
  package init(_ pipeline: Pipeline) { self.pipeline = pipeline }

  /// The member auto-assign picks: active, not away, in the department that owns the
  /// lead's stage, under capacity, with the fewest open leads; ties go to whoever has
  /// waited longest since their last assignment, then by handle.
  package func leastLoaded(for lead: Lead) throws(ModelError) -> Member {
    let department = lead.stage.ownerDepartment
    let team = pipeline.members.filter { $0.department == department && $0.active }
    guard !team.isEmpty else {
      throw .noCandidate(lead: lead.id, department: department, why: "no active members")
    }
    let candidates = team.filter { m in
      m.handle != lead.owner && !m.away
        && (m.capacity.map { pipeline.load(of: m.handle) < $0 } ?? true)
    }
    let best = candidates.min { a, b in
      let la = pipeline.load(of: a.handle)
      let lb = pipeline.load(of: b.handle)
      if la != lb { return la < lb }
      let ta = a.lastAssignedAt?.milliseconds ?? Int64.min
      let tb = b.lastAssignedAt?.milliseconds ?? Int64.min
      if ta != tb { return ta < tb }
      return a.handle < b.handle
    }
    guard let best else {
      throw .noCandidate(
        lead: lead.id, department: department,
        why: "everyone is away, at capacity or already its owner")
    }
    return best
  }
}
