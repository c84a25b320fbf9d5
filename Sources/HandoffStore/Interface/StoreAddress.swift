/// Where a store is, as `--store`, `HANDOFF_STORE` or the default name it: a file path
/// (the JSON-lines log), or a URL whose scheme says which kind of store holds it
/// (`postgres://…`). Parsing says only which it is; which implementation opens each
/// scheme is decided in one place, `StoreOpener` in the CLI.
package enum StoreAddress: Hashable, Sendable {
  /// A JSON-lines log at a path (`file:///x` is read as the path `/x`).
  case file(String)
  /// A URL: its scheme (lowercased) and the whole text as given.
  case url(scheme: String, String)

  /// The address a `--store` value or `HANDOFF_STORE` names: a URL when it starts with
  /// `SCHEME://`, otherwise a path.
  package init(_ text: String) {
    guard let colon = StoreAddress.schemeEnd(text) else {
      self = .file(text)
      return
    }
    let scheme = text[..<colon.lowerBound]
    let isScheme =
      scheme.first.map { $0.isASCII && $0.isLetter } == true
      && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    guard isScheme else {
      self = .file(text)
      return
    }
    if scheme.lowercased() == "file" {
      self = .file(String(text[colon.upperBound...]))
      return
    }
    self = .url(scheme: scheme.lowercased(), text)
  }

  /// The store to use: `flag` (`--store`) if given, else `HANDOFF_STORE`, else the
  /// default file; nil when there is no default (the CLI adds the config file's `store`
  /// between the environment and the default).
  package static func resolve(flag: String?, environment: [String: String]) -> StoreAddress? {
    if let flag, !flag.isEmpty { return StoreAddress(flag) }
    if let env = environment["HANDOFF_STORE"], !env.isEmpty { return StoreAddress(env) }
    return defaultFile(environment: environment)
  }

  /// The default store, `$XDG_DATA_HOME/handoff/store.jsonl` (with `XDG_DATA_HOME`
  /// defaulting to `~/.local/share`); nil when neither names an absolute folder: a
  /// store is never put relative to wherever the command happens to run.
  package static func defaultFile(environment: [String: String]) -> StoreAddress? {
    if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
      return .file(xdg + "/handoff/store.jsonl")
    }
    guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
    return .file(home + "/.local/share/handoff/store.jsonl")
  }

  /// The address as a person may see it: the path, or the URL with any password
  /// replaced by `***`.
  package var displayName: String {
    switch self {
    case .file(let path):
      return path
    case .url(_, let text):
      // scheme://user:password@host/… → scheme://user:***@host/…
      guard let start = StoreAddress.schemeEnd(text)?.upperBound else { return text }
      let rest = text[start...]
      let authorityEnd: String.Index =
        rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
      let authority: Substring = rest[..<authorityEnd]
      guard let at = authority.lastIndex(of: "@"),
        let colon = authority[..<at].firstIndex(of: ":")
      else { return text }
      let user: Substring = text[..<text.index(after: colon)]
      return String(user) + "***" + String(text[at...])
    }
  }

  /// Where the first `://` is.
  private static func schemeEnd(_ text: String) -> Range<String.Index>? {
    var index = text.startIndex
    while index < text.endIndex {
      if text[index...].hasPrefix("://") {
        return index..<text.index(index, offsetBy: 3)
      }
      index = text.index(after: index)
    }
    return nil
  }

  /// The error for a scheme no store implements: one line, naming what would work.
  package func unknownScheme(known: [String]) -> StoreError {
    guard case .url(let scheme, _) = self else {
      return .badAddress("\(displayName) is not a store address")
    }
    let kinds = (["a file path"] + known.map { "\($0)://…" }).joined(separator: " or ")
    return .badAddress(
      "store \(displayName): Handoff knows no store of kind '\(scheme)'; use \(kinds)")
  }
}
