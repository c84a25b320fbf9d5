import Foundation
import HandoffModel

extension Update {
  /// The keys that act on the selected lead: the same commands as the CLI, checked
  /// against the pipeline first so a refusal shows at once, and carrying the version
  /// shown so a change by someone else meanwhile is refused, not overwritten.
  static func leadKey(_ key: KeyPress, _ state: inout AppState, _ context: Context) -> [Effect] {
    guard let lead = actionLead(state, context.pipeline) else {
      if isLeadKey(key) { refuse(&state, context, "no lead selected") }
      return []
    }
    switch key {
    case .char(">"):
      return act(.moveForward(id: lead.id, reason: nil), lead.version, &state, context)
    case .char("<"):
      if let back = lead.stage.backward, lead.stage.requiresReason(to: back) {
        state.overlay = .reason(
          ReasonPrompt(leadID: lead.id, version: lead.version, purpose: .moveBack))
        return []
      }
      return act(.moveBackward(id: lead.id, reason: nil), lead.version, &state, context)
    case .char("h"):
      return act(.handOff(id: lead.id), lead.version, &state, context)
    case .char("x"):
      return act(.accept(id: lead.id), lead.version, &state, context)
    case .char("A"):
      return act(.autoAssign(id: lead.id), lead.version, &state, context)
    case .char("a"):
      state.overlay = .picker(
        MemberPicker(leadID: lead.id, version: lead.version, department: lead.stage.ownerDepartment)
      )
      return []
    case .char("r"):
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

  private static func isLeadKey(_ key: KeyPress) -> Bool {
    [KeyPress.char(">"), .char("<"), .char("h"), .char("x"), .char("A"), .char("a"), .char("r")]
      .contains(key)
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
  /// refusal becomes the status message, a go becomes the effect.
  static func act(
    _ command: Command, _ version: Int, _ state: inout AppState, _ context: Context
  ) -> [Effect] {
    do {
      _ = try Planner(context.pipeline).plan(
        command, by: state.user, at: context.now, ifVersion: version)
    } catch {
      refuse(&state, context, error.description)
      return []
    }
    return [.perform(command, ifVersion: version)]
  }

  /// Keys of the assign picker: type to filter, arrows to choose, Enter to assign.
  static func pickerKey(
    _ key: KeyPress, _ picker: MemberPicker, _ state: inout AppState, _ context: Context
  ) -> [Effect] {
    var picker = picker
    let candidates = picker.candidates(context.pipeline)
    switch key {
    case .escape:
      state.overlay = nil
      return []
    case .enter:
      guard candidates.indices.contains(picker.cursor) else {
        refuse(&state, context, "no member matches '\(picker.query)'")
        return []
      }
      let handle = candidates[picker.cursor].handle
      let effects = act(
        .assign(id: picker.leadID, to: handle, note: picker.note), picker.version, &state, context)
      state.overlay = nil
      return effects
    case .down, .ctrl("n"), .tab:
      picker.cursor = min(picker.cursor + 1, max(0, candidates.count - 1))
    case .up, .ctrl("p"), .backTab:
      picker.cursor = max(0, picker.cursor - 1)
    case .backspace:
      if !picker.query.isEmpty { picker.query.removeLast() }
      picker.cursor = 0
    case .char(let c):
      picker.query.append(c)
      picker.cursor = 0
    default:
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
    switch key {
    case .escape:
      state.overlay = nil
      return []
    case .enter:
      let reason = prompt.text.trimmingCharacters(in: .whitespaces)
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
    case .backspace:
      if !prompt.text.isEmpty { prompt.text.removeLast() }
    case .char(let c):
      prompt.text.append(c)
    default:
      break
    }
    state.overlay = .reason(prompt)
    return []
  }
}

extension MemberPicker {
  /// The note typed after a colon (`sam: knows the account`), if any: it goes with
  /// the assignment.
  package var note: String? {
    guard let colon = query.firstIndex(of: ":") else { return nil }
    let text = query[query.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    return text.isEmpty ? nil : text
  }

  /// The members who may own the lead, matching the query by handle or name, by load.
  package func candidates(_ pipeline: Pipeline) -> [Member] {
    let needle = String(query.prefix { $0 != ":" }).trimmingCharacters(in: .whitespaces)
      .lowercased()
    return pipeline.members.filter { m in
      m.active && m.department == department
        && (needle.isEmpty || m.handle.lowercased().contains(needle)
          || m.name.lowercased().contains(needle))
    }
  }
}
