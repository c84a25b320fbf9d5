/// Watches the dashboard's loop from outside: told of every wakeup and every frame,
/// it decides nothing. The benchmark attaches one to time start-up, live updates and
/// idling; the product attaches none.
package protocol DashboardObserver: AnyObject {
  /// The loop came back from its wait (input, a signal, the store, or the timeout).
  func loopWoke()
  /// A frame was drawn: `bytes` written to the terminal (0 when nothing on the screen
  /// changed), showing the store up to event `lastSeq`.
  func frameDrawn(bytes: Int, lastSeq: Int64)
}
