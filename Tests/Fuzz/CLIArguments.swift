// libFuzzer entry point for the CLI's argument parsing and CSV cells; built by
// scripts/fuzz.sh into the HandoffCLI module (not a SwiftPM target), so internal types
// are reachable. Parsing is separate from running, so nothing here touches a store.
import HandoffModel

/// Splits the input at NUL bytes into command-line words and parses them as `handoff`
/// does before running a command: global options, the command's name, its flags; then
/// every word as each kind of value, and as a CSV cell.
///
/// Invariants:
/// - parsing either succeeds or throws a `CLIError`, never traps;
/// - a CSV cell reads back (RFC 4180) as the word itself, with a leading `'` exactly
///   when the word starts with `=`, `+`, `-`, `@`, a tab or a carriage return, so a
///   spreadsheet never sees a formula.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArguments(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
  let bytes = UnsafeRawBufferPointer(start: data, count: size)
  let words = bytes.split(separator: 0, omittingEmptySubsequences: false).map {
    String(decoding: $0, as: UTF8.self)
  }
  parseCommandLine(words)
  let now = Timestamp(milliseconds: 1_795_000_000_000)
  let fold = PipelineFold(localZone: .utc)
  let pipeline = fold.pipeline
  for word in words.prefix(8) {
    _ = try? Values.leadID(word)
    _ = try? Values.integer(word, "score", in: 0...100)
    _ = try? Values.money(word)
    _ = try? Values.stage(word)
    _ = try? Values.department(word)
    _ = try? Values.metric(word)
    _ = try? Values.onOff(word, "away")
    _ = try? Values.duration(word, "rate")
    _ = try? Values.date(word, now: now, zone: .utc)
    _ = try? Values.period(word, pipeline: pipeline, now: now)
    checkCSV(word)
  }
  return 0
}

private func parseCommandLine(_ arguments: [String]) {
  guard let (_, words) = try? GlobalOptions.extract(from: arguments), !words.isEmpty,
    let (spec, used) = try? Registry.find(words)
  else { return }
  _ = try? Arguments(Array(words.dropFirst(used)), flags: spec.flags, command: spec.name)
}

private func checkCSV(_ word: String) {
  let cell = Array(CSV.cell(word).unicodeScalars)
  // Read the cell back as a spreadsheet would (RFC 4180), scalar by scalar.
  var text = String.UnicodeScalarView()
  if cell.first == "\"" {
    guard cell.count >= 2, cell.last == "\"" else { fatalError("a bad quoted cell \(cell)") }
    var index = 1
    while index < cell.count - 1 {
      if cell[index] == "\"" {
        guard cell[index + 1] == "\"", index + 1 < cell.count - 1 else {
          fatalError(
            "a quote that ends the cell early in \(String(CSV.cell(word)).debugDescription)")
        }
        index += 1
      }
      text.append(cell[index])
      index += 1
    }
  } else {
    if cell.contains(where: { ",\"\n\r".unicodeScalars.contains($0) }) {
      fatalError("a cell needing quotes is bare: \(CSV.cell(word).debugDescription)")
    }
    text.append(contentsOf: cell)
  }
  let risky = word.unicodeScalars.first.map { "=+-@\t\r".unicodeScalars.contains($0) } ?? false
  let expected = risky ? "'" + word : word
  guard String(text).unicodeScalars.elementsEqual(expected.unicodeScalars) else {
    fatalError(
      "CSV cell \(CSV.cell(word).debugDescription) does not read back as \(word.debugDescription)")
  }
}
