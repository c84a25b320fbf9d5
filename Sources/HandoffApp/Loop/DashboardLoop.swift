import HandoffModel
import HandoffStore
import HandoffTerminal

/// The loop's state: the app state plus what the terminal last showed.
struct DashboardLoop {
  let store: any EventStore
  let session: TerminalSession
  let options: DashboardOptions
  var state: AppState
  private var running = true
  private var shownSecond: Int64 = -1
  private var figures: DashboardFigures?
  /// The panes of the last frame, for the next to copy those that did not change.
  private var panes = PaneCache()
  /// The store's past, once the dashboard has shown it; and the state shown while it
  /// shows the past (`state.travel`).
  private var travel: TimeTravel?
  private var pastPipeline: Pipeline?
  /// The days either side of the past one shown, made ready on a thread of their own;
  /// and the store identity it reads (a replaced store needs a new one).
  private var ahead: TravelAhead?
  private var aheadIdentity: String?
  /// The thread saving the travel stops the store's shelf lacks, while it runs; and the
  /// event count the shelf was last looked at.
  private var filler: ShelfFiller?
  private var shelfLookedAt: Int?
  private var watch: NoticeWatch

  init(
    store: any EventStore, session: TerminalSession, options: DashboardOptions, storeName: String
  ) {
    self.store = store
    self.session = session
    self.options = options
    state = AppState(
      user: options.user, storeName: storeName, width: session.size.width,
      height: session.size.height)
    state.readOnly = !store.isWritable
    state.keymap = options.keymap
    state.firstRunStore = options.firstRunStore
    watch = NoticeWatch(user: options.user)
  }

  var now: Timestamp { options.clock.now() }

  /// The state on screen: the past one while the dashboard shows the past.
  var shownPipeline: Pipeline { pastPipeline ?? store.pipeline }

  mutating func run() throws {
    let runner = EffectRunner(store: store, user: options.user)
    defer {
      ahead?.stop()
      filler?.stop()
    }
    handle(options.at.map { [travel(to: $0), .tick] } ?? [.tick], runner)
    // What is so as the dashboard opens is the baseline, not news.
    _ = watch.look(at: store.pipeline, now: now)
    var dirty = true
    while running {
      let moment = now
      if dirty || moment.milliseconds / 1000 != shownSecond {
        draw(at: moment)
        dirty = false
      }
      // With the frame on screen, before waiting for a key: the first filter keystroke
      // then finds the search text built, and `.` from the past the lists of now
      // sorted (which a dashboard opened with `--at` never drew); no-ops once done.
      store.pipeline.prepareSearch()
      store.pipeline.settleLists()
      lookAtShelf()
      // Read afresh each time: a store may change its descriptor (a reconnect).
      let descriptor = store.changeDescriptor
      var wait = Wakeup.delay(state, now: moment).milliseconds
      // A store that cannot say when it changed (or must retry) is looked at on its timer.
      let interval = store.refreshInterval
      if let interval { wait = min(wait, interval.milliseconds) }
      let inputs = try session.wait(
        timeout: .milliseconds(wait), watching: descriptor.map { [$0] } ?? [])
      options.observer?.loopWoke()
      var messages: [Msg] = []
      var storeMayHaveChanged = interval != nil
      for input in inputs {
        switch input {
        case .event(let event):
          if let msg = InputMapping.message(event) { messages.append(msg) }
        case .resize(let size):
          messages.append(.resize(width: size.width, height: size.height))
        case .resumed:
          session.redrawAll()
          dirty = true
        case .readable:
          storeMayHaveChanged = true
        case .hangup:
          running = false
        }
      }
      // A burst of appends is folded in at once and becomes one message, one frame.
      if storeMayHaveChanged {
        do {
          switch try store.refresh() {
          case .none: break
          case .appended, .reloaded, .reconnected: messages.insert(.storeChanged, at: 0)
          case .vanished:
            messages.append(
              .storeUnavailable("the store is gone (\(store.name)); showing its last state"))
          case .offline(let why):
            messages.append(.storeOffline(why))
          }
        } catch {
          // The log could not be read (corrupt, unreadable): say so, keep the last state.
          messages.append(.storeUnavailable("store: \(error.description)"))
        }
      }
      messages.append(.tick)
      // After the store's news is folded in and before the keys' own actions: those
      // are the user's own, which the next look sees as such.
      let notices = watch.look(at: store.pipeline, now: now)
      if !notices.isEmpty { messages.append(.notices(notices)) }
      if handle(messages, runner) { dirty = true }
    }
  }

  /// Feeds messages through `update`, carrying out effects (whose results are fed in
  /// turn); returns whether the state changed.
  @discardableResult
  private mutating func handle(_ messages: [Msg], _ runner: EffectRunner) -> Bool {
    let before = state
    var queue = messages
    var index = 0
    var redrawn = false
    while index < queue.count {
      let effects = Update.update(&state, queue[index], pipeline: shownPipeline, now: now)
      index += 1
      for effect in effects {
        switch effect {
        case .quit: running = false
        case .travel(let moment): queue.append(travel(to: moment))
        case .redraw:
          // A full redraw now (Ctrl-L, a resize), not at the next clock tick.
          session.redrawAll()
          redrawn = true
        case .suspend: session.suspend()
        case .alert(let text): alert(text)
        case .editNote(let lead, let text):
          let editor = ExternalEditor(environment: options.environment)
          let result = editor.edit(text, named: "handoff-note-\(lead)", on: session)
          queue.append(.noteEdited(lead: lead, result))
        default: queue += runner.run(effect, shownSeq: pastPipeline?.lastSeq)
        }
      }
    }
    return redrawn || state != before
      || queue.contains { if case .storeChanged = $0 { true } else { false } }
  }

  /// Makes the state at `moment` (nil: now) the one shown, and says so to `update`: the
  /// day made ready ahead when there is one, else folded now; then asks for the days
  /// either side of it.
  private mutating func travel(to moment: Timestamp?) -> Msg {
    guard let moment else {
      // Back to now: the days ahead, their store's state and the day shown are freed on
      // the thread that made them.
      letGoOfPast(keep: false)
      ahead?.stop()
      ahead = nil
      return .traveled(nil)
    }
    // Days made from a store since replaced (a compaction rewrites the past) are not
    // shown.
    if ahead != nil, aheadIdentity != store.identity {
      ahead?.stop()
      ahead = nil
    }
    if let day = ahead?.take(moment) {
      // The thread ahead travels from here on: this thread's traveller and the state it
      // folded are let go (its last reference handed to the thread, which frees it).
      travel = nil
      letGoOfPast(keep: true)
      pastPipeline = day.pipeline
      figures = day.figures
    } else {
      let traveller = travel ?? TimeTravel(store: store)
      let past: Pipeline
      do {
        past = try traveller.state(at: moment)
      } catch {
        return .travelFailed(error.description)
      }
      // Before `travel` is set: a day of the thread's shown until now may be kept.
      letGoOfPast(keep: true)
      travel = traveller
      pastPipeline = past
    }
    // The way the user went is the way they will likely go on: that day first.
    prepareAround(moment, backFirst: moment < (state.travel ?? now))
    return .traveled(moment)
  }

  /// Stops showing the past state shown, handing it to the thread ahead when there is
  /// one (the key's frame does not wait for it to be freed): to be kept, when `keep`
  /// and it is a day of its own (not this thread's traveller's, which folds on) with
  /// its figures, for the step back the way the user came; else to be freed.
  private mutating func letGoOfPast(keep: Bool) {
    guard let past = pastPipeline else { return }
    pastPipeline = nil
    guard let ahead else { return }
    if keep, travel == nil, let shown = state.travel, let figures,
      figures.isCurrent(pipeline: past, now: shown)
    {
      ahead.keep(TravelAhead.Day(moment: shown, pipeline: past, figures: figures))
    } else {
      ahead.letGo(past)
    }
  }

  /// Starts the thread that saves the travel stops the shelf lacks, when it lags the log
  /// by a stop's interval (looked at once per interval of new events, while live, up to
  /// the lead limit of the days ahead: it costs a second state's memory while it runs).
  private mutating func lookAtShelf() {
    if filler?.isFinished == true { filler = nil }
    let count = store.pipeline.eventCount
    let leads = store.pipeline.leadCount
    guard filler == nil, pastPipeline == nil, leads <= TravelAhead.leadLimit,
      let make = options.makeTravelStore,
      shelfLookedAt.map({ count - $0 >= TimeTravel.interval(forLeads: leads) }) ?? true
    else { return }
    shelfLookedAt = count
    filler = ShelfFiller.startIfNeeded(for: store, second: make)
  }

  /// Asks for the days a step either side of `moment`, starting the thread that makes
  /// them when the store is small enough.
  private mutating func prepareAround(_ moment: Timestamp, backFirst: Bool) {
    if ahead == nil, store.pipeline.leadCount <= TravelAhead.leadLimit,
      let second = options.makeTravelStore?()
    {
      ahead = TravelAhead(store: second)
      aheadIdentity = store.identity
    }
    let back = moment - Update.travelStep
    let forward = moment + Update.travelStep
    let days = forward < now ? (backFirst ? [back, forward] : [forward, back]) : [back]
    ahead?.prepare(days)
  }

  /// Tells of a notice beyond the status bar as the notify mode says. A terminal that
  /// cannot take the bytes now misses the alert; the status bar still says it.
  private func alert(_ text: String) {
    switch options.notify {
    case .none: return
    case .bell: try? session.alert(.bell)
    case .desktop:
      try? session.alert(
        .desktop(
          title: "handoff", body: text,
          dialect: DesktopNotificationDialect.detect(environment: options.environment)))
    }
  }

  private mutating func draw(at instant: Timestamp) {
    // Everything on screen is drawn at the whole second the clock shows: countdowns
    // and ages then change together with the clock, never a fraction of a second
    // before or after it (which a frame drawn mid-second would otherwise show). The
    // past is drawn at its own moment.
    let moment = state.travel ?? Timestamp(milliseconds: instant.milliseconds / 1000 * 1000)
    let pipeline = shownPipeline
    if figures?.isCurrent(pipeline: pipeline, now: moment) != true {
      figures = DashboardFigures(pipeline: pipeline, now: moment)
    }
    let frame = AppView.render(
      state, pipeline: pipeline, now: moment, theme: options.theme, figures: figures,
      panes: &panes)
    let written = (try? session.draw(frame)) ?? 0
    options.observer?.frameDrawn(bytes: written, lastSeq: pipeline.lastSeq)
    shownSecond = moment.milliseconds / 1000
  }
}
