/// "Did you mean …?" for mistyped commands, flags and names.
enum Suggestion {
  /// The candidate nearest to `word` by edit distance, if it is near enough to be a
  /// plausible typo.
  static func nearest(to word: String, in candidates: [String]) -> String? {
    let scored = candidates.map { ($0, distance(word, $0)) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    let limit = max(2, word.count / 3)
    return best.1 <= limit ? best.0 : nil
  }

  /// `" (did you mean 'x'?)"`, or nothing.
  static func hint(for word: String, in candidates: [String], prefix: String = "") -> String {
    guard let n = nearest(to: word, in: candidates) else { return "" }
    return " (did you mean '\(prefix)\(n)'?)"
  }

  /// The Levenshtein distance between two words, by characters.
  static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
