import HandoffModel

extension Update {
  /// `N`: the user's editor on a long note for the lead. Whether the user may note the
  /// lead is checked first, so a refusal shows before anything is written; a note not
  /// added before opens again with its words.
  static func longNoteKey(_ lead: Lead, _ state: inout AppState, _ context: Context) -> [Effect] {
    do {
      _ = try Planner(context.pipeline).plan(
        .note(id: lead.id, text: "note"), by: state.user, at: context.now, ifVersion: nil)
    } catch {
      refuse(&state, context, error.description)
      return []
    }
    let draft = state.noteDraft.flatMap { $0.leadID == lead.id ? $0.text : nil } ?? ""
    return [.editNote(lead: lead.id, text: draft)]
  }

  /// The editor closed on a long note: add what it left, through the same checks as a
  /// note typed with `n` (a control character is refused with the one line saying so).
  ///
  /// Unlike `n`, the note is added whatever version the lead is at by then: writing it
  /// may take minutes, a note contradicts no change someone made meanwhile, and a
  /// refusal would only make the user open the editor again.
  static func noteEdited(
    _ lead: Int, _ result: EditorResult, _ state: inout AppState, _ context: Context
  ) -> [Effect] {
    switch result {
    case .failed(let why):
      refuse(&state, context, "\(why): no note added to \(lead)")
    case .empty:
      inform(&state, context, "the note was left empty: nothing added to \(lead)")
    case .unchanged:
      inform(&state, context, "the note was not changed: nothing added to \(lead)")
    case .text(let written):
      // Line ends as a Windows editor writes them are line ends, not control characters.
      let text = written.split(separator: "\r\n", omittingEmptySubsequences: false)
        .joined(separator: "\n")
      // Kept until the note is in the store: a refusal loses none of the user's words.
      state.noteDraft = NoteDraft(leadID: lead, text: text)
      let command = Command.note(id: lead, text: text)
      do {
        _ = try Planner(context.pipeline).plan(
          command, by: state.user, at: context.now, ifVersion: nil)
      } catch {
        refuse(&state, context, "\(error.description): not added (N opens your note again)")
        return []
      }
      return [.perform(command, ifVersion: nil)]
    }
    return []
  }
}
