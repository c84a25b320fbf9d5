import Foundation
import HandoffTerminal
import Testing

@Suite struct WidgetTests {
  let theme = Theme.standard

  @Test func paneDrawsBorderTitleAndNoteAndReturnsTheInside() {
    var buffer = CellBuffer(width: 20, height: 4)
    let inner = Pane(title: "Queue", note: "11").draw(
      in: &buffer, area: buffer.bounds, theme: theme)
    #expect(inner == Rect(x: 1, y: 1, width: 18, height: 2))
    expectLines(
      buffer,
      [
        "┌ Queue  11 ───────┐",
        "│                  │",
        "│                  │",
        "└──────────────────┘",
      ])
    #expect(buffer[0, 0].style == theme[.border])
    #expect(buffer[2, 0].style == theme[.title])
    #expect(buffer[9, 0].style == theme[.muted])
    #expect(buffer[0, 1].style == theme[.border])
  }

  @Test func focusedPaneIsHeavyLongTitlesAreCutAndANoteWithoutRoomIsLeftOut() {
    var buffer = CellBuffer(width: 12, height: 3)
    Pane(title: "A very long title", note: "58% elapsed", focused: true).draw(
      in: &buffer, area: buffer.bounds, theme: theme)
    expectLines(
      buffer,
      [
        "┏ A very … ┓",
        "┃          ┃",
        "┗━━━━━━━━━━┛",
      ])
    #expect(buffer[0, 0].style == theme[.borderFocused])
    #expect(buffer[2, 0].style == theme[.titleFocused])
    var narrow = CellBuffer(width: 16, height: 2)
    Pane(title: "Targets", note: "2026-11 · 58%").draw(
      in: &narrow, area: narrow.bounds, theme: theme)
    expectLines(narrow, ["┌ Targets ─────┐", "└──────────────┘"])
  }

  @Test func textLineAlignsAndCutsWithAnEllipsis() {
    var buffer = CellBuffer(width: 10, height: 4)
    TextLine("left").draw(in: &buffer, area: buffer.bounds.row(0), theme: theme)
    TextLine("right", alignment: .right).draw(in: &buffer, area: buffer.bounds.row(1), theme: theme)
    TextLine("mid", alignment: .center).draw(in: &buffer, area: buffer.bounds.row(2), theme: theme)
    let end = TextLine([Span("ab", role: .accent), Span("東京 Tokyo", role: .muted)]).draw(
      in: &buffer, area: buffer.bounds.row(3), theme: theme)
    expectLines(buffer, ["left      ", "     right", "   mid    ", "ab東京 To…"])
    #expect(end == 10)
    #expect(buffer[0, 3].style == theme[.accent])
    #expect(buffer[2, 3].style == theme[.muted])
    #expect(buffer[9, 3].style == theme[.muted], "the ellipsis is in the role of the cut span")
  }

  @Test("a figure line shows whole items only: a number is never cut mid-value")
  func figureLineDropsWholeItems() {
    let line = FigureLine([
      Span("acc 18 $1.3M"), Span("meet 12 $686k"), Span("nego 77 $380k"), Span("won 9"),
    ])
    for width in 0...50 {
      var buffer = CellBuffer(width: width, height: 1)
      line.draw(in: &buffer, area: buffer.bounds, theme: theme)
      let text = buffer.plainText.trimmingCharacters(in: .newlines)
      let shown = text.isEmpty ? [] : text.components(separatedBy: " · ")
      #expect(shown == line.items.prefix(line.fitting(width: width)).map(\.text), "width \(width)")
    }
    var buffer = CellBuffer(width: 36, height: 1)
    let end = line.draw(in: &buffer, area: buffer.bounds, theme: theme)
    expectLines(buffer, ["acc 18 $1.3M · meet 12 $686k        "])
    #expect(end == 28)
    #expect(buffer[13, 0].style == theme[.muted], "separators are muted")
  }

  @Test func aFigureLineCutsOnlyItemsThatMayBeCut() {
    let line = FigureLine([
      Span("version 5", role: .muted),
      Span("last: 1055 was assigned to kenji by olivia", role: .muted, mayCut: true),
      Span("never shown"),
    ])
    var buffer = CellBuffer(width: 30, height: 2)
    line.draw(in: &buffer, area: buffer.bounds.row(0), theme: theme)
    FigureLine([Span("x"), Span("cuttable", mayCut: true)]).draw(
      in: &buffer, area: Rect(x: 0, y: 1, width: 5, height: 1), theme: theme)
    expectLines(
      buffer,
      [
        "version 5 · last: 1055 was as…",
        "x                             ",
      ])
  }

  @Test("columns are dropped lowest priority first as the width shrinks")
  func tableDropsColumnsByPriority() {
    let columns = [
      TableColumn("id", width: 4, priority: 9), TableColumn("name", width: 6, priority: 10),
      TableColumn("src", width: 3, priority: 2),
      TableColumn("score", width: 5, alignment: .right, priority: 5),
    ]
    func draw(_ width: Int) -> [String] {
      var buffer = CellBuffer(width: width, height: 2)
      Table(columns: columns, rowCount: 1) { _ in
        [Span("1042"), Span("Ada"), Span("ads"), Span("87")]
      }.draw(in: &buffer, area: buffer.bounds, theme: theme)
      return buffer.lines
    }
    #expect(draw(21) == ["id   name   src score", "1042 Ada    ads    87"])
    #expect(draw(20) == ["id   name   score   ", "1042 Ada       87   "])
    #expect(draw(17) == ["id   name   score", "1042 Ada       87"])
    #expect(draw(16) == ["id   name       ", "1042 Ada        "])
    #expect(draw(11) == ["id   name  ", "1042 Ada   "])
    #expect(draw(10) == ["name      ", "Ada       "])
    #expect(draw(3) == ["na…", "Ada"], "the last column is cut to the width")
  }

  @Test("growing columns share the spare width, the earlier ones the odd cells")
  func tableGrowingColumnsShareTheSpareWidth() {
    let fitted = TableColumn.fit(
      [
        TableColumn("a", width: 2), TableColumn("b", width: 2, grows: true),
        TableColumn("c", width: 2, grows: true),
      ], width: 13)
    #expect(fitted.map(\.width) == [2, 5, 4])
    let shrunk = TableColumn.fit(
      [
        TableColumn("a", width: 10, minimum: 4), TableColumn("b", width: 8, minimum: 6),
        TableColumn("c", width: 3),
      ], width: 17, spacing: 2)
    #expect(shrunk.map(\.width) == [4, 6, 3], "shrinkable columns give way, widest first")
    #expect(shrunk.map(\.index) == [0, 1, 2])
  }

  @Test func tableAlignsTruncatesAndSelects() {
    var buffer = CellBuffer(width: 20, height: 4, style: theme[.background])
    let names = ["Ada Lovelace", "東京 Tokyo Station", "Bob"]
    Table(
      columns: [
        TableColumn("#", width: 3, alignment: .right), TableColumn("Name", width: 5, grows: true),
        TableColumn("Pts", width: 4, alignment: .right),
      ],
      rowCount: names.count, selected: 1
    ) { [Span(String($0 + 1)), Span(names[$0]), Span(String($0 * 50), role: .good)] }
    .draw(in: &buffer, area: buffer.bounds, theme: theme)
    expectLines(
      buffer,
      [
        "  # Name         Pts",
        "  1 Ada Lovela…    0",
        "  2 東京 Tokyo…   50",
        "  3 Bob          100",
      ])
    #expect(buffer[2, 0].style == theme[.header])
    #expect(buffer[0, 2].style == theme[.selection], "the selection spans the row")
    #expect(buffer[19, 2].style == theme[.selection])
    #expect(buffer[4, 1].style == theme[.text])
    #expect(buffer[19, 1].style == theme[.good])
    #expect(buffer[15, 1].style == theme[.background], "other rows keep the background")
    var unfocused = CellBuffer(width: 20, height: 4)
    Table(
      columns: [TableColumn("Name", width: 5, grows: true)], rowCount: 3, selected: 0,
      focused: false
    ) { [Span(names[$0])] }.draw(in: &unfocused, area: unfocused.bounds, theme: theme)
    #expect(unfocused[10, 1].style == theme[.selectionInactive])
  }

  @Test func tableAsksOnlyForVisibleRows() {
    var buffer = CellBuffer(width: 10, height: 5)
    var asked: [Int] = []
    let offset = Table.scrollOffset(selected: 999_999, current: 0, visible: 4, count: 1_000_000)
    #expect(offset == 999_996)
    Table(
      columns: [TableColumn("N", width: 1, grows: true)], rowCount: 1_000_000, selected: 999_999,
      offset: offset
    ) { index in
      asked.append(index)
      return [Span(String(index))]
    }.draw(in: &buffer, area: buffer.bounds, theme: theme)
    #expect(asked == [999_996, 999_997, 999_998, 999_999])
    expectLines(buffer, ["N         ", "999996    ", "999997    ", "999998    ", "999999    "])
  }

  @Test("an empty table says so on its first row, only when it is truly empty and has room")
  func tableEmptyState() {
    let columns = [TableColumn("name", width: 4, grows: true)]
    var buffer = CellBuffer(width: 12, height: 3)
    Table(columns: columns, rowCount: 0, empty: "no leads") { _ in [] }
      .draw(in: &buffer, area: buffer.bounds, theme: theme)
    expectLines(buffer, ["name        ", "no leads    ", "            "])
    #expect(buffer[0, 1].style == theme[.muted])
    var headerOnly = CellBuffer(width: 12, height: 2)
    headerOnly.fill(headerOnly.bounds, with: "·")
    Table(columns: columns, rowCount: 0, empty: "no leads") { _ in [] }
      .draw(in: &headerOnly, area: headerOnly.bounds.row(0), theme: theme)
    expectLines(headerOnly, ["name········", "············"])
    var full = CellBuffer(width: 12, height: 2)
    Table(columns: columns, rowCount: 5, offset: 5, empty: "no leads") { _ in [] }
      .draw(in: &full, area: full.bounds, theme: theme)
    // Not empty: only scrolled past the end.
    expectLines(full, ["name        ", "            "])
  }

  @Test func tableWithoutHeaderStartsWithTheRows() {
    var buffer = CellBuffer(width: 8, height: 2)
    Table(
      columns: [TableColumn("x", width: 3), TableColumn("y", width: 3)], rowCount: 5, offset: 2,
      showsHeader: false
    ) { [Span("r\($0)"), Span("c\($0)")] }.draw(in: &buffer, area: buffer.bounds, theme: theme)
    expectLines(buffer, ["r2  c2  ", "r3  c3  "])
  }

  @Test("the scroll position reads as 12–28 of 412")
  func tablePosition() {
    #expect(Table.position(offset: 11, visible: 17, count: 412) == "12–28 of 412")
    #expect(Table.position(offset: 400, visible: 17, count: 412) == "401–412 of 412")
    #expect(Table.position(offset: 0, visible: 10, count: 3) == "1–3 of 3")
    #expect(Table.position(offset: 0, visible: 10, count: 0) == "0 of 0")
    #expect(Table.position(offset: 0, visible: 0, count: 7) == "0 of 7")
    let grouped = Table.position(offset: 999, visible: 20, count: 1_121) { n in
      n >= 1000 ? "\(n / 1000),\(String(n % 1000).leftPadded(3))" : String(n)
    }
    #expect(grouped == "1,000–1,019 of 1,121")
    let table = Table(
      columns: [TableColumn("n", width: 1)], rowCount: 412, offset: 11
    ) { _ in [] }
    #expect(table.position(in: Rect(x: 0, y: 0, width: 5, height: 18)) == "12–28 of 412")
  }

  @Test func scrollOffsetMovesAsLittleAsPossible() {
    #expect(Table.scrollOffset(selected: 5, current: 0, visible: 10, count: 100) == 0)
    #expect(Table.scrollOffset(selected: 10, current: 0, visible: 10, count: 100) == 1)
    #expect(Table.scrollOffset(selected: 3, current: 5, visible: 10, count: 100) == 3)
    #expect(Table.scrollOffset(selected: 99, current: 0, visible: 10, count: 100) == 90)
    #expect(Table.scrollOffset(selected: 2, current: 50, visible: 10, count: 5) == 0)
  }

  @Test("a gauge fills to the nearest eighth, full only at 100 %, empty only at 0")
  func gaugeRounding() {
    #expect(Gauge.bar(ratio: 0, width: 4) == ("", 4))
    #expect(Gauge.bar(ratio: 1, width: 4) == ("████", 0))
    #expect(Gauge.bar(ratio: 0.5, width: 4) == ("██", 2))
    #expect(Gauge.bar(ratio: 1.0 / 32, width: 4) == ("▏", 3))
    #expect(Gauge.bar(ratio: 0.3, width: 10) == ("███", 7))
    #expect(Gauge.bar(ratio: 0.35, width: 10) == ("███▌", 6))
    #expect(Gauge.bar(ratio: 0.449, width: 10) == ("████▌", 5), "44.9 % is 35.9 eighths: 36")
    #expect(Gauge.bar(ratio: 7.0 / 80, width: 10) == ("▉", 9))
    #expect(Gauge.bar(ratio: 0.999, width: 10) == ("█████████▉", 0), "not met: not full")
    #expect(Gauge.bar(ratio: 0.001, width: 10) == ("▏", 9), "something done: not empty")
    #expect(Gauge.bar(ratio: 2.5, width: 3) == ("███", 0))
    #expect(Gauge.bar(ratio: -1, width: 3) == ("", 3))
    #expect(Gauge.bar(ratio: .nan, width: 3) == ("", 3))
    #expect(Gauge.bar(ratio: .infinity, width: 3) == ("", 3))
    var buffer = CellBuffer(width: 20, height: 2)
    Gauge(label: "MQL", ratio: 0.5, value: "50%").draw(
      in: &buffer, area: buffer.bounds, theme: theme)
    Gauge(ratio: 0.25, fillRole: .good).draw(in: &buffer, area: buffer.bounds.row(1), theme: theme)
    expectLines(buffer, ["MQL ██████······ 50%", "█████···············"])
    #expect(buffer[4, 0].style == theme[.gaugeFill])
    #expect(buffer[12, 0].style == theme[.gaugeEmpty])
    #expect(buffer[0, 1].style == theme[.good])
  }

  @Test("a sparkline gives each value its share of the largest in sevenths, rounded down")
  func sparklineScalesToTheLargestValue() {
    let line = Sparkline(values: [0, 1, 2, 3, 4, 5, 6, 7])
    #expect(line.text(width: 8) == "▁▂▃▄▅▆▇█")
    #expect(line.text(width: 3) == "▆▇█")
    #expect(Sparkline(values: [1, 2]).text(width: 4) == "  ▄█")
    #expect(Sparkline(values: [3, 7]).text(width: 2) == "▄█", "3 × 7 / 7 is exactly 3")
    #expect(Sparkline(values: [12, 13]).text(width: 2) == "▇█")
    #expect(Sparkline(values: [0, 0]).text(width: 2) == "▁▁")
    #expect(Sparkline(values: [5, 10], maximum: 20).text(width: 2) == "▂▄")
    #expect(Sparkline(values: [-3, .nan, 40], maximum: 20).text(width: 3) == "▁▁█")
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

  @Test("the status bar: whole hints on the left, the right side ends at the edge")
  func statusBarPutsItemsLeftAndRight() {
    var buffer = CellBuffer(width: 60, height: 1)
    let left = StatusBar(
      left: [StatusItem(key: "?", "help"), StatusItem(key: "q", "quit")],
      right: [StatusItem("olivia · demo"), StatusItem("● live 12:00", role: .statusKey)]
    ).draw(in: &buffer, area: buffer.bounds, theme: theme)
    expectLines(
      buffer, [" ? help q quit" + String(repeating: " ", count: 19) + "olivia · demo  ● live 12:00"]
    )
    #expect(left == Rect(x: 0, y: 0, width: 31, height: 1))
    #expect(buffer[1, 0].style == theme[.statusKey])
    #expect(buffer[3, 0].style == theme[.status])
    #expect(buffer[48, 0].style == theme[.statusKey])
    #expect(buffer[20, 0].style == theme[.status], "the whole bar is in the status style")
    var narrow = CellBuffer(width: 40, height: 1)
    StatusBar(
      left: [StatusItem(key: "?", "help"), StatusItem(key: "q", "quit")],
      right: [StatusItem("olivia · demo"), StatusItem("● live 12:00", role: .statusKey)]
    ).draw(in: &narrow, area: narrow.bounds, theme: theme)
    expectLines(narrow, [" ? help q quit      olivi…  ● live 12:00"])
  }

  @Test("a narrow status bar: the right side takes half, cut before its last item")
  func statusBarRightSideTakesHalf() {
    var buffer = CellBuffer(width: 30, height: 1)
    StatusBar(
      left: [StatusItem(key: "?", "help"), StatusItem(key: "q", "quit")],
      right: [StatusItem("filter “seo” · olivia"), StatusItem("10:30:00")]
    ).draw(in: &buffer, area: buffer.bounds, theme: theme)
    expectLines(buffer, [" ? help        filt…  10:30:00"])
    var clock = CellBuffer(width: 20, height: 1)
    StatusBar(
      left: [StatusItem(key: "?", "help")],
      right: [StatusItem("sam"), StatusItem("● live 10:30:00")]
    ).draw(in: &clock, area: clock.bounds, theme: theme)
    expectLines(clock, ["     ● live 10:30:00"])
    var message = CellBuffer(width: 30, height: 1)
    StatusBar(
      left: [StatusItem("the store is gone (/a/long/path)", role: .bad)],
      right: [StatusItem("10:30:00")]
    ).draw(in: &message, area: message.bounds, theme: theme)
    expectLines(message, [" the store is gone …  10:30:00"])
    #expect(message[1, 0].style == theme[.status].patched(with: theme[.bad]))
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

  @Test("a line editor can mark its cursor: a bar after the text, reverse video within it")
  func lineEditorMarksTheCursor() {
    var editor = LineEditor("seo")
    var buffer = CellBuffer(width: 10, height: 1)
    editor.draw(in: &buffer, area: buffer.bounds, label: "/ ", theme: theme, marksCursor: true)
    expectLines(buffer, ["/ seo▏    "])
    editor.handle(.key(.left))
    buffer.clear()
    editor.draw(in: &buffer, area: buffer.bounds, label: "/ ", theme: theme, marksCursor: true)
    expectLines(buffer, ["/ seo     "])
    #expect(buffer[4, 0].style.attributes.contains(.reverse))
    #expect(!buffer[3, 0].style.attributes.contains(.reverse))
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

  @Test("text after the note separator is a note, not a filter")
  func listPickerTakesANote() {
    var picker = ListPicker(
      title: "Assign", items: [PickerItem("sam okafor"), PickerItem("kenji sato")],
      noteSeparator: ":")
    for character in "ok: knows them" { picker.handle(.char(character)) }
    #expect(picker.query == "ok")
    #expect(picker.note == "knows them")
    #expect(picker.matches == [0])
    picker.handle(.ctrl("u"))
    for character in "sa:  " { picker.handle(.char(character)) }
    #expect(picker.note == nil)
    #expect(picker.matches == [0, 1])
  }

  @Test("new items keep what is typed and the highlighted item")
  func listPickerReplacesItems() {
    var picker = ListPicker(title: "Pick", items: ["Ada", "Bob", "Bea"])
    picker.handle(.char("b"))
    picker.handle(.key(.down))
    #expect(picker.selectedItem.map { picker.items[$0].key } == "Bea")
    picker.replaceItems([PickerItem("Bea"), PickerItem("Abe"), PickerItem("Bob")])
    #expect(picker.filter.text == "b")
    #expect(picker.matches == [0, 1, 2])
    #expect(picker.selectedItem.map { picker.items[$0].key } == "Bea")
    picker.replaceItems([PickerItem("Bob")])
    #expect(picker.selectedItem.map { picker.items[$0].key } == "Bob")
  }

  @Test func listPickerDrawsACentredOverlay() {
    var buffer = CellBuffer(width: 30, height: 10)
    buffer.fill(buffer.bounds, with: ".")
    var picker = ListPicker(title: "Assign", items: ["Ada", "Bob", "Bea"])
    picker.handle(.char("b"))
    let cursor = picker.draw(in: &buffer, area: buffer.bounds, theme: theme)
    expectLines(
      buffer,
      [
        "..............................",
        "...┏ Assign ━━━━━━━━━━━━━━┓...",
        "...┃ › b▏                 ┃...",
        "...┃                      ┃...",
        "...┃ Bob                  ┃...",
        "...┃ Bea                  ┃...",
        "...┃                      ┃...",
        "...┗━━━━━━━━━━━━━━━━━━━━━━┛...",
        "..............................",
        "..............................",
      ])
    #expect(cursor == (x: 8, y: 2))
    #expect(buffer[4, 4].style == theme[.selection], "the highlight spans the box")
    #expect(buffer[5, 5].style == theme[.overlay])
    #expect(buffer[3, 1].style == theme[.overlayBorder])
  }

  @Test("a picker with columns, a hint and an empty state")
  func listPickerWithColumnsAndHint() {
    let items = [
      PickerItem(key: "sam", cells: [Span("sam"), Span("5 open", role: .warn)]),
      PickerItem(key: "kenji", cells: [Span("kenji"), Span("2 open", role: .muted)]),
    ]
    var picker = ListPicker(
      title: "Assign", items: items,
      columns: [TableColumn("who", width: 6), TableColumn("load", width: 1, grows: true)],
      hint: "type to filter")
    picker.prompt = "> "
    picker.width = 24
    picker.emptyText = "no member matches"
    var buffer = CellBuffer(width: 26, height: 10)
    picker.draw(in: &buffer, area: buffer.bounds, theme: theme)
    expectLines(
      buffer,
      [
        "                          ",
        " ┏ Assign ━━━━━━━━━━━━━━┓ ",
        " ┃ > ▏                  ┃ ",
        " ┃                      ┃ ",
        " ┃ sam    5 open        ┃ ",
        " ┃ kenji  2 open        ┃ ",
        " ┃                      ┃ ",
        " ┃ type to filter       ┃ ",
        " ┗━━━━━━━━━━━━━━━━━━━━━━┛ ",
        "                          ",
      ])
    let layered = theme.layered(over: .overlay)
    #expect(buffer[10, 5].style == layered[.muted], "cells keep their role over the overlay")
    #expect(buffer[10, 4].style == theme[.selection])
    picker.handle(.char("z"))
    buffer.clear()
    picker.draw(in: &buffer, area: buffer.bounds, theme: theme)
    #expect(buffer.text(row: 4) == " ┃ no member matches    ┃ ")
    #expect(buffer.text(row: 5) == " ┃                      ┃ ")
  }

  @Test func overlayClearsACentredBoxWithAMargin() {
    var buffer = CellBuffer(width: 12, height: 5)
    buffer.fill(buffer.bounds, with: "x")
    let inner = Overlay(title: "Help").draw(
      in: &buffer, area: buffer.bounds, width: 40, height: 3, theme: theme)
    #expect(inner == Rect(x: 2, y: 2, width: 8, height: 1))
    expectLines(
      buffer,
      [
        "xxxxxxxxxxxx",
        "x┏ Help ━━┓x",
        "x┃        ┃x",
        "x┗━━━━━━━━┛x",
        "xxxxxxxxxxxx",
      ])
    #expect(buffer[3, 2].style == theme[.overlay])
    #expect(buffer[1, 1].style == theme[.overlayBorder])
    #expect(buffer[1, 2].style == theme[.overlayBorder], "the sides too")
    #expect(buffer[3, 1].style == theme[.overlayBorder])
  }

  @Test("a layered theme draws every role over the base role's background")
  func layeredTheme() {
    let layered = theme.layered(over: .overlay)
    #expect(layered[.muted].foreground == theme[.muted].foreground)
    #expect(layered[.muted].background == theme[.overlay].background)
    #expect(layered[.selection] == theme[.selection])
    #expect(layered[.overlay] == theme[.overlay])
    #expect(layered[.accent].attributes == theme[.accent].attributes)
  }
}

extension String {
  /// The text padded on the left with zeros to `width` characters.
  fileprivate func leftPadded(_ width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
