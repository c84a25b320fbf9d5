import Foundation
import HandoffModel
import HandoffPresentation
import HandoffTerminal

extension Update {
  /// The actions on the selected lead: the same commands as the CLI, checked
  /// against the pipeline first so a refusal shows at once, and carrying the version
  /// shown so a change by someone else meanwhile is refused, not overwritten.
  static func leadKey(_ action: KeyAction, _ state: inout AppState, _ context: Context)
    -> [Effect]
  {
    guard let lead = actionLead(state, context.pipeline) else {
      refuse(&state, context, "no lead selected")
      return []
    }
    switch action {
    case .forward:
      // A move that cannot be taken back by accident asks first.
      switch lead.stage.forward {
      case .won?:
        return ask(.win, lead, &state, text: LinePrompt.plainAmount(lead.value))
      case .churned?:
        return ask(.churn, lead, &state)
      default:
        return act(.moveForward(id: lead.id, reason: nil), lead.version, &state, context)
      }
    case .backward:
      if let back = lead.stage.backward, lead.stage.requiresReason(to: back) {
        return ask(.moveBack, lead, &state)
      }
      return act(.moveBackward(id: lead.id, reason: nil), lead.version, &state, context)
    case .handOff:
      return act(.handOff(id: lead.id), lead.version, &state, context)
    case .accept:
      return act(.accept(id: lead.id), lead.version, &state, context)
    case .autoAssign:
      return act(.autoAssign(id: lead.id), lead.version, &state, context)
    case .assign:
      state.overlay = .picker(
        MemberPicker(
          leadID: lead.id, version: lead.version, department: lead.stage.ownerDepartment,
          owner: lead.owner, pipeline: context.pipeline))
      return []
    case .reject:
      guard let purpose = reasonPurpose(lead.stage) else {
        refuse(
          &state, context,
          "\(lead.id) is \(lead.stage.rawValue): nothing to reject, lose or disqualify")
        return []
      }
      return ask(purpose, lead, &state)
    case .note:
      return ask(.note, lead, &state)
    case .longNote:
      return longNoteKey(lead, &state, context)
    case .followUp:
      guard lead.stage == .won else {
        refuse(
          &state, context, ModelError.notACustomer(lead: lead.id, stage: lead.stage).description)
        return []
      }
      let next = context.now + .days(Int64(context.pipeline.settings.followUpDays))
      return ask(
        .followUp, lead, &state, text: LocalTime.date(next, zone: context.pipeline.zone))
    default:
      return []
    }
  }

  /// Opens a one-line prompt about the lead, at the version shown.
  private static func ask(
    _ purpose: LinePrompt.Purpose, _ lead: Lead, _ state: inout AppState, text: String = ""
  ) -> [Effect] {
    state.overlay = .prompt(
      LinePrompt(leadID: lead.id, version: lead.version, purpose: purpose, text: text))
    return []
  }

  /// What `r` means for a lead in a stage.
  static func reasonPurpose(_ stage: Stage) -> LinePrompt.Purpose? {
    switch stage {
    case .queued, .accepted: return .reject
    case .meeting, .negotiation: return .lose
    case .new, .nurturing: return .disqualify
    case .mql, .won, .lost, .disqualified, .churned: return nil
    }
  }

  /// The lead the action keys act on: the one in the detail view, else the selection.
  static func actionLead(_ state: AppState, _ pipeline: Pipeline) -> Lead? {
    if case .detail(let detail) = state.screen { return pipeline.lead(detail.leadID) }
    guard let list = state.activeList else { return nil }
    return selectedLead(state, list, pipeline)
  }

  /// Checks a command against the pipeline as the user, at the version shown; a
  /// refusal becomes the status message, a go becomes the effect. A refusal the user
  /// may override (taking someone else's lead, assigning anyway) asks first.
  static func act(
    _ command: Command, _ version: Int, _ state: inout AppState, _ context: Context,
    overriding overrides: Overrides = []
  ) -> [Effect] {
    do {
      _ = try Planner(context.pipeline).plan(
        command, by: state.user, at: context.now, ifVersion: version, overriding: overrides)
    } catch {
      if let more = error.override, !overrides.contains(more), let question = error.question {
        state.overlay = .override(
          OverridePrompt(
            command: command, version: version, overrides: overrides.union(more),
            question: question))
        return []
      }
      refuse(&state, context, error.description)
      return []
    }
    return [.perform(command, ifVersion: version, overriding: overrides)]
  }

  /// Keys of the override question: `y` goes ahead (checked again, so a second
  /// question may follow), anything else cancels.
  static func overrideKey(
    _ key: KeyPress, _ prompt: OverridePrompt, _ state: inout AppState, _ context: Context
  ) -> [Effect] {
    state.overlay = nil
    guard key == .char("y") || key == .char("Y") else {
      inform(&state, context, "cancelled: nothing changed")
      return []
    }
    return act(prompt.command, prompt.version, &state, context, overriding: prompt.overrides)
  }

  /// Keys of the assign picker: type to filter, arrows to choose, Enter to assign.
  static func pickerKey(
    _ key: KeyPress, _ picker: MemberPicker, _ state: inout AppState, _ context: Context
  ) -> [Effect] {
    var picker = picker
    switch picker.list.handle(key.inputEvent) {
    case .cancelled:
      state.overlay = nil
      return []
    case .chosen(let index):
      let handle = picker.list.items[index].key
      state.overlay = nil
      return act(
        .assign(id: picker.leadID, to: handle, note: picker.note), picker.version, &state, context)
    case .ignored:
      if key == .enter { refuse(&state, context, "no member matches '\(picker.query)'") }
    case .changed:
      break
    }
    state.overlay = .picker(picker)
    return []
  }

  /// Keys of a one-line prompt: type, Enter to send, Esc to cancel (nothing changes).
  static func promptKey(
    _ key: KeyPress, _ prompt: LinePrompt, _ state: inout AppState, _ context: Context
  ) -> [Effect] {
    var prompt = prompt
    switch prompt.editor.handle(key.inputEvent) {
    case .cancelled:
      state.overlay = nil
      inform(&state, context, "cancelled: \(prompt.leadID) is unchanged")
      return []
    case .submitted(let text):
      let answer = text.trimmingCharacters(in: .whitespaces)
      let command: Command
      do throws(PromptRefusal) {
        command = try promptCommand(prompt, answer, context)
      } catch {
        refuse(&state, context, error.text)
        state.overlay = .prompt(prompt)
        return []
      }
      state.overlay = nil
      return act(command, prompt.version, &state, context)
    case .edited, .ignored:
      break
    }
    state.overlay = .prompt(prompt)
    return []
  }

  /// Why a prompt's answer was not taken: the line the status bar shows; the prompt
  /// stays open to be corrected.
  private struct PromptRefusal: Error {
    var text: String
  }

  /// The command a prompt's answer asks for.
  private static func promptCommand(_ prompt: LinePrompt, _ answer: String, _ context: Context)
    throws(PromptRefusal) -> Command
  {
    let id = prompt.leadID
    if prompt.asksReason || prompt.purpose == .note, answer.isEmpty {
      let what = prompt.purpose == .note ? "a note" : "a reason"
      throw PromptRefusal(text: "\(what) is needed (Esc to cancel)")
    }
    switch prompt.purpose {
    case .reject: return .reject(id: id, reason: answer)
    case .lose: return .lost(id: id, reason: answer)
    case .disqualify: return .move(id: id, to: .disqualified, reason: answer)
    case .moveBack: return .moveBackward(id: id, reason: answer)
    case .churn: return .move(id: id, to: .churned, reason: answer)
    case .note: return .note(id: id, text: answer)
    case .win:
      guard let value = Money.parse(answer) else {
        throw PromptRefusal(
          text: "'\(answer)' is not an amount: type one such as 12000, 12,000.50 or 12k")
      }
      return .won(id: id, value: value)
    case .followUp:
      let pipeline = context.pipeline
      guard let next = MomentText.parse(answer, now: context.now, zone: pipeline.zone),
        next > context.now
      else {
        throw PromptRefusal(
          text: "'\(answer)' is not a date ahead: type one such as 2026-12-01 or 30d")
      }
      return .followUp(id: id, next: next)
    }
  }
}
