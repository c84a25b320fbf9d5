import HandoffPresentation
import HandoffTerminal
import Testing

/// Tables printed as text, drawn by the engine's `Table`.
struct TableTextTests {
  private func lines(_ table: TableText, width: Int) -> [String] {
    table.render(width: width).split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init)
  }

  @Test("columns as wide as their widest cell, two spaces apart, numbers on the right")
  func natural() {
    var t = TableText([.init("ID", alignment: .right), .init("NAME"), .init("NOTE")])
    t.add(["7", "Ada", "ok"])
    t.add(["1001", "Bartholomew", "-"])
    #expect(
      lines(t, width: 80) == [
        "  ID  NAME         NOTE", "   7  Ada          ok", "1001  Bartholomew  -", "",
      ])
  }

  @Test("flexible columns shrink with … to fit, wide characters count two, cells are sanitized")
  func shrink() {
    var t = TableText([
      .init("ID", alignment: .right), .init("NAME", flexible: true), .init("NOTE"),
    ])
    t.add(["7", String(repeating: "x", count: 50), "ok"])
    t.add(["1001", "Bell\u{07}", "漢字"])
    let out = lines(t, width: 30)
    #expect(out[0] == "  ID  NAME                NOTE")
    #expect(out[1] == "   7  xxxxxxxxxxxxxxxxx…  ok")
    #expect(out[2] == "1001  Bell␇               漢字")
    #expect(out.allSatisfy { DisplayWidth.of($0) <= 30 })
  }

  @Test("a flexible column stops at its minimum; the widest shrinks first")
  func minimum() {
    var t = TableText([
      .init("A", flexible: true, minimum: 4), .init("B", flexible: true, minimum: 10),
    ])
    t.add([String(repeating: "a", count: 20), String(repeating: "b", count: 12)])
    // 20 + 2 + 12 = 34 cells into 20: A shrinks to 12, then both by turns until B is at
    // its minimum of 10, then A alone, to 8.
    #expect(lines(t, width: 20)[1] == "aaaaaaa…  bbbbbbbbb…")
    #expect(lines(t, width: 5)[1] == "aaa…  bbbbbbbbb…")
  }

  @Test("an empty table is its header; a long one prints every row in order")
  func sizes() {
    let empty = TableText([.init("ID"), .init("NAME")])
    #expect(empty.render(width: 80) == "ID  NAME\n")
    var long = TableText([.init("N", alignment: .right), .init("WORD")])
    for n in 0..<1000 { long.add([String(n), n.isMultiple(of: 2) ? "even" : "odd"]) }
    let out = lines(long, width: 80)
    #expect(out.count == 1002)
    #expect(out[0] == "  N  WORD")
    #expect(out[1] == "  0  even")
    #expect(out[1000] == "999  odd")
    #expect(out[257] == "256  even")
  }

  @Test("a long table is handed out a block of lines at a time, and stops when told")
  func blocks() {
    var long = TableText([.init("N", alignment: .right)])
    for n in 0..<600 { long.add([String(n)]) }
    var blocks: [Substring] = []
    long.render(width: 80) { block in
      blocks.append(block)
      return true
    }
    #expect(blocks.count == 3)
    #expect(blocks.joined() == long.render(width: 80))
    #expect(blocks.allSatisfy { $0.hasSuffix("\n") })
    var calls = 0
    long.render(width: 80) { _ in
      calls += 1
      return false
    }
    #expect(calls == 1)
  }

  @Test("no line ends in spaces, also when the last cell is empty")
  func trailing() {
    var t = TableText([.init("NAME"), .init("COMPANY")])
    t.add(["Ada", ""])
    #expect(lines(t, width: 80) == ["NAME  COMPANY", "Ada", ""])
  }
}
