import HandoffHost
import HandoffModel
import HandoffPresentation
import HandoffStore
import HandoffTTY
import HandoffTerminal
import HandoffText

/// What every command runs with: the global options, the environment, the settings
/// they and the config file make, standard output, the clock and time zones, and the
/// store (opened on first use).
final class Context {
  let options: GlobalOptions
  let environment: [String: String]
  /// Every setting, from flag, environment, config file or default.
  let settings: EffectiveSettings
  let clock: any Clock
  let zones: any ZoneDatabase
  var out = Output.standardOutput()
  var err = Output.standardError()
  private var opened: (any EventStore)?
  private var loaded = false

  /// The context of one run; the machine's clock and zones unless a test says otherwise.
  init(
    options: GlobalOptions, environment: [String: String], settings: EffectiveSettings,
    clock: any Clock = SystemClock(), zones: any ZoneDatabase = SystemZones()
  ) {
    self.options = options
    self.environment = environment
    self.settings = settings
    self.clock = clock
    self.zones = zones
  }

  /// `--at`, once read: the moment the reading commands show, and the state then.
  private(set) var travelMoment: Timestamp?
  private var travelPipeline: Pipeline?

  /// The current moment; with `--at`, that moment (so ages, periods and pace are then's).
  var now: Timestamp { travelMoment ?? clock.now() }

  /// The moment `--at` names, read in the team's time zone (nil without `--at`); one in
  /// the future is bad usage.
  func atMoment() throws -> Timestamp? {
    guard options.at != nil else { return nil }
    return try atMoment(zone: try store().pipeline.zone)
  }

  /// The moment `--at` names, read in `zone`.
  func atMoment(zone: Zone) throws -> Timestamp? {
    guard let text = options.at else { return nil }
    let now = clock.now()
    let moment = try Values.moment(text, "--at", now: now, zone: zone)
    guard moment <= now else {
      throw CLIError.usage(
        "--at '\(UntrustedTextCLI.safe(text))' is in the future: time travel goes back from now")
    }
    return moment
  }

  /// Reads `--at` and, when given, makes the state as it stood then the one commands read.
  func travel() throws {
    guard let moment = try atMoment() else { return }
    travelPipeline = try TimeTravel(store: try store()).state(at: moment)
    travelMoment = moment
  }

  /// The width tables should fit on a terminal: `COLUMNS` when set, else the
  /// terminal's, else 80. Output to a pipe or a file is never cut: every cell whole.
  var width: Int {
    guard out.isTerminal else { return Int(Int32.max) }
    return max(
      40,
      environment["COLUMNS"].flatMap { Int($0) }
        ?? TTYDevice.querySize(out.descriptor)?.width ?? 80)
  }

  /// Whether output is JSON.
  var json: Bool { options.json }

  /// Where the store is: `--store`, else `HANDOFF_STORE`, else the config file's
  /// `store`, else the default path; with none of them and no home to put the default
  /// in, a one-line refusal.
  func storeAddress() throws(CLIError) -> StoreAddress {
    guard let store = settings.store else {
      throw .usage(
        "no store named and no default for one: neither HOME nor XDG_DATA_HOME is set "
          + "(pass --store PATH or set HANDOFF_STORE)")
    }
    return store.value
  }

  /// The context's own store, not loaded.
  func makeStore() throws -> any EventStore { try makeStore(at: try storeAddress()) }

  /// The store at `address`, not loaded.
  func makeStore(at address: StoreAddress) throws(StoreError) -> any EventStore {
    try StoreOpener.store(at: address, clock: clock, zones: zones, environment: environment)
  }

  /// The store, without loading it (for `check`, which must work on a broken log).
  func unopenedStore() throws -> any EventStore {
    if let opened { return opened }
    let store = try makeStore()
    opened = store
    return store
  }

  /// The store, loaded.
  func store() throws -> any EventStore {
    let store = try unopenedStore()
    if !loaded {
      try store.open()
      loaded = true
    }
    return store
  }

  /// The loaded state; with `--at`, as it stood then.
  func pipeline() throws -> Pipeline { try travelPipeline ?? store().pipeline }

  /// Every event of a lead, oldest first; with `--at`, those the store held then.
  func history(of lead: Int) throws -> [Event] {
    let events = try store().history(of: lead)
    guard let travelPipeline else { return events }
    return events.filter { $0.seq <= travelPipeline.lastSeq }
  }

  /// Who is acting.
  func user() throws(CLIError) -> String {
    guard let user = settings.user else {
      throw .usage("cannot tell who you are: pass --user NAME or set HANDOFF_USER")
    }
    return user.value
  }

  /// Performs a command as the user; `--if-version` applies to lead changes only.
  @discardableResult
  func perform(_ command: Command, overriding overrides: Overrides = []) throws -> Event {
    let store = try store()
    if options.ifVersion != nil, command.leadID == nil {
      throw CLIError.usage("--if-version applies only to commands that change a lead")
    }
    return try store.perform(
      command, by: try user(), ifVersion: options.ifVersion, overriding: overrides)
  }

  /// The lead with an id, or the "no lead" failure.
  func lead(_ id: Int) throws -> Lead {
    let pipeline = try pipeline()
    guard let lead = pipeline.lead(id) else {
      guard let travelMoment else { throw CLIError.failure("no lead \(id)") }
      throw CLIError.failure(
        "no lead \(id) at \(LocalTime.format(travelMoment, zone: pipeline.zone))")
    }
    return lead
  }

  /// Fails unless a handle names a member (who may have left); a malformed handle is
  /// bad usage.
  func requireMember(_ handle: String) throws {
    try Values.handle(handle)
    guard try pipeline().member(handle) != nil else {
      throw CLIError.failure(ModelError.unknownMember(handle).description)
    }
  }

  /// Prints text as it is (already made safe by the caller).
  func print(_ text: String) { out.line(text) }

  /// Prints JSON from the one writer, whose strings never hold a character a terminal
  /// might obey.
  func printJSON(_ json: String) { out.line(json) }

  /// Prints the JSON value `write` puts into a writer.
  func printJSON(_ write: (inout JSONWriter) -> Void) {
    var writer = JSONWriter()
    write(&writer)
    out.line(writer.text)
  }

  /// Prints a table.
  func print(_ table: TableText) {
    table.render(width: width) { lines in
      out.write(String(lines))
      return !out.closed
    }
  }
}
