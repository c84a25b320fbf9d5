import HandoffApp
import HandoffPresentation
import HandoffStore

/// `config`: every effective setting — user, store, theme, notify and each key — with
/// where it came from (an option, the environment, a line of the config file, or the
/// default).
enum ConfigCommand {
  static let spec = CommandSpec(
    name: "config", usage: "config",
    summary: "show every effective setting and where it came from",
    details:
      "The config file is $XDG_CONFIG_HOME/handoff/config (else ~/.config/handoff/config): "
      + "`key = value` lines setting user, store, theme, notify and key.ACTION (the keys "
      + "bound to a dashboard action). An option wins over the environment, which wins "
      + "over the file, which wins over the default. See docs/CONFIG.md.",
    run: show)

  /// One effective setting as printed: name, value, origin.
  private struct Row {
    var name: String
    var value: String
    var origin: String
  }

  private static func rows(_ settings: EffectiveSettings) -> [Row] {
    var rows = [
      Row(
        name: "user", value: settings.user?.value ?? "(none)",
        origin: settings.user?.origin.description ?? "nothing names you"),
      Row(
        name: "store", value: settings.store?.value.displayName ?? "(none)",
        origin: settings.store?.origin.description ?? "neither HOME nor XDG_DATA_HOME is set"),
      Row(
        name: "theme", value: settings.theme.value ?? "default",
        origin: settings.theme.origin.description),
      Row(
        name: "notify", value: settings.notify.value.rawValue,
        origin: settings.notify.origin.description),
    ]
    for action in KeyAction.allCases {
      let keys = settings.keymap.keys(for: action).map(\.name)
      rows.append(
        Row(
          name: "key." + action.rawValue,
          value: keys.isEmpty ? "(none)" : keys.joined(separator: " "),
          origin: settings.origin(of: action).description))
    }
    return rows
  }

  private static func show(_ ctx: Context, _ args: Arguments) throws {
    let settings = ctx.settings
    let rows = rows(settings)
    if ctx.json {
      ctx.printJSON { w in
        w.open()
        w.nullable("config_file", settings.config.path)
        w.field("config_file_exists", settings.config.exists)
        w.beginArray("settings")
        for row in rows {
          w.open()
          w.field("name", row.name)
          w.field("value", row.value)
          w.field("from", row.origin)
          w.close()
        }
        w.endArray()
        w.close()
      }
      return
    }
    let file = settings.config.path.map(UntrustedTextCLI.safe)
    switch (file, settings.config.exists) {
    case (let path?, true): ctx.print("config file: \(path)")
    case (let path?, false): ctx.print("config file: \(path) (not there: defaults apply)")
    case (nil, _): ctx.print("config file: none (neither XDG_CONFIG_HOME nor HOME is set)")
    }
    var table = TableText([
      .init("setting"), .init("value", flexible: true, minimum: 10), .init("from", flexible: true),
    ])
    for row in rows {
      table.add([row.name, UntrustedTextCLI.safe(row.value), row.origin])
    }
    ctx.print(table)
  }
}
