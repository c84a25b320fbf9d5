import HandoffModel

/// Every input the dashboard reacts to, whatever its source.
package enum Msg: Sendable {
  /// A key press.
  case key(KeyPress)
  /// A mouse click or wheel turn.
  case mouse(MouseInput)
  /// Text pasted into the terminal (bracketed paste).
  case paste(String)
  /// Time passed: the clock, SLA countdowns and status expiry may have changed.
  case tick
  /// The store changed (events appended by anyone, or a reload).
  case storeChanged
  /// The store cannot be read (deleted, moved, damaged): the screen keeps the last
  /// state and says why, until a read succeeds again.
  case storeUnavailable(String)
  /// The store cannot be reached now (a database server down or unreachable), why: the
  /// screen keeps the last state, the status bar says offline until it is back.
  case storeOffline(String)
  /// New for the user since the loop last looked (`NoticeWatch`): assignments to them,
  /// SLA edges crossed.
  case notices([Notice])
  /// The terminal's size changed.
  case resize(width: Int, height: Int)
  /// The result of a `perform` or `undo` effect.
  case actionResult(ActionResult)
  /// A lead's history, read for the detail view.
  case history(lead: Int, Result<[Event], HistoryError>)
  /// The user's editor closed on a note for the lead: what it left.
  case noteEdited(lead: Int, EditorResult)
}

/// What became of an action the loop carried out.
package enum ActionResult: Sendable {
  /// Appended: the event written.
  case done(Event)
  /// An undo appended `revert`, taking back `undid` (nil when its history could not be read).
  case undone(Event, undid: Event?)
  /// An undo was refused; `skip` when the change it was after can never be undone (so
  /// the next `u` goes on to the change before).
  case undoRefused(String, skip: Bool)
  /// Refused, with the one line the user sees.
  case refused(String)
}

/// Why a lead's history could not be read: the one line the user sees.
package struct HistoryError: Error, Sendable, Equatable {
  /// The message.
  package var message: String
  /// Creates the error.
  package init(_ message: String) { self.message = message }
}

/// What `update` asks the loop to do; values, so tests check them without doing them.
package enum Effect: Equatable, Sendable {
  /// Append the event for a command, refused if the lead is no longer at `ifVersion`;
  /// `overriding` what the user confirmed.
  case perform(Command, ifVersion: Int?, overriding: Overrides = [])
  /// Undo the user's last change (to a lead, if given).
  case undo(lead: Int?)
  /// Read a lead's history for the detail view.
  case loadHistory(lead: Int)
  /// Tell the user of a notice beyond the status bar, as the `--notify` mode says (the
  /// bell, a desktop notification, or nothing).
  case alert(String)
  /// Lend the terminal to the user's editor on a long note for the lead, starting from
  /// `text` (the words of a note refused before, or nothing).
  case editNote(lead: Int, text: String)
  /// Repaint the whole terminal (Ctrl-L).
  case redraw
  /// Stop like any terminal program on Ctrl-Z, giving the terminal back until resumed.
  case suspend
  /// Stop.
  case quit
}
