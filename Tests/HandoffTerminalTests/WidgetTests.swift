import HandoffTerminal
import Testing

@Suite struct WidgetTests {
  let theme = Theme.standard

  @Test func paneDrawsBorderAndTitleAndReturnsTheInside() {
    var buffer = CellBuffer(width: 16, height: 4)
    let inner = Pane(title: "Queue").draw(in: &buffer, area: buffer.bounds, theme: theme)
    #expect(inner == Rect(x: 1, y: 1, width: 14, height: 2))
    expectLines(
      buffer,
      [
        "┌─ Queue ──────┐",
        "│              │",
        "│              │",
        "└──────────────┘",
      ])
    #expect(buffer[0, 0].style == theme[.border])
    #expect(buffer[3, 0].style == theme[.title])
  }

  @Test func focusedPaneIsHeavyAndLongTitlesAreCut() {
    var buffer = CellBuffer(width: 12, height: 3)
    Pane(title: "A very long title", focused: true).draw(
      in: &buffer, area: buffer.bounds, theme: theme)
    expectLines(
      buffer,
      [
        "┏━ A ver… ━┓",
        "┃          ┃",
        "┗━━━━━━━━━━┛",
      ])
    #expect(buffer[0, 0].style == theme[.borderFocused])
  }

  @Test func tableAlignsTruncatesAndSelects() {
    var buffer = CellBuffer(width: 20, height: 4)
    let names = ["Ada Lovelace", "東京 Tokyo Station", "Bob"]
    Table(
      columns: [
        TableColumn("#", width: .fixed(3), alignment: .right),
        TableColumn("Name", width: .min(5)),
        TableColumn("Pts", width: .fixed(4), alignment: .right),
      ],
      rowCount: names.count, selected: 1
    ) { [TableCell(String($0 + 1)), TableCell(names[$0]), TableCell(String($0 * 50))] }
    .draw(in: &buffer, area: buffer.bounds, theme: theme)
    expectLines(
      buffer,
      [
        "  # Name         Pts",
        "  1 Ada Lovela…    0",
        "  2 東京 Tokyo…   50",
        "  3 Bob          100",
      ])
    #expect(buffer[0, 0].style == theme[.header])
    #expect(buffer[5, 2].style == theme[.selection])
    #expect(buffer[19, 2].style == theme[.selection])
    #expect(buffer[5, 1].style == theme[.text])
  }

  @Test func tableAsksOnlyForVisibleRows() {
    var buffer = CellBuffer(width: 10, height: 5)
    var asked: [Int] = []
    let offset = Table.scrollOffset(selected: 999_999, current: 0, visible: 4, count: 1_000_000)
    #expect(offset == 999_996)
    Table(
      columns: [TableColumn("N", width: .min(1))], rowCount: 1_000_000, selected: 999_999,
      offset: offset
    ) { index in
      asked.append(index)
      return [TableCell(String(index))]
    }.draw(in: &buffer, area: buffer.bounds, theme: theme)
    #expect(asked == [999_996, 999_997, 999_998, 999_999])
    expectLines(buffer, ["N         ", "999996    ", "999997    ", "999998    ", "999999    "])
  }

  @Test func scrollOffsetMovesAsLittleAsPossible() {
    #expect(Table.scrollOffset(selected: 5, current: 0, visible: 10, count: 100) == 0)
    #expect(Table.scrollOffset(selected: 10, current: 0, visible: 10, count: 100) == 1)
    #expect(Table.scrollOffset(selected: 3, current: 5, visible: 10, count: 100) == 3)
    #expect(Table.scrollOffset(selected: 99, current: 0, visible: 10, count: 100) == 90)
    #expect(Table.scrollOffset(selected: 2, current: 50, visible: 10, count: 5) == 0)
  }

  @Test func gaugeHasEighthBlockPrecision() {
    #expect(Gauge.bar(ratio: 0, width: 4) == ("", 4))
    #expect(Gauge.bar(ratio: 1, width: 4) == ("████", 0))
    #expect(Gauge.bar(ratio: 0.5, width: 4) == ("██", 2))
    #expect(Gauge.bar(ratio: 1.0 / 32, width: 4) == ("▏", 3))
    #expect(Gauge.bar(ratio: 0.3, width: 10) == ("███", 7))
    #expect(Gauge.bar(ratio: 0.35, width: 10) == ("███▌", 6))
    #expect(Gauge.bar(ratio: 7.0 / 80, width: 10) == ("▉", 9))
    #expect(Gauge.bar(ratio: 2.5, width: 3) == ("███", 0))
    #expect(Gauge.bar(ratio: .nan, width: 3) == ("", 3))
    var buffer = CellBuffer(width: 20, height: 1)
    Gauge(label: "MQL", ratio: 0.5, value: "50%").draw(
      in: &buffer, area: buffer.bounds, theme: theme)
    expectLines(buffer, ["MQL ██████░░░░░░ 50%"])
    #expect(buffer[4, 0].style == theme[.gaugeFill])
    #expect(buffer[12, 0].style == theme[.gaugeEmpty])
  }

  @Test func sparklineScalesToTheLargestValue() {
    let line = Sparkline(values: [0, 1, 2, 3, 4, 5, 6, 7])
    #expect(line.text(width: 8) == "▁▂▃▄▅▆▇█")
    #expect(line.text(width: 3) == "▆▇█")
    #expect(Sparkline(values: [1, 2]).text(width: 4) == "  ▅█")
    #expect(Sparkline(values: [0, 0]).text(width: 2) == "▁▁")
    #expect(Sparkline(values: [5, 10], maximum: 20).text(width: 2) == "▃▅")
  }

  @Test func paragraphWrapsBetweenWordsAndBreaksLongOnes() {
    #expect(Paragraph.wrap("the quick brown fox", width: 9) == ["the quick", "brown fox"])
    #expect(Paragraph.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    #expect(Paragraph.wrap("one\n\ntwo", width: 10) == ["one", "", "two"])
    #expect(Paragraph.wrap("東京東京東京", width: 5) == ["東京", "東京", "東京"])
    #expect(Paragraph.wrap("bad\u{1B}[2J", width: 20) == ["bad␛[2J"])
    var buffer = CellBuffer(width: 9, height: 2)
    let needed = Paragraph("the quick brown fox jumps").draw(
      in: &buffer, area: buffer.bounds, theme: theme)
    #expect(needed == 3)
    expectLines(buffer, ["the quick", "brown fox"])
  }

  @Test func statusBarPutsItemsLeftAndRight() {
    var buffer = CellBuffer(width: 30, height: 1)
    StatusBar(
      left: [StatusItem(key: "q", "quit"), StatusItem(key: "?", "help")],
      right: [StatusItem("● live", role: .good), StatusItem("12:00")]
    ).draw(in: &buffer, area: buffer.bounds, theme: theme)
    expectLines(buffer, [" q quit  ? help   ● live 12:00"])
    #expect(buffer[1, 0].style == theme[.statusKey])
    #expect(buffer[3, 0].style == theme[.status])
    #expect(buffer[18, 0].style.foreground == theme[.good].foreground)
    #expect(buffer[18, 0].style.background == theme[.status].background)
  }

  @Test func statusBarRightSideWinsWhenNarrow() {
    var buffer = CellBuffer(width: 16, height: 1)
    StatusBar(
      left: [StatusItem(key: "q", "quit"), StatusItem(key: "?", "help")],
      right: [StatusItem("12:00:00")]
    ).draw(in: &buffer, area: buffer.bounds, theme: theme)
    expectLines(buffer, [" q quit 12:00:00"])
  }

  @Test func lineEditorEdits() {
    var editor = LineEditor()
    for character in "hello world" { editor.handle(.char(character)) }
    #expect(editor.text == "hello world")
    editor.handle(.ctrl("w"))
    #expect(editor.text == "hello ")
    editor.handle(.key(.backspace))
    #expect(editor.text == "hello")
    editor.handle(.key(.home))
    editor.handle(.char(">"))
    #expect(editor.text == ">hello" && editor.cursor == 1)
    editor.handle(.key(.right))
    editor.handle(.key(.delete))
    #expect(editor.text == ">hllo")
    editor.handle(.key(.end))
    editor.handle(.key(.left))
    editor.handle(.ctrl("u"))
    #expect(editor.text == "o" && editor.cursor == 0)
    editor.handle(.paste("a\u{1B}b"))
    #expect(editor.text == "a␛bo")
    #expect(editor.handle(.key(.enter)) == .submitted("a␛bo"))
    #expect(editor.handle(.key(.escape)) == .cancelled)
    #expect(editor.handle(.key(.function(5))) == .ignored)
  }

  @Test func lineEditorScrollsToKeepTheCursorVisible() {
    var editor = LineEditor("abcdefghijklmnop")
    var buffer = CellBuffer(width: 10, height: 1)
    let cursor = editor.draw(in: &buffer, area: buffer.bounds, label: "> ", theme: theme)
    expectLines(buffer, ["> klmnop  "])
    #expect(cursor.x == 8 && cursor.y == 0)
    editor.handle(.key(.home))
    buffer.clear()
    let start = editor.draw(in: &buffer, area: buffer.bounds, label: "> ", theme: theme)
    expectLines(buffer, ["> abcdefgh"])
    #expect(start.x == 2)
  }

  @Test func listPickerFiltersAsYouType() {
    var picker = ListPicker(title: "Assign", items: ["Ada", "Bob", "Bea", "Carl"])
    #expect(picker.selectedItem == 0)
    picker.handle(.char("b"))
    #expect(picker.matches == [1, 2])
    picker.handle(.key(.down))
    #expect(picker.handle(.key(.enter)) == .chosen(2))
    picker.handle(.char("x"))
    #expect(picker.matches.isEmpty && picker.selectedItem == nil)
    #expect(picker.handle(.key(.enter)) == .ignored)
    picker.handle(.key(.backspace))
    picker.handle(.key(.backspace))
    #expect(picker.matches == [0, 1, 2, 3])
    #expect(picker.handle(.key(.escape)) == .cancelled)
  }

  @Test func listPickerDrawsACentredOverlay() {
    var buffer = CellBuffer(width: 30, height: 9)
    buffer.fill(buffer.bounds, with: ".")
    var picker = ListPicker(title: "Assign", items: ["Ada", "Bob", "Bea"])
    picker.handle(.char("b"))
    picker.draw(in: &buffer, area: buffer.bounds, theme: theme)
    expectLines(
      buffer,
      [
        "..............................",
        "...┌─ Assign ─────────────┐...",
        "...│› b                   │...",
        "...│ Bob                  │...",
        "...│ Bea                  │...",
        "...│                      │...",
        "...└──────────────────────┘...",
        "..............................",
        "..............................",
      ])
    #expect(buffer[5, 3].style == theme[.selection])
    #expect(buffer[5, 4].style == theme[.overlay])
  }

  @Test func overlayClearsACentredBox() {
    var buffer = CellBuffer(width: 12, height: 5)
    buffer.fill(buffer.bounds, with: "x")
    let inner = Overlay(title: "Help").draw(
      in: &buffer, area: buffer.bounds, width: 10, height: 3, theme: theme)
    #expect(inner == Rect(x: 2, y: 2, width: 8, height: 1))
    expectLines(
      buffer,
      [
        "xxxxxxxxxxxx",
        "x┌─ Help ─┐x",
        "x│        │x",
        "x└────────┘x",
        "xxxxxxxxxxxx",
      ])
    #expect(buffer[3, 2].style == theme[.overlay])
    #expect(buffer[1, 1].style == theme[.overlayBorder])
  }
}
