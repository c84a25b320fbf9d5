/// Every lead, by storage slot and by id, and the notes on them: the pipeline's rows.
///
/// A lead keeps its slot for good (slots are positions in `leads`, in the order leads
/// were created), so lists and the search text refer to leads by slot.
struct LeadStorage {
  /// The leads, by slot.
  private(set) var leads: [Lead] = []
  private var slotByID: [Int: Int32] = [:]
  private var notesByLead: [Int: [Note]] = [:]

  init() {}

  /// Storage holding `leads` in these slots (taken as they are, not copied), and notes.
  init(leads: [Lead], notes: [Int: [Note]]) {
    self.leads = leads
    slotByID.reserveCapacity(leads.count)
    // Through the buffer: only the id is read, no lead is copied (a copy retains and
    // releases every string of it: a tenth of a 100,000-lead restore).
    leads.withUnsafeBufferPointer { buffer in
      for slot in buffer.indices { slotByID[buffer[slot].id] = Int32(slot) }
    }
    notesByLead = notes
  }

  var count: Int { leads.count }

  /// The slot of a lead.
  func slot(of id: Int) -> Int32? { slotByID[id] }

  /// The lead with an id.
  func lead(_ id: Int) -> Lead? { slotByID[id].map { leads[Int($0)] } }

  /// The notes on a lead, oldest first.
  func notes(of id: Int) -> [Note] { notesByLead[id] ?? [] }

  /// Leads that have notes, with their notes.
  var allNotes: [Int: [Note]] { notesByLead }

  /// Makes room for `more` leads beyond those held (a bulk append grows once).
  mutating func reserve(more: Int) {
    leads.reserveCapacity(leads.count + more)
    slotByID.reserveCapacity(leads.count + more)
  }

  /// Adds a lead in the next slot and returns the slot.
  mutating func append(_ lead: Lead) -> Int32 {
    let slot = Int32(leads.count)
    leads.append(lead)
    slotByID[lead.id] = slot
    return slot
  }

  /// Replaces the lead in a slot (its id stays).
  mutating func replace(slot: Int32, with lead: Lead) { leads[Int(slot)] = lead }

  /// Adds a note to a lead.
  mutating func addNote(_ note: Note, to id: Int) { notesByLead[id, default: []].append(note) }

  /// Sets a lead's notes (a snapshot restores them whole).
  mutating func setNotes(_ notes: [Note], of id: Int) {
    notesByLead[id] = notes.isEmpty ? nil : notes
  }

  /// Removes the last note `author` made on a lead (an undone note).
  mutating func removeLastNote(by author: String, from id: Int) {
    guard var notes = notesByLead[id], let i = notes.lastIndex(where: { $0.author == author })
    else { return }
    notes.remove(at: i)
    notesByLead[id] = notes.isEmpty ? nil : notes
  }
}
