import Foundation
import HandoffModel
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
      return act(.moveForward(id: lead.id, reason: nil), lead.version, &state, context)
    case .backward:
      if let back = lead.stage.backward, lead.stage.requiresReason(to: back) {
        state.overlay = .reason(
          ReasonPrompt(leadID: lead.id, version: lead.version, purpose: .moveBack))
        return []
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
      state.overlay = .reason(
        ReasonPrompt(leadID: lead.id, version: lead.version, purpose: purpose))
      return []
    default:
      return []
    }
  }

  /// What `r` means for a lead in a stage.
  static func reasonPurpose(_ stage: Stage) -> ReasonPrompt.Purpose? {
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

  /// Keys of the reason prompt: type, Enter to send, Esc to cancel.
  static func reasonKey(
    _ key: KeyPress, _ prompt: ReasonPrompt, _ state: inout AppState, _ context: Context
  ) -> [Effect] {
    var prompt = prompt
    switch prompt.editor.handle(key.inputEvent) {
    case .cancelled:
      state.overlay = nil
      return []
    case .submitted(let text):
      let reason = text.trimmingCharacters(in: .whitespaces)
      guard !reason.isEmpty else {
        refuse(&state, context, "a reason is needed (Esc to cancel)")
        return []
      }
      let command: Command
      switch prompt.purpose {
      case .reject: command = .reject(id: prompt.leadID, reason: reason)
      case .lose: command = .lost(id: prompt.leadID, reason: reason)
      case .disqualify: command = .move(id: prompt.leadID, to: .disqualified, reason: reason)
      case .moveBack: command = .moveBackward(id: prompt.leadID, reason: reason)
      }
      state.overlay = nil
      return act(command, prompt.version, &state, context)
    case .edited, .ignored:
      break
    }
    state.overlay = .reason(prompt)
    return []
  }
}
