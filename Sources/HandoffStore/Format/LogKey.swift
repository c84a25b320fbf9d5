/// Every key the log format uses (documented in docs/FORMAT.md).
enum LogKey: String, CaseIterable, Sendable {
  case seq, at, actor, type
  case lead, id, v
  case name, company, email, source, segment, score, value, stage, owner
  case created
  case stageAt = "stage_at"
  case activityAt = "activity_at"
  case followup, reason
  case recycled, by
  case handedOffBy = "handed_off_by"
  case unseen
  case changedBy = "changed_by"
  case change
  case notes, snapshot, from, to, next, note, auto, text
  case undoes
  case undoneType = "undone_type"
  case undoneAt = "undone_at"
  case removesNote = "removes_note"
  case restore
  case handle, dept, capacity, away, active, joined
  case lastAssigned = "last_assigned"
  case role
  case takenFrom = "taken_from"
  case metric, period, scope, key

  /// The key whose name is `bytes`, or nil for a key this version does not know.
  init?(_ bytes: UnsafeBufferPointer<UInt8>) {
    let hash = LogKey.hash(bytes)
    guard let candidate = LogKey.byHash[hash], candidate.rawValue.utf8.elementsEqual(bytes) else {
      return nil
    }
    self = candidate
  }

  private static let byHash: [UInt64: LogKey] = {
    var table: [UInt64: LogKey] = [:]
    for key in LogKey.allCases {
      let bytes = Array(key.rawValue.utf8)
      let hash = bytes.withUnsafeBufferPointer { LogKey.hash($0) }
      precondition(table[hash] == nil, "two log keys share a hash")
      table[hash] = key
    }
    return table
  }()

  /// FNV-1a over the key's bytes.
  private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash &*= 0x100_0000_01b3
    }
    return hash
  }
}
