/// Why the interactive terminal cannot be used; the description is one line for
/// the user.
package enum TerminalError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Standard input or output is not a terminal (piped, redirected, or no tty).
  case notATerminal
  /// `TERM=dumb` (or unset): the terminal cannot position the cursor.
  case dumbTerminal

  package var description: String {
    switch self {
    case .notATerminal:
      return "the interactive screen needs a terminal: standard input and output must both be one"
    case .dumbTerminal:
      return
        "the interactive screen needs a terminal that can move the cursor (TERM is dumb or unset)"
    }
  }
}
