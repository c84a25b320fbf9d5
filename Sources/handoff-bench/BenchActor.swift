import HandoffModel

/// Who the benchmark writes as: a member of the store's team, since only members write
/// once a team has one (the first active member; any name while the team is empty).
enum BenchActor {
  static func writer(_ pipeline: Pipeline) -> String {
    pipeline.members.first { $0.active }?.handle ?? "bench-writer"
  }
}
