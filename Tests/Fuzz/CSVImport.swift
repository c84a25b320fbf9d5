// libFuzzer entry point for the import's reading of files; built by scripts/fuzz.sh into
// the HandoffImport module (not a SwiftPM target), so internal types are reachable.
import HandoffModel

/// Decodes the input as an import file does, reads every record with the sniffed
/// dialect, and plans the whole import against a small team.
///
/// Invariants:
/// - the decoded text is valid UTF-8, whatever the bytes;
/// - records come in order of their lines, each within the file;
/// - every record written back as RFC 4180 reads back as the same fields (the reader
///   and a strict writer agree), unless its quote never closed;
/// - planning either succeeds or throws an `ImportError`, and every refused row names a
///   line of the file; nothing a planned lead holds has a character never stored.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVImport(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
  let bytes = Array(UnsafeRawBufferPointer(start: data, count: size))
  guard let text = try? ImportText(decoding: bytes) else { return 0 }
  if let bad = ImportText.firstInvalidUTF8(text.utf8) {
    fatalError("decoded text is not UTF-8 at byte \(bad)")
  }
  let lines = text.utf8.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) } + text.utf8.count
  let dialect = CSVDialect.sniff(text.utf8)
  var reader = CSVReader(text.utf8, dialect: dialect)
  var lastLine = 0
  while let record = reader.next() {
    if record.line < lastLine || record.line > lines {
      fatalError("record on line \(record.line) after line \(lastLine)")
    }
    lastLine = record.line
    if !record.unterminatedQuote { checkRoundTrip(record, delimiter: dialect.delimiter) }
  }
  planWhole(bytes, lines: lines)
  return 0
}

/// Writes the record strictly (every field quoted when it must be) and reads it back.
private func checkRoundTrip(_ record: CSVRecord, delimiter: UInt8) {
  var out: [UInt8] = []
  for (i, field) in record.fields.enumerated() {
    if i > 0 { out.append(delimiter) }
    let raw = Array(field.utf8)
    let quote =
      raw.contains { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
      || (record.fields.count == 1 && raw.isEmpty)
    if quote { out.append(0x22) }
    for b in raw {
      if b == 0x22 { out.append(0x22) }
      out.append(b)
    }
    if quote { out.append(0x22) }
  }
  out.append(0x0A)
  var again = CSVReader(out, dialect: CSVDialect(delimiter: delimiter))
  guard let back = again.next(), back.fields == record.fields, again.next() == nil else {
    fatalError("record \(record.fields) does not read back from \(out)")
  }
}

private let team = [
  Member(
    handle: "maria", name: "María García", department: .marketing, joinedAt: .init(milliseconds: 0)),
  Member(handle: "sam", name: "Sam Okafor", department: .sales, joinedAt: .init(milliseconds: 0)),
]

/// Plans the file against an empty store and checks what comes out.
private func planWhole(_ bytes: [UInt8], lines: Int) {
  let baseline = ImportBaseline(
    leads: [], members: team, memberEmails: ["sam": "sam@example.com"], currency: "USD",
    zone: .utc, now: Timestamp(milliseconds: 1_710_000_000_000))
  do {
    let result = try Importer(options: ImportOptions(), baseline: baseline).plan(bytes, file: "f")
    for problem in result.report.problems {
      if let line = problem.line, line < 1 || line > lines { fatalError("refused line \(line)") }
    }
    for lead in result.plan.creations {
      for text in [lead.name, lead.company, lead.email, lead.source, lead.segment, lead.reason] {
        if let text, Validate.forbiddenScalar(in: text) != nil {
          fatalError("a planned lead holds a control character: \(text.debugDescription)")
        }
      }
    }
    _ = result.report.lines(dryRun: true)
  } catch {
    _ = error.description
  }
}
