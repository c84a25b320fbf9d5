import HandoffTerminal

extension TerminalSession {
  /// A session on the real terminal (standard input and output), drawing with the
  /// colours the environment says it has (COLORTERM, TERM, NO_COLOR).
  package static func interactive(_ options: TTYDevice.Options) throws -> TerminalSession {
    TerminalSession(
      device: try TTYDevice(options: options),
      colorDepth: ColorDepth.detect(environment: options.environment))
  }
}
