import HandoffTerminal

/// The dashboard on a store that is not there yet: what it is, and the three ways to
/// start — add the team, import leads, or look around in the demo — instead of an
/// empty dashboard. It gives way to the dashboard as soon as the store has an event
/// (written from another terminal, say).
struct FirstRunView: ScreenPart {
  /// The store's name as the user gave it (a path, or a URL without its password).
  var store: String
  var width: Int
  var height: Int
  /// The key that quits, as bound (none: Ctrl-C still quits).
  var quitKey: String?

  /// The steps: a label and the commands that do it.
  static let steps: [(label: String, commands: [String])] = [
    (
      "Add the team",
      [
        "handoff team add maria --dept marketing --name \"Maria Lopez\"",
        "handoff team add sam --dept sales",
      ]
    ),
    ("Import leads", ["handoff import leads.csv   (a CRM export or a spreadsheet)"]),
    ("Look around", ["handoff --demo   (a demo team at work, removed when you quit)"]),
    ("Start empty", ["handoff init"]),
  ]

  func draw(in buffer: inout CellBuffer, theme: Theme) {
    let screen = Rect(x: 0, y: 0, width: width, height: height)
    var lines: [TextLine] = [
      TextLine("Welcome to Handoff", role: .title),
      TextLine(""),
      TextLine("There is no store here yet:", role: .text),
      TextLine("  " + store, role: .accent),
      TextLine("Nothing is created until the first change. To begin, in a shell:"),
      TextLine(""),
    ]
    let labelWidth = Self.steps.map(\.label.count).max() ?? 0
    for step in Self.steps {
      for (index, command) in step.commands.enumerated() {
        let label = index == 0 ? step.label : ""
        lines.append(
          TextLine([
            Span(
              "  " + label + String(repeating: " ", count: labelWidth - label.count + 2),
              role: .header),
            Span(command, role: .text),
          ]))
      }
    }
    lines += [
      TextLine(""),
      TextLine(
        "This screen becomes the dashboard once the store has something in it.",
        role: .muted),
    ]
    let blockWidth = min(width - 2, max(72, lines.map(\.width).max() ?? 0))
    let left = max(1, (width - blockWidth) / 2)
    let top = max(0, (height - 1 - lines.count) / 2)
    for (offset, line) in lines.enumerated() where top + offset < height - 1 {
      line.draw(
        in: &buffer,
        area: Rect(x: left, y: top + offset, width: width - left - 1, height: 1), theme: theme)
    }
    StatusBar(left: [StatusItem(key: quitKey ?? "Ctrl-C", "quit")]).draw(
      in: &buffer, area: screen.row(height - 1), theme: theme)
  }
}
