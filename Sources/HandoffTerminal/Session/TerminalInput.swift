import HandoffSystem

/// Something the event loop should react to.
package enum TerminalInput: Hashable, Sendable {
  /// A key, paste or mouse event.
  case event(InputEvent)
  /// The window changed size; draw a frame of the new size.
  case resize(TerminalSize)
  /// The program was continued after a stop; the next frame redraws in full.
  case resumed
  /// One of the extra descriptors passed to `wait` is readable.
  case readable(FileDescriptor)
  /// The terminal went away (end of input, hang-up).
  case hangup
}
