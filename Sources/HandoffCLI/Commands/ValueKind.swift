import HandoffModel
import HandoffTerminal

/// What a flag's value or a positional word is: how shell completion offers it (and,
/// for the store's own names, what `handoff complete KIND` prints).
enum ValueKind: Sendable, Equatable {
  /// Free text: nothing to offer.
  case text
  /// A lead id, from the current store.
  case lead
  /// An active member's handle, from the current store.
  case member
  /// A member's handle or `none`.
  case memberOrNone
  case stage, department, metric, setting
  /// A command name (`help COMMAND`).
  case command
  /// A shell `completions` writes for.
  case shell
  /// A theme name (the shipped ones) or a path.
  case theme
  /// A file path.
  case file
  /// One of these words.
  case choices([String])

  /// The name the completion scripts use for the kind.
  var scriptName: String {
    switch self {
    case .text: "text"
    case .lead: "lead"
    case .member: "member"
    case .memberOrNone: "member-or-none"
    case .stage: "stage"
    case .department: "dept"
    case .metric: "metric"
    case .setting: "setting"
    case .command: "command"
    case .shell: "shell"
    case .theme: "theme"
    case .file: "file"
    case .choices(let words): "words:" + words.joined(separator: ",")
    }
  }

  /// The words a script offers for a kind whose words do not depend on the store; nil
  /// for the store's (leads, members), files and free text.
  var staticWords: [String]? {
    switch self {
    case .stage: Stage.allCases.map(\.rawValue)
    case .department: Department.allCases.map(\.rawValue)
    case .metric: Metric.allCases.map(\.rawValue)
    case .setting: Settings.keys
    case .command: Registry.commandWords
    case .shell: CompletionScript.Shell.allCases.map(\.rawValue)
    case .theme: Theme.shippedNames
    case .choices(let words): words
    case .text, .lead, .member, .memberOrNone, .file: nil
    }
  }
}
