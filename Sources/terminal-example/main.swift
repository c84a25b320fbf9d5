// A small program on the terminal engine alone: a list to move through, quit with q.
// The engine's pseudo-terminal tests drive it; it also shows the engine to a reader.
import Foundation
import HandoffTTY
import HandoffTerminal

let environment = ProcessInfo.processInfo.environment
let theme: Theme
do {
  theme = try Theme.resolve(environment["EXAMPLE_THEME"], environment: environment)
} catch {
  FileHandle.standardError.write(Data("terminal-example: \(error)\n".utf8))
  exit(2)
}

/// What the example shows: a list, its selection, an optional picker.
struct ExampleState {
  let theme: Theme
  let items = (1...200).map { "Item \($0)" + ($0 % 7 == 0 ? " 東京 ✓" : "") }
  var selected = 0
  var offset = 0
  var picker: ListPicker?
  var chosen = "nothing chosen"

  /// The whole screen for the current state.
  mutating func view(size: TerminalSize) -> (CellBuffer, (x: Int, y: Int)?) {
    var buffer = CellBuffer(width: size.width, height: size.height, style: theme[.background])
    let parts = Layout.split(buffer.bounds, .vertical, [.min(3), .fixed(1)])
    let inner = Pane(title: "Example list", focused: true).draw(
      in: &buffer, area: parts[0], theme: theme)
    offset = Table.scrollOffset(
      selected: selected, current: offset, visible: Table.visibleRows(height: inner.height),
      count: items.count)
    let items = self.items
    Table(
      columns: [
        TableColumn("#", width: 4, alignment: .right), TableColumn("Name", width: 8, grows: true),
      ],
      rowCount: items.count, selected: selected, offset: offset
    ) { [Span(String($0 + 1)), Span(items[$0])] }
    .draw(in: &buffer, area: inner, theme: theme)
    StatusBar(
      left: [
        StatusItem(key: "j/k", "move"), StatusItem(key: "/", "pick"), StatusItem(key: "q", "quit"),
      ],
      right: [StatusItem("selected \(selected + 1) · \(chosen)")]
    ).draw(in: &buffer, area: parts[1], theme: theme)
    var cursor: (x: Int, y: Int)?
    if let picker { cursor = picker.draw(in: &buffer, area: buffer.bounds, theme: theme) }
    return (buffer, cursor)
  }
}

let session: TerminalSession
do {
  session = try TerminalSession.interactive(
    .init(mouse: environment["EXAMPLE_MOUSE"] != nil, environment: environment))
} catch {
  FileHandle.standardError.write(Data("terminal-example: \(error)\n".utf8))
  exit(1)
}

var state = ExampleState(theme: theme.adapted(to: session.colorDepth))
var running = true
while running {
  let (frame, cursor) = state.view(size: session.size)
  try session.draw(frame, cursor: cursor)
  for input in try session.wait(timeout: nil) {
    switch input {
    case .event(let event):
      if var open = state.picker {
        switch open.handle(event) {
        case .chosen(let index):
          state.chosen = "chose \(state.items[index])"
          state.picker = nil
        case .cancelled: state.picker = nil
        default: state.picker = open
        }
        continue
      }
      switch event {
      case .char("q"), .ctrl("c"): running = false
      case .char("j"), .key(.down, _):
        state.selected = min(state.items.count - 1, state.selected + 1)
      case .char("k"), .key(.up, _): state.selected = max(0, state.selected - 1)
      case .char("g"), .key(.home, _): state.selected = 0
      case .char("G"), .key(.end, _): state.selected = state.items.count - 1
      case .key(.pageDown, _): state.selected = min(state.items.count - 1, state.selected + 10)
      case .key(.pageUp, _): state.selected = max(0, state.selected - 10)
      case .char("/"): state.picker = ListPicker(title: "Pick an item", items: state.items)
      case .ctrl("l"): session.redrawAll()
      case .ctrl("z"): session.suspend()
      case .char("!") where environment["EXAMPLE_CRASH_KEY"] != nil:
        // For the tests of the crash path: a runtime trap must still restore the terminal.
        fatalError("crash requested with !")
      case .mouse(let mouse) where mouse.action == .wheelDown:
        state.selected = min(state.items.count - 1, state.selected + 1)
      case .mouse(let mouse) where mouse.action == .wheelUp:
        state.selected = max(0, state.selected - 1)
      default: break
      }
    case .hangup: running = false
    case .resize, .resumed, .readable: break
    }
  }
}
session.close()
