/// A case-insensitive search over a lead's id, name, company, email, owner
/// ("unassigned" when none) and source: the dashboard's `/` filter and `list --search`.
///
/// It runs over every lead of a list on each keystroke, so an ASCII query (the common
/// case) compares UTF-8 bytes folding ASCII case, without allocating; any other query
/// compares lowercased text.
package struct LeadSearch: Sendable {
  private let text: String
  private let ascii: [UInt8]?

  /// A search for `query` (case does not matter).
  package init(_ query: String) {
    text = query.lowercased()
    let bytes = Array(text.utf8)
    ascii = bytes.allSatisfy { $0 < 0x80 } ? bytes : nil
  }

  /// The query as lowercase ASCII bytes, when it is ASCII (the pipeline's packed
  /// search text answers those).
  var asciiNeedle: [UInt8]? { ascii }

  /// Whether the search matches everything.
  package var isEmpty: Bool { text.isEmpty }

  /// Whether the lead matches.
  package func matches(_ lead: Lead) -> Bool {
    withUnsafePointer(to: lead) { matches($0) }
  }

  /// Whether the lead at `lead` matches, reading only the fields it compares.
  func matches(_ lead: UnsafePointer<Lead>) -> Bool {
    let lead = UnsafeLeadFields(lead)
    guard let ascii else {
      return [lead.name, lead.company, lead.email, lead.owner ?? "unassigned", lead.source]
        .contains { $0.lowercased().contains(text) }
    }
    return ascii.withUnsafeBufferPointer { needle in
      LeadSearch.contains(String(lead.id), needle)
        || LeadSearch.contains(lead.name, needle) || LeadSearch.contains(lead.company, needle)
        || LeadSearch.contains(lead.email, needle)
        || LeadSearch.contains(lead.owner ?? "unassigned", needle)
        || LeadSearch.contains(lead.source, needle)
    }
  }

  /// Whether `text` holds the lowercase ASCII `needle`, ignoring ASCII case.
  private static func contains(_ text: String, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
    var text = text
    return text.withUTF8 { haystack in
      let n = needle.count
      guard n > 0 else { return true }
      guard haystack.count >= n else { return false }
      let first = needle[0]
      var i = 0
      let last = haystack.count - n
      while i <= last {
        if lower(haystack[i]) == first {
          var j = 1
          while j < n, lower(haystack[i + j]) == needle[j] { j += 1 }
          if j == n { return true }
        }
        i += 1
      }
      return false
    }
  }

  @inline(__always)
  private static func lower(_ byte: UInt8) -> UInt8 {
    byte &- 0x41 < 26 ? byte | 0x20 : byte
  }
}

/// The searched fields of a lead, read through a pointer one at a time.
private struct UnsafeLeadFields {
  let pointer: UnsafePointer<Lead>
  init(_ pointer: UnsafePointer<Lead>) { self.pointer = pointer }
  var id: Int { pointer.pointee.id }
  var name: String { pointer.pointee.name }
  var company: String { pointer.pointee.company }
  var email: String { pointer.pointee.email }
  var owner: String? { pointer.pointee.owner }
  var source: String { pointer.pointee.source }
}
