import HandoffApp
import HandoffStore

/// Every setting as it applies to one run, each from the first place that sets it:
/// the command-line option, then the environment, then the config file, then the
/// default (docs/CONFIG.md). `handoff config` prints them with their origins.
struct EffectiveSettings {
  /// Who acts; nil when nothing names anyone (no login name either).
  var user: Effective<String>?
  /// The store; nil when none is named and no default can be (neither `HOME` nor
  /// `XDG_DATA_HOME` is set).
  var store: Effective<StoreAddress>?
  /// The theme's name or path; nil value: the built-in default.
  var theme: Effective<String?>
  /// How the dashboard notifies.
  var notify: Effective<NotifyMode>
  /// What the dashboard's keys do.
  var keymap: Keymap
  /// The config file they were read with.
  var config: ConfigFile

  /// The settings for `options` in `environment` with `config`; a bad `HANDOFF_NOTIFY`
  /// is bad usage.
  init(
    options: GlobalOptions, environment: [String: String], config: ConfigFile,
    notifyFlag: String? = nil
  ) throws(CLIError) {
    self.config = config
    keymap = config.keymap
    func pick(_ flag: String?, _ flagName: String, _ variable: String, _ key: String)
      -> Effective<String>?
    {
      if let flag, !flag.isEmpty { return Effective(value: flag, origin: .flag(flagName)) }
      if let env = environment[variable], !env.isEmpty {
        return Effective(value: env, origin: .environment(variable))
      }
      if let line = config.values[key], let path = config.path {
        return Effective(value: line.value, origin: .config(path: path, line: line.line))
      }
      return nil
    }
    user =
      pick(options.user, "--user", "HANDOFF_USER", "user")
      ?? UserName.login().map { Effective(value: $0, origin: .builtIn("login name")) }
    store =
      pick(options.store, "--store", "HANDOFF_STORE", "store").map {
        Effective(value: StoreAddress($0.value), origin: $0.origin)
      }
      ?? StoreAddress.defaultFile(environment: environment).map {
        Effective(value: $0, origin: .builtIn("default"))
      }
    theme =
      pick(options.theme, "--theme", "HANDOFF_THEME", "theme").map {
        Effective(value: $0.value, origin: $0.origin)
      } ?? Effective(value: nil, origin: .builtIn("default"))
    if let chosen = pick(notifyFlag, "--notify", "HANDOFF_NOTIFY", "notify") {
      guard let mode = NotifyMode(rawValue: chosen.value) else {
        throw .usage(
          "\(chosen.origin) '\(UntrustedTextCLI.safe(chosen.value))' is not valid: expected \(NotifyMode.names)"
        )
      }
      notify = Effective(value: mode, origin: chosen.origin)
    } else {
      notify = Effective(value: .none, origin: .builtIn("default"))
    }
  }

  /// Where the key bindings of an action came from.
  func origin(of action: KeyAction) -> SettingOrigin {
    if let line = config.keyLines[action], let path = config.path {
      return .config(path: path, line: line)
    }
    return .builtIn("default")
  }
}
