import HandoffModel
import HandoffStore
import HandoffTerminal
import HandoffText

/// How a failed run is told: every error becomes one `CLIError` (its line and exit
/// status), written as `handoff: …` on standard error, or with `--json` as one object
/// `{"error": "…", "exit": N}` on standard error. The exit status is the same either way.
enum ErrorReport {
  /// The error as the user sees it. A value whose form is wrong (a malformed handle, an
  /// unparsable setting, text too long, empty or holding a control character, an
  /// unknown theme) is bad usage, 2, wherever it was found; anything the model or the
  /// store refuses in the state it is in (no such lead, an illegal move, a stale
  /// version, a locked store) is 1.
  static func classify(_ error: any Error) -> CLIError {
    switch error {
    case let e as CLIError: return e
    case let e as ModelError: return classify(e)
    case let e as StoreError:
      if case .model(let m) = e { return classify(m) }
      if case .badAddress = e { return .usage(e.description) }
      return .failure(e.description)
    case let e as ThemeError: return .usage(e.description)
    default: return .failure(String(describing: error))
    }
  }

  private static func classify(_ error: ModelError) -> CLIError {
    switch error {
    case .invalidValue, .tooLong, .empty, .controlCharacter, .unknownSetting:
      return .usage(error.description)
    default:
      return .failure(error.description)
    }
  }

  /// Writes the error to `err`: one line made safe for a terminal, or one JSON object
  /// (whose strings the writer escapes).
  static func write(_ error: CLIError, json: Bool, to err: inout Output) {
    guard json else {
      err.line("handoff: " + UntrustedTextCLI.safe(error.message))
      return
    }
    var w = JSONWriter()
    w.open()
    w.field("error", error.message)
    w.field("exit", Int(error.exitCode))
    w.close()
    err.line(w.text)
  }
}
