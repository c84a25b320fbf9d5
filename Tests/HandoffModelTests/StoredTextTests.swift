import HandoffModel
import Testing

/// Text that is never stored: every command that stores text refuses a control
/// character, naming the field (the dashboard's prompts, the CLI and import all plan
/// commands, so this is every write path).
@Suite struct StoredTextTests {
  private static let bad = "x\u{1B}]0;pwned\u{07}"

  private func team() -> (Harness, Int) {
    let h = Harness()
    h.act(
      .addMember(handle: "maria", name: "Maria", department: .marketing, capacity: nil), by: "maria"
    )
    h.act(.addMember(handle: "sam", name: "Sam", department: .sales, capacity: nil), by: "maria")
    let lead = h.act(.addLead(NewLead(name: "Ada", company: "Acme", owner: "maria")), by: "maria")
    return (h, lead?.leadID ?? 0)
  }

  @Test("every text field of every command refuses a control character, naming the field")
  func refused() {
    let (h, id) = team()
    let bad = Self.bad
    let cases: [(Command, String)] = [
      (.addLead(NewLead(name: bad, company: "c")), "name"),
      (.addLead(NewLead(name: "n", company: bad)), "company"),
      (.addLead(NewLead(name: "n", company: "c", email: "a\u{7F}@b.example")), "email"),
      (.addLead(NewLead(name: "n", company: "c", source: "web\u{202E}")), "source"),
      (.addLead(NewLead(name: "n", company: "c", segment: "s\u{85}x")), "segment"),
      (.updateLead(id: id, LeadEdit(name: bad)), "name"),
      (.updateLead(id: id, LeadEdit(company: "a\u{2028}b")), "company"),
      (.note(id: id, text: "a\r\nb"), "note"),
      (.note(id: id, text: bad), "note"),
      (.assign(id: id, to: "maria", note: bad), "note"),
      (.move(id: id, to: .disqualified, reason: bad), "reason"),
      (.addMember(handle: "lee", name: bad, department: .sales, capacity: nil), "name"),
      (.updateMember(handle: "sam", away: nil, capacity: nil, name: "S\u{9B}2J"), "name"),
    ]
    for (command, field) in cases {
      let refusal = h.refusal(command, by: "maria")
      guard case .controlCharacter(let named, _)? = refusal else {
        Issue.record("\(command): \(String(describing: refusal))")
        continue
      }
      #expect(named == field, "\(command)")
      #expect(refusal?.description.hasPrefix("\(field) holds a control character (U+") == true)
    }
    // Who acts, too (no spaces either).
    #expect(h.refusal(.note(id: id, text: "x"), by: "ev\u{1B}il") != nil)
  }

  @Test("notes keep their lines and tabs; other text keeps every ordinary character")
  func allowed() {
    let (h, id) = team()
    h.act(.note(id: id, text: "line one\nline\ttwo"), by: "maria")
    #expect(h.pipeline.notes(of: id).last?.text == "line one\nline\ttwo")
    h.act(.updateLead(id: id, LeadEdit(name: "Zoë 有限 👩‍💻 a\u{200D}b")), by: "maria")
    #expect(h.pipeline.lead(id)?.name == "Zoë 有限 👩‍💻 a\u{200D}b")
  }

  @Test("the message names the code point, never the character itself")
  func message() {
    let error = ModelError.controlCharacter(field: "name", scalar: 0x1B)
    #expect(error.description == "name holds a control character (U+001B), which is never stored")
    #expect(!error.description.unicodeScalars.contains { $0.value < 0x20 })
  }
}
