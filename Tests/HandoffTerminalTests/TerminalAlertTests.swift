import HandoffTerminal
import Testing

/// The bell and desktop notifications as bytes: the sequences, the payload made safe and
/// cut, the dialect chosen from the environment.
@Suite struct TerminalAlertTests {
  @Test("the bell is one BEL")
  func bell() {
    #expect(TerminalAlert.bell.bytes == [0x07])
  }

  @Test("OSC 9 and OSC 777 as iTerm2 and rxvt-unicode read them")
  func sequences() {
    #expect(
      TerminalAlert.desktop(title: "handoff", body: "1042 new", dialect: .osc9).bytes
        == Array("\u{1B}]9;handoff: 1042 new\u{07}".utf8))
    #expect(
      TerminalAlert.desktop(title: "hand;off", body: "a; b", dialect: .osc777).bytes
        == Array("\u{1B}]777;notify;hand,off;a; b\u{07}".utf8))
  }

  @Test("data cannot end the sequence or start another: controls made visible")
  func sanitized() {
    let hostile = "x\u{07}\u{1B}]52;c;AAAA\u{1B}\\\u{9C}\u{202E}y"
    for dialect in [DesktopNotificationDialect.osc9, .osc777] {
      let bytes = TerminalAlert.desktop(title: "t\u{1B}", body: hostile, dialect: dialect).bytes
      // One ESC (the sequence's own start) and one BEL (its end), nothing between.
      #expect(bytes.filter { $0 == 0x1B }.count == 1)
      #expect(bytes.first == 0x1B)
      #expect(bytes.filter { $0 == 0x07 }.count == 1)
      #expect(bytes.last == 0x07)
      let text = String(decoding: bytes, as: UTF8.self)
      #expect(text.contains("x␇␛]52;c;AAAA␛\\\u{FFFD}\u{FFFD}y"))
      #expect(!text.unicodeScalars.contains { (0x80...0x9F).contains($0.value) })
    }
  }

  @Test("a long body is cut to the cap with an ellipsis, whole characters only")
  func capped() {
    let body = String(repeating: "é", count: 500)
    let bytes = TerminalAlert.desktop(title: "t", body: body, dialect: .osc777).bytes
    let text = String(decoding: bytes, as: UTF8.self)
    let sent = text.split(separator: ";").last.map { String($0.dropLast()) } ?? ""
    #expect(sent.count == TerminalAlert.maximumLength)
    #expect(sent.hasSuffix("é…"))
    let short = TerminalAlert.desktop(title: "t", body: "ok", dialect: .osc777).bytes
    #expect(String(decoding: short, as: UTF8.self).hasSuffix(";ok\u{07}"))
  }

  @Test("the dialect: OSC 777 for VTE, rxvt and foot, OSC 9 otherwise")
  func dialect() {
    #expect(DesktopNotificationDialect.detect(environment: [:]) == .osc9)
    #expect(
      DesktopNotificationDialect.detect(environment: ["TERM": "xterm-256color"]) == .osc9)
    #expect(
      DesktopNotificationDialect.detect(environment: ["VTE_VERSION": "7600", "TERM": "xterm"])
        == .osc777)
    #expect(
      DesktopNotificationDialect.detect(environment: ["TERM": "rxvt-unicode-256color"]) == .osc777)
    #expect(DesktopNotificationDialect.detect(environment: ["TERM": "foot"]) == .osc777)
    #expect(DesktopNotificationDialect.detect(environment: ["VTE_VERSION": ""]) == .osc9)
  }
}
