/// A named set of styles, one per `ThemeRole`.
public struct Theme: Hashable, Sendable {
  /// The theme's name (its file name without `.theme`, or `name =` in the file).
  public var name: String
  private var styles: [Style]

  /// A theme with every role taken from `base` except the overrides.
  public init(name: String, base: Theme = .standard, overrides: [ThemeRole: Style] = [:]) {
    self.name = name
    styles = base.styles
    for (role, style) in overrides { styles[role.index] = style }
  }

  private init(name: String, styles: [Style]) {
    self.name = name
    self.styles = styles
  }

  /// The style of a role.
  public subscript(role: ThemeRole) -> Style {
    get { styles[role.index] }
    set { styles[role.index] = newValue }
  }

  /// The compiled-in default (dark) theme; the fallback for keys a theme file omits.
  /// `Themes/default.theme` says the same, which a test checks.
  public static let standard: Theme = {
    var styles = Array(repeating: Style.plain, count: ThemeRole.allCases.count)
    func set(_ role: ThemeRole, _ style: Style) { styles[role.index] = style }
    set(.background, Style())
    set(.text, Style(foreground: .rgb(0xD0, 0xD0, 0xD0)))
    set(.muted, Style(foreground: .rgb(0x80, 0x80, 0x80)))
    set(.accent, Style(foreground: .rgb(0x5F, 0xD7, 0xFF), attributes: .bold))
    set(.border, Style(foreground: .rgb(0x58, 0x58, 0x58)))
    set(.borderFocused, Style(foreground: .rgb(0x5F, 0xAF, 0xFF)))
    set(.title, Style(foreground: .rgb(0xB0, 0xB0, 0xB0), attributes: .bold))
    set(.titleFocused, Style(foreground: .rgb(0x5F, 0xD7, 0xFF), attributes: .bold))
    set(.header, Style(foreground: .rgb(0x87, 0xAF, 0xD7), attributes: .bold))
    set(
      .selection,
      Style(
        foreground: .rgb(0x00, 0x00, 0x00), background: .rgb(0x5F, 0xAF, 0xFF), attributes: .bold))
    set(
      .selectionInactive,
      Style(foreground: .rgb(0xE0, 0xE0, 0xE0), background: .rgb(0x3A, 0x3A, 0x3A)))
    set(.status, Style(foreground: .rgb(0xD0, 0xD0, 0xD0), background: .rgb(0x26, 0x26, 0x26)))
    set(
      .statusKey,
      Style(
        foreground: .rgb(0x5F, 0xD7, 0xFF), background: .rgb(0x26, 0x26, 0x26), attributes: .bold))
    set(.good, Style(foreground: .rgb(0x5F, 0xD7, 0x87)))
    set(.warn, Style(foreground: .rgb(0xFF, 0xD7, 0x5F)))
    set(.bad, Style(foreground: .rgb(0xFF, 0x5F, 0x5F), attributes: .bold))
    set(.gaugeFill, Style(foreground: .rgb(0x5F, 0xAF, 0xFF)))
    set(.gaugeEmpty, Style(foreground: .rgb(0x3A, 0x3A, 0x3A)))
    set(.sparkline, Style(foreground: .rgb(0x87, 0xD7, 0xAF)))
    set(.marker, Style(foreground: .rgb(0xFF, 0xAF, 0x00), attributes: .bold))
    set(.overlay, Style(foreground: .rgb(0xE0, 0xE0, 0xE0), background: .rgb(0x1C, 0x1C, 0x1C)))
    set(
      .overlayBorder,
      Style(foreground: .rgb(0x5F, 0xAF, 0xFF), background: .rgb(0x1C, 0x1C, 0x1C)))
    set(.prompt, Style(foreground: .rgb(0xFF, 0xFF, 0xFF)))
    return Theme(name: "default", styles: styles)
  }()
}

extension Theme {
  /// The theme for drawing on top of a role's area (an overlay, the status bar):
  /// every role drawn over that role's background, keeping its own colours where it
  /// has them and adding its attributes.
  public func layered(over base: ThemeRole) -> Theme {
    var layered = self
    let under = self[base]
    for role in ThemeRole.allCases { layered[role] = under.patched(with: self[role]) }
    return layered
  }
}
