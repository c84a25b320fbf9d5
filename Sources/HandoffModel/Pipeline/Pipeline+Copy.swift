/// A state's copy that lives on by itself: what a fold that goes on folding hands out
/// to be kept (the dashboard's prepared days in the past).
extension Pipeline {
  /// A state equal to this one that later events folded into this one do not change,
  /// nor does reading it change this one. Every part is a value, so the copy shares
  /// their storage until either side changes a part (copy on write): making it costs
  /// nothing, and the first change after it copies what it touches (the lead array,
  /// about 30 MB at 100,000 leads, its strings shared). A copy may be read on another
  /// thread than the original's once handed over.
  package func copy() -> Pipeline {
    let copy = Pipeline(zones: zones)
    copy.settings = settings
    copy.zone = zone
    copy.lastSeq = lastSeq
    copy.eventCount = eventCount
    copy.nextLeadID = nextLeadID
    copy.generation = generation
    copy.storage = storage
    copy.team = team
    copy.targetValues = targetValues
    copy.counts = counts
    copy.lists = lists
    copy.search = search
    copy.tallies = tallies
    copy.assignments = assignments
    return copy
  }

  /// Brings every sorted list up to date now rather than on its first read: done
  /// before a copy is made, the copies share the sorted lists instead of each sorting
  /// its own.
  package func settleLists() {
    for stage in Stage.allCases { lists.settle(.stage(stage), leads: storage.leads) }
    lists.settle(.openDeals, leads: storage.leads)
    lists.settle(.customers, leads: storage.leads)
  }
}
