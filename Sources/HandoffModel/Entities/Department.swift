/// The two halves of the team.
public enum Department: String, Sendable, CaseIterable, Hashable {
  case marketing, sales
}
