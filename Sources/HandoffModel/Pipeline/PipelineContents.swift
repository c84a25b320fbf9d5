/// Everything a pipeline holds that is not derived from the rest: what a checkpoint
/// keeps (the store's codec writes and reads it). Lists, counts and the search text are
/// rebuilt from it on restore.
package struct PipelineContents {
  package var lastSeq: Int64
  package var eventCount: Int
  package var nextLeadID: Int
  package var settings: Settings
  /// In joining order.
  package var members: [Member]
  package var targets: [TargetKey: Int64]
  /// In slot (creation) order.
  package var leads: [Lead]
  /// By lead id; leads without notes are absent.
  package var notes: [Int: [Note]]
  package var series: [SeriesKey: TimeSeries]
  /// Each acceptance's minute and wait in seconds, sorted by minute.
  package var acceptances: [(at: Int32, seconds: Int32)]

  package init(
    lastSeq: Int64, eventCount: Int, nextLeadID: Int, settings: Settings, members: [Member],
    targets: [TargetKey: Int64], leads: [Lead], notes: [Int: [Note]],
    series: [SeriesKey: TimeSeries], acceptances: [(at: Int32, seconds: Int32)]
  ) {
    self.lastSeq = lastSeq
    self.eventCount = eventCount
    self.nextLeadID = nextLeadID
    self.settings = settings
    self.members = members
    self.targets = targets
    self.leads = leads
    self.notes = notes
    self.series = series
    self.acceptances = acceptances
  }
}

extension Pipeline {
  /// What a checkpoint of this state keeps.
  package var contents: PipelineContents {
    PipelineContents(
      lastSeq: lastSeq, eventCount: eventCount, nextLeadID: nextLeadID, settings: settings,
      members: team.members, targets: targetValues, leads: storage.leads,
      notes: storage.allNotes, series: tallies.series, acceptances: tallies.acceptances)
  }
}

extension PipelineFold {
  /// The state `contents` describes, its lists and counts rebuilt, ready to fold the
  /// events after it. `zones` must be the ones the state was made with.
  package init(restoring contents: PipelineContents, zones: any ZoneDatabase) {
    self.init(zones: zones)
    let p = pipeline
    p.lastSeq = contents.lastSeq
    p.eventCount = contents.eventCount
    p.nextLeadID = contents.nextLeadID
    p.generation = UInt64(contents.eventCount)
    p.settings = contents.settings
    p.zone = contents.settings.timeZone.flatMap(zones.zone(named:)) ?? zones.local
    for member in contents.members { p.team.set(member) }
    p.targetValues = contents.targets
    // Lists are rebuilt on first read; reindexing now only keeps their counts.
    p.lists.markForRebuild()
    p.storage = LeadStorage(leads: contents.leads, notes: contents.notes)
    // Borrowed from the buffer, not copied lead by lead.
    contents.leads.withUnsafeBufferPointer { leads in
      for slot in leads.indices {
        p.counts.account(leads[slot], sign: 1)
        p.lists.reindex(slot: Int32(slot), before: nil, after: leads[slot])
      }
    }
    p.tallies = Tallies(series: contents.series, acceptances: contents.acceptances)
  }
}
