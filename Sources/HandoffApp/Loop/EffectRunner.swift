import HandoffModel
import HandoffStore

/// Carries out `update`'s effects against the store; what comes of them returns as
/// messages for the same loop.
struct EffectRunner {
  let store: any EventStore
  let user: String

  /// The messages that result from one effect (nothing for redraw and quit, which
  /// the loop handles itself).
  func run(_ effect: Effect) -> [Msg] {
    switch effect {
    case .perform(let command, let version, let overrides):
      do {
        let event = try store.perform(
          command, by: user, ifVersion: version, overriding: overrides)
        return [.storeChanged, .actionResult(.done(event))]
      } catch {
        return [.storeChanged, .actionResult(.refused(error.description))]
      }
    case .undo(let lead):
      do {
        let (revert, undid) = try store.undoing(by: user, lead: lead)
        return [.storeChanged, .actionResult(.undone(revert, undid: undid))]
      } catch {
        return [.actionResult(.undoRefused(error.description, skip: error.isFinalForUndo))]
      }
    case .loadHistory(let lead):
      do {
        return [.history(lead: lead, .success(try store.history(of: lead)))]
      } catch {
        return [.history(lead: lead, .failure(HistoryError(error.description)))]
      }
    case .redraw, .quit, .suspend, .alert, .editNote:
      return []
    }
  }
}

extension StoreError {
  /// Whether an undo refused so can never succeed for that change (it was changed by
  /// someone since, or is of a kind never undone), as opposed to a store that could
  /// not be written now.
  fileprivate var isFinalForUndo: Bool {
    if case .model(.cannotUndo) = self { return true }
    if case .model(.nothingToUndo) = self { return true }
    return false
  }
}
