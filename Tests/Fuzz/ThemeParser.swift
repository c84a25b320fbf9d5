// libFuzzer entry point for the terminal's theme file parser; built by scripts/fuzz.sh
// into the HandoffTerminal module (not a SwiftPM target), so internal members are
// reachable.

/// Parses the input (as UTF-8, invalid bytes replaced) as a theme file.
///
/// Invariants:
/// - parsing either succeeds or throws a `ThemeError`, never anything else;
/// - an error's text is safe to print on a terminal, and names a line of the file;
/// - a parsed theme's name is safe to print.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzThemeParser(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
  let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
  do {
    let theme = try Theme.parse(text, name: "fuzz", source: "fuzz.theme")
    if !UntrustedText.isSafe(theme.name) {
      fatalError("an unsafe theme name \(theme.name.debugDescription)")
    }
  } catch let error as ThemeError {
    let message = String(describing: error)
    if !UntrustedText.isSafe(message) {
      fatalError("an unsafe error message \(message.debugDescription)")
    }
    if let line = error.line, line < 1 || line > lines { fatalError("an error on line \(line)") }
  } catch {
    fatalError("an unexpected error \(error)")
  }
  return 0
}
