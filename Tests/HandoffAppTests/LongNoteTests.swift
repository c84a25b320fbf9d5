import HandoffApp
import HandoffModel
import Testing

/// `N`: a long note written in the user's editor, as effects and messages (the editor
/// itself runs in `EditorTests`).
struct LongNoteTests {
  @Test("N asks the loop for the editor on the selected lead; its text becomes the note")
  func addsWhatTheEditorWrote() throws {
    var d = Driver()
    let lead = try #require(d.selected(.queue))
    #expect(d.press(.char("N")) == [.editNote(lead: lead.id, text: "")])
    let text = "Called the CFO.\n\n\tWants a pilot in Q1;\nsend the deck.\n"
    // At whatever version the lead is by then: a note contradicts no change.
    #expect(
      d.send(.noteEdited(lead: lead.id, .text(text)))
        == [.perform(.note(id: lead.id, text: text), ifVersion: nil)])
  }

  @Test("N in a lead's detail is about that lead")
  func fromDetail() throws {
    var d = Driver()
    d.press(.char("j"))
    let lead = try #require(d.selected(.queue))
    d.press(.enter)
    #expect(d.press(.char("N")) == [.editNote(lead: lead.id, text: "")])
  }

  @Test("line ends as a Windows editor writes them become plain newlines")
  func windowsLineEnds() throws {
    var d = Driver()
    let lead = try #require(d.selected(.queue))
    #expect(
      d.send(.noteEdited(lead: lead.id, .text("one\r\ntwo\r\n")))
        == [.perform(.note(id: lead.id, text: "one\ntwo\n"), ifVersion: nil)])
  }

  @Test("a control character is refused with the line n gives; N opens the words again")
  func controlCharacterRefused() throws {
    var d = Driver()
    let lead = try #require(d.selected(.queue))
    let written = "ring \u{07} the bell\n"
    #expect(d.send(.noteEdited(lead: lead.id, .text(written))).isEmpty)
    #expect(d.state.status?.kind == .error)
    #expect(
      d.state.status?.text
        == "note holds a control character (U+0007), which is never stored: not added"
        + " (N opens your note again)")
    #expect(d.press(.char("N")) == [.editNote(lead: lead.id, text: written)])
    // Another lead's editor starts empty; the draft stays for its own lead.
    d.press(.char("j"))
    let other = try #require(d.selected(.queue))
    #expect(d.press(.char("N")) == [.editNote(lead: other.id, text: "")])
    #expect(d.state.noteDraft == NoteDraft(leadID: lead.id, text: written))
  }

  @Test("the draft goes once the note is in the store")
  func draftClearedWhenAdded() throws {
    var d = Driver()
    let lead = try #require(d.selected(.queue))
    let effects = d.send(.noteEdited(lead: lead.id, .text("long words")))
    #expect(d.state.noteDraft == NoteDraft(leadID: lead.id, text: "long words"))
    d.carryOut(effects)
    #expect(d.state.noteDraft == nil)
    #expect(d.press(.char("N")) == [.editNote(lead: lead.id, text: "")])
  }

  @Test(
    "an editor that fails, or leaves the file empty or unchanged, adds nothing and says so",
    arguments: [
      (
        EditorResult.failed("the editor (vim) failed: exit 1"), StatusMessage.Kind.error,
        "the editor (vim) failed: exit 1: no note added to "
      ),
      (.empty, .info, "the note was left empty: nothing added to "),
      (.unchanged, .info, "the note was not changed: nothing added to "),
    ])
  func nothingAdded(result: EditorResult, kind: StatusMessage.Kind, words: String) throws {
    var d = Driver()
    let lead = try #require(d.selected(.queue))
    #expect(d.send(.noteEdited(lead: lead.id, result)).isEmpty)
    #expect(
      d.state.status
        == StatusMessage(
          text: words + String(lead.id), kind: kind,
          expires: d.fixture.now + .seconds(kind == .error ? 8 : 4)))
  }

  @Test("someone who may not write is refused before the editor opens")
  func refusedFirst() throws {
    var d = Driver(user: "ghost")
    #expect(d.selected(.queue) != nil)
    #expect(d.press(.char("N")).isEmpty)
    #expect(d.state.status?.kind == .error)
    #expect(d.state.status?.text.contains("ghost") == true)
  }

  @Test("a long note added reads on one line in the status bar, its lines joined by spaces")
  func statusOnOneLine() throws {
    var d = Driver(width: 160, height: 45)
    let lead = try #require(d.selected(.queue))
    d.carryOut(d.send(.noteEdited(lead: lead.id, .text("First line.\nSecond line.\n"))))
    let text = AppView.render(d.state, pipeline: d.pipeline, now: d.fixture.now).plainText
    let bar = try #require(text.split(separator: "\n").last)
    #expect(bar.contains("\(lead.id) note: First line. Second line."), "\(bar)")
  }
}
