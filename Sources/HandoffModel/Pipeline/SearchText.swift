import HandoffText

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The searchable text of every lead (id, name, company, email, owner or
/// "unassigned", source), ASCII-lowercased and packed into one byte buffer, so a filter keystroke
/// over all leads is one pass over contiguous bytes instead of five strings a lead.
///
/// Built on the first search; afterwards a lead whose searchable fields change gets its
/// text appended anew (the old bytes become garbage), and the buffer is rebuilt when
/// garbage passes half of it.
///
/// It remembers what the last needle found in each lead, until that lead's text
/// changes: a dashboard with a filter set asks again after every event it folds (a
/// note, a move) and then looks only at the leads whose text changed, not at all of them.
struct SearchText {
  private var bytes: [UInt8] = []
  /// Per slot: where its text starts in `bytes`, and how long it is.
  private var start: [Int32] = []
  private var length: [Int32] = []
  private var garbage = 0
  private(set) var isBuilt = false
  /// The needle `found` is about.
  private var remembered: [UInt8] = []
  /// Per slot, what `remembered` found: 0 not looked at (or the text changed since),
  /// 1 absent, 2 present.
  private var found: [UInt8] = []

  /// Builds the text of every lead.
  mutating func build(_ leads: [Lead]) {
    bytes.removeAll(keepingCapacity: true)
    bytes.reserveCapacity(leads.count * 64)
    start = []
    length = []
    start.reserveCapacity(leads.count)
    length.reserveCapacity(leads.count)
    // Through the buffer: a lead is read in place, not copied (a copy retains and
    // releases each of its strings).
    leads.withUnsafeBufferPointer { leads in
      for slot in leads.indices { append(leads[slot]) }
    }
    garbage = 0
    isBuilt = true
    remembered = []
    found = []
  }

  /// Records a lead's new or changed text (a no-op until the first search builds it).
  mutating func update(slot: Int, _ lead: Lead) {
    guard isBuilt else { return }
    if slot < found.count { found[slot] = 0 }
    if slot < start.count {
      garbage += Int(length[slot])
      let (s, n) = write(lead)
      start[slot] = s
      length[slot] = n
      if garbage > bytes.count / 2 { isBuilt = false }
    } else {
      append(lead)
    }
  }

  /// The entries' slots, in order, that `keep` lets through and whose text holds
  /// `needle` (lowercase ASCII), remembering what it found for the next call with the
  /// same needle.
  mutating func slots(
    _ entries: [SortedLeadIndex.Entry], holding needle: [UInt8], keep: (Int) -> Bool
  ) -> [Int32] {
    if needle != remembered {
      remembered = needle
      found = []
    }
    if found.count < start.count { found += repeatElement(0, count: start.count - found.count) }
    var kept: [Int32] = []
    needle.withUnsafeBufferPointer { needle in
      for entry in entries {
        let slot = Int(entry.slot)
        guard keep(slot) else { continue }
        var known = found[slot]
        if known == 0 {
          known = contains(slot: slot, needle) ? 2 : 1
          found[slot] = known
        }
        if known == 2 { kept.append(entry.slot) }
      }
    }
    return kept
  }

  /// Whether the slot's text holds `needle` (lowercase ASCII).
  func contains(slot: Int, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = needle.count
    guard n > 0 else { return true }
    let from = Int(start[slot])
    let count = Int(length[slot])
    guard count >= n else { return false }
    return bytes.withUnsafeBufferPointer { all in
      // memchr finds candidates for the first byte (vectorised); memcmp checks the rest.
      let base = all.baseAddress!
      let first = Int32(needle[0])
      var at = base + from
      let end = base + from + count - n + 1
      while at < end, let hit = memchr(at, first, end - at) {
        let candidate = hit.assumingMemoryBound(to: UInt8.self)
        if n == 1 || memcmp(candidate + 1, needle.baseAddress! + 1, n - 1) == 0 { return true }
        at = UnsafePointer(candidate) + 1
      }
      return false
    }
  }

  private mutating func append(_ lead: Lead) {
    let (s, n) = write(lead)
    start.append(s)
    length.append(n)
  }

  /// Appends the lead's fields, separated by NUL so no match spans two fields.
  private mutating func write(_ lead: Lead) -> (Int32, Int32) {
    let from = bytes.count
    bytes.appendDecimal(Int64(lead.id))
    bytes.append(0)
    appendField(lead.name)
    appendField(lead.company)
    appendField(lead.email)
    appendField(lead.owner ?? "unassigned")
    appendField(lead.source)
    return (Int32(from), Int32(bytes.count - from))
  }

  /// Appends a field ASCII-lowercased, and its NUL.
  private mutating func appendField(_ field: String) {
    for byte in field.utf8 { bytes.append(byte &- 0x41 < 26 ? byte | 0x20 : byte) }
    bytes.append(0)
  }
}
