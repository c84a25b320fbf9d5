/// The commit this binary was built from, for `handoff --version`. Nil in the committed
/// file: a plain `swift build` cannot know it, and `--version` says "commit unknown".
/// scripts/install.sh writes the commit in for its release build and puts this file
/// back as committed afterwards (docs/INSTALL.md).
enum BuildCommit {
  static let commit: String? = nil
}
