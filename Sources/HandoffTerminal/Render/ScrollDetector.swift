/// Rows that moved up or down between two frames, as one scroll region: after
/// `distance` lines are deleted (up) or inserted (down) at `top` within rows
/// `top...bottom`, the moved rows are where the new frame wants them.
struct ScrollShift: Equatable {
  /// The scroll region, rows counted from 0, both inclusive.
  var top: Int
  var bottom: Int
  /// Rows the content moves up (positive) or down (negative).
  var distance: Int
}

/// Finds the vertical scroll in a frame change, the idea of ncurses' scroll optimiser
/// (tty_update.c, hashmap.c) in our own form: each row that changed is compared with
/// the previous frame's rows a few above and below, on the columns where it changed,
/// so a pane that scrolls beside panes that did not is found too. The longest run of
/// rows that moved by one distance is the candidate; the renderer weighs it by the
/// bytes it actually costs against rewriting.
enum ScrollDetector {
  /// The farthest a scroll is looked for, in rows.
  static let maximumDistance = 8
  /// The fewest moved rows worth a scroll region.
  static let minimumRun = 3

  static func shift(from old: CellBuffer, to new: CellBuffer) -> ScrollShift? {
    let width = new.width
    let height = new.height
    guard width > 0, height >= minimumRun + 1, old.width == width, old.height == height else {
      return nil
    }
    return new.cells.withUnsafeBufferPointer { next in
      old.cells.withUnsafeBufferPointer { last in
        // Where each row changed: the first and last differing column, or nil.
        var spans: [(first: Int, last: Int)?] = []
        spans.reserveCapacity(height)
        var changedRows = 0
        for y in 0..<height {
          let row = y * width
          if CellRun.identical(next, row, last, row, count: width) {
            spans.append(nil)
            continue
          }
          var first = 0
          while first < width && next[row + first] == last[row + first] { first += 1 }
          if first == width {
            spans.append(nil)
            continue
          }
          var end = width - 1
          while end > first && next[row + end] == last[row + end] { end -= 1 }
          spans.append((first, end))
          changedRows += 1
        }
        guard changedRows >= minimumRun else { return nil }
        func moved(_ y: Int, by distance: Int) -> Bool {
          guard let span = spans[y] else { return false }
          let source = y + distance
          guard source >= 0, source < height else { return false }
          let to = y * width
          let from = source * width
          let count = span.last - span.first + 1
          if CellRun.identical(next, to + span.first, last, from + span.first, count: count) {
            return true
          }
          for x in span.first...span.last where next[to + x] != last[from + x] { return false }
          return true
        }
        var best: ScrollShift?
        var bestRun = minimumRun - 1
        for magnitude in 1...min(maximumDistance, height - 1) {
          for distance in [magnitude, -magnitude] {
            var y = 0
            while y < height {
              guard moved(y, by: distance) else {
                y += 1
                continue
              }
              var end = y
              while end + 1 < height && moved(end + 1, by: distance) { end += 1 }
              let run = end - y + 1
              if run > bestRun {
                bestRun = run
                best =
                  distance > 0
                  ? ScrollShift(top: y, bottom: end + distance, distance: distance)
                  : ScrollShift(top: y + distance, bottom: end, distance: distance)
              }
              y = end + 1
            }
          }
        }
        return best
      }
    }
  }
}
