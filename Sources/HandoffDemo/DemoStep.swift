import HandoffModel

/// One scheduled action of the demo history, before it is planned against the state.
struct DemoStep: Sendable {
  /// When it happens.
  var at: Timestamp
  /// The index of the lead's script it belongs to; -1 for team changes.
  var lead: Int32
  /// Who does it.
  var actor: String
  /// What they do.
  var action: DemoAction
}

/// What a demo step does; lead actions name their lead when the step runs, because a
/// lead's id is only known once its creation has been planned. Big payloads (the new
/// lead, team commands) are kept beside the steps, so a step stays small even when a
/// million leads' histories are scheduled at once.
enum DemoAction: Sendable {
  /// Capture the step's lead (its fields are kept by lead index).
  case create
  case move(Stage, reason: String?)
  case handOff
  case accept
  case reject(String)
  case assign(String, note: String?)
  case won(Int64?)
  case lost(String)
  case note(String)
  case followUp
  case score(Int)
  /// A team change (the command is kept by this index).
  case team(Int32)

  /// The command this step asks for, on the lead with `id`; nil for `create` and
  /// `team`, whose commands are kept beside the steps.
  func command(lead id: Int) -> Command? {
    switch self {
    case .create, .team: return nil
    case .move(let stage, let reason): return .move(id: id, to: stage, reason: reason)
    case .handOff: return .handOff(id: id)
    case .accept: return .accept(id: id)
    case .reject(let reason): return .reject(id: id, reason: reason)
    case .assign(let handle, let note): return .assign(id: id, to: handle, note: note)
    case .won(let value): return .won(id: id, value: value)
    case .lost(let reason): return .lost(id: id, reason: reason)
    case .note(let text): return .note(id: id, text: text)
    case .followUp: return .followUp(id: id, next: nil)
    case .score(let score): return .score(id: id, score)
    }
  }
}
