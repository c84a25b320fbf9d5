/// Why a command did not do what was asked: the one line the user sees, and whether
/// it was a mistake in how the command was typed (exit 2) or a refusal (exit 1).
struct CLIError: Error, CustomStringConvertible {
  enum Kind {
    /// The command line itself is wrong: unknown command or flag, bad number or date.
    case usage
    /// The command was understood but could not be done.
    case failure
  }

  let kind: Kind
  let message: String

  var description: String { message }

  /// A mistake in how the command was typed.
  static func usage(_ message: String) -> CLIError { CLIError(kind: .usage, message: message) }

  /// A refusal or failure of a well-formed command.
  static func failure(_ message: String) -> CLIError { CLIError(kind: .failure, message: message) }

  /// The process exit code for this error.
  var exitCode: Int32 { kind == .usage ? 2 : 1 }
}
