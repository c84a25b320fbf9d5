/// How much of a split one part asks for.
public enum Constraint: Hashable, Sendable {
  /// Exactly this many cells (less only if the whole is too small).
  case fixed(Int)
  /// This percentage of the whole (rounded down).
  case percent(Int)
  /// At least this many cells; the parts asking for a minimum share what is left.
  case min(Int)
}

/// The direction a rectangle is split in.
public enum Axis: Hashable, Sendable {
  /// Parts side by side, left to right.
  case horizontal
  /// Parts stacked, top to bottom.
  case vertical
}

/// Splits rectangles into parts.
public enum Layout {
  /// Splits `rect` along `axis` into one part per constraint, in order, with
  /// `spacing` cells between parts. Space left after fixed and percentage parts is
  /// shared by `.min` parts, earlier ones taking the odd cells; when space is short,
  /// parts shrink from the last one backwards.
  public static func split(
    _ rect: Rect, _ axis: Axis, _ constraints: [Constraint], spacing: Int = 0
  ) -> [Rect] {
    guard !constraints.isEmpty else { return [] }
    let whole = axis == .horizontal ? rect.width : rect.height
    let available = max(0, whole - spacing * (constraints.count - 1))
    var sizes = constraints.map { constraint -> Int in
      switch constraint {
      case .fixed(let cells): return max(0, cells)
      case .percent(let share): return available * max(0, Swift.min(100, share)) / 100
      case .min(let cells): return max(0, cells)
      }
    }
    var spare = available - sizes.reduce(0, +)
    let growable = constraints.indices.filter {
      if case .min = constraints[$0] { return true }
      return false
    }
    if spare > 0 && !growable.isEmpty {
      let each = spare / growable.count
      var odd = spare % growable.count
      for index in growable {
        sizes[index] += each + (odd > 0 ? 1 : 0)
        odd -= 1
      }
      spare = 0
    }
    var index = sizes.count - 1
    while spare < 0 && index >= 0 {
      let cut = Swift.min(sizes[index], -spare)
      sizes[index] -= cut
      spare += cut
      index -= 1
    }
    var parts: [Rect] = []
    var offset = axis == .horizontal ? rect.x : rect.y
    for size in sizes {
      switch axis {
      case .horizontal:
        parts.append(Rect(x: offset, y: rect.y, width: size, height: rect.height))
      case .vertical:
        parts.append(Rect(x: rect.x, y: offset, width: rect.width, height: size))
      }
      offset += size + spacing
    }
    return parts
  }
}
