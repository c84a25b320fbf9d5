import HandoffModel

/// The panes' numbers at one moment, computed once and reused for every frame until
/// an event arrives or the clock's second changes: a key press redraws from them
/// without touching the pipeline's figures again.
package struct DashboardFigures {
  let marketing: MarketingFigures
  let queue: QueueFigures
  let sales: SalesFigures
  let targets: [TargetProgress]
  private let stamp: Stamp

  /// What the figures were computed from.
  private struct Stamp: Equatable {
    var lastSeq: Int64
    var eventCount: Int
    var generation: UInt64
    var second: Int64

    init(_ pipeline: Pipeline, _ now: Timestamp) {
      lastSeq = pipeline.lastSeq
      eventCount = pipeline.eventCount
      generation = pipeline.generation
      second = now.milliseconds / 1000
    }
  }

  /// The figures of a pipeline at a moment.
  package init(pipeline: Pipeline, now: Timestamp) {
    marketing = MarketingFigures(pipeline, at: now)
    queue = QueueFigures(pipeline, at: now)
    sales = SalesFigures(pipeline, at: now)
    targets = TargetProgress.all(pipeline, at: now)
    stamp = Stamp(pipeline, now)
  }

  /// Whether these figures still hold for the pipeline at a moment.
  package func isCurrent(pipeline: Pipeline, now: Timestamp) -> Bool {
    stamp == Stamp(pipeline, now)
  }
}
