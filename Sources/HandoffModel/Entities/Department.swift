/// The two halves of the team.
package enum Department: String, Sendable, CaseIterable, Hashable {
  case marketing, sales
}
