import Testing

@testable import HandoffText

/// "Did you mean …?": the edit distance and the nearest near-enough candidate.
struct SuggestionTests {
  @Test("edit distance counts a swap of neighbours as one edit")
  func distance() {
    #expect(Suggestion.distance("lsit", "list") == 1)
    #expect(Suggestion.distance("kitten", "sitting") == 3)
    #expect(Suggestion.nearest(to: "stast", in: ["stats", "show", "score"]) == "stats")
    #expect(Suggestion.nearest(to: "zzzzzz", in: ["list", "show"]) == nil)
  }
}
