/// "Did you mean …?" for mistyped commands, flags and names.
package enum Suggestion {
  /// The candidate nearest to `word` by edit distance, if it is near enough to be a
  /// plausible typo.
  package static func nearest(to word: String, in candidates: [String]) -> String? {
    let scored = candidates.map { ($0, distance(word, $0)) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    let limit = max(2, word.count / 3)
    return best.1 <= limit ? best.0 : nil
  }

  /// `" (did you mean 'x'?)"`, or nothing.
  package static func hint(for word: String, in candidates: [String], prefix: String = "") -> String
  {
    guard let n = nearest(to: word, in: candidates) else { return "" }
    return " (did you mean '\(prefix)\(n)'?)"
  }

  /// The edit distance between two words, by characters: insertions, deletions,
  /// substitutions and swaps of neighbours (`lsit` is one edit from `list`).
  package static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
        }
      }
    }
    return d[a.count][b.count]
  }
}
