import HandoffModel
import HandoffSystem
import HandoffTerminal

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The user's editor (`$VISUAL`, else `$EDITOR`, else `vi`) on a temporary file, for a
/// note too long for one line: the file is made private (0600) in `$TMPDIR` (else
/// `/tmp`), filled with `text`, handed to the editor while it has the terminal, read
/// back and removed.
///
/// The editor's command runs as `/bin/sh -c '<command> "$@"' <command> <path>`, as git
/// runs its editor: the command is split, quoted and expanded exactly as the user's
/// shell would (`code -w`, `vim -u NONE`, `"/opt/My Editor/ed" --wait`, `$HOME/bin/ed`),
/// with no second, partial shell parser of our own, and the file's path reaches the
/// editor as one argument, never read by the shell as words or code.
struct ExternalEditor {
  /// The environment: `VISUAL`, `EDITOR`, `TMPDIR`; also the editor's own.
  let environment: [String: String]

  /// The command that starts the editor.
  var command: String {
    for name in ["VISUAL", "EDITOR"] {
      if let value = environment[name], !value.allSatisfy(\.isWhitespace) { return value }
    }
    // POSIX's editor, the fallback of git, crontab and less.
    return "vi"
  }

  /// Lets the user edit `text` in the editor on the session's terminal; what came of it.
  func edit(_ text: String, named name: String, on session: TerminalSession) -> EditorResult {
    let folder = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    let path: String
    do {
      path = try FilePaths.makeTemporaryFile(in: folder, prefix: name + "-", suffix: ".txt")
    } catch {
      return .failed("could not make a file for the editor in \(folder): \(error)")
    }
    defer { try? FilePaths.remove(path) }
    do {
      let file = try FileDescriptor.open(path, O_WRONLY | O_TRUNC)
      defer { file.close() }
      try file.writeAll(text)
    } catch {
      return .failed("could not write the editor's file \(path): \(error)")
    }
    let command = command
    var ending = ChildProcess.Ending.exited(0)
    var startError: String?
    session.handOver {
      var options = ChildProcess.Options(
        environment: environment, input: .inherit, output: .inherit, error: .inherit)
      options.closesOtherDescriptors = true
      do {
        ending = try ChildProcess.spawn(
          "/bin/sh", ["-c", command + " \"$@\"", command, path], options
        ).wait()
      } catch {
        startError = "\(error)"
      }
    }
    let shown = UntrustedText.sanitized(command)
    if let startError { return .failed("the editor (\(shown)) did not start: \(startError)") }
    switch ending {
    case .exited(0): break
    // The shell's own statuses: no such command, or not one that can run.
    case .exited(127):
      return .failed("the editor (\(shown)) was not found: set VISUAL or EDITOR")
    case .exited(126): return .failed("the editor (\(shown)) cannot be run")
    default: return .failed("the editor (\(shown)) failed: \(ending)")
    }
    let bytes: [UInt8]
    do {
      let file = try FileDescriptor.open(path, O_RDONLY)
      defer { file.close() }
      bytes = try file.readToEnd()
    } catch {
      return .failed("could not read the editor's file back: \(error)")
    }
    guard let edited = String(validating: bytes, as: UTF8.self) else {
      return .failed("the note is not UTF-8 text")
    }
    if edited.allSatisfy(\.isWhitespace) { return .empty }
    // An editor may add or drop a final newline: that is no change.
    if edited.trimmingWhitespace == text.trimmingWhitespace { return .unchanged }
    return .text(edited)
  }
}

/// What came of editing a text in the user's editor.
package enum EditorResult: Equatable, Sendable {
  /// The text as the editor left it.
  case text(String)
  /// Left empty (or only blank).
  case empty
  /// Saved as it was given.
  case unchanged
  /// The editor could not start, or did not end well (why, one line).
  case failed(String)
}
