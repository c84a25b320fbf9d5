import Foundation
import HandoffModel

/// Finds the member an owner column means: by `--map-owner`, then handle, e-mail or
/// display name (case, accents and spacing ignored).
package struct OwnerDirectory: Sendable {
  /// What an owner value resolved to.
  package enum Resolution: Sendable, Hashable {
    /// This member.
    case member(Member)
    /// Mapped to nobody (`--map-owner NAME=none`).
    case nobody
    /// No member fits.
    case unknown
    /// Several members fit (two with one display name).
    case ambiguous([String])
  }

  private var overrides: [String: String?] = [:]
  private var byHandle: [String: Member] = [:]
  private var byEmail: [String: Member] = [:]
  private var byName: [String: [Member]] = [:]

  /// A directory of `members`, with `emails` (handle → e-mail) for the ones that have one.
  package init(members: [Member], emails: [String: String] = [:]) {
    for member in members {
      byHandle[member.handle] = member
      if let email = emails[member.handle], !email.isEmpty {
        byEmail[OwnerDirectory.fold(email), default: member] = member
      }
      byName[OwnerDirectory.fold(member.name), default: []].append(member)
    }
  }

  /// Applies `--map-owner VALUE=HANDLE` (`none` for nobody); fails for a handle that is
  /// no member.
  package mutating func map(_ value: String, to handle: String) throws(ImportError) {
    if handle.lowercased() == "none" {
      overrides[OwnerDirectory.fold(value)] = .some(nil)
      return
    }
    guard byHandle[handle] != nil else {
      throw .badOption(
        option: "--map-owner", value: "\(value)=\(handle)",
        expected: "NAME_OR_EMAIL=HANDLE where HANDLE is on the team (or none)")
    }
    overrides[OwnerDirectory.fold(value)] = .some(handle)
  }

  /// The member `value` names.
  package func resolve(_ value: String) -> Resolution {
    let key = OwnerDirectory.fold(value)
    if let mapped = overrides[key] {
      guard let handle = mapped, let member = byHandle[handle] else { return .nobody }
      return .member(member)
    }
    if let member = byHandle[value.trimmingWhitespace] ?? byHandle[key] { return .member(member) }
    if let member = byEmail[key] { return .member(member) }
    if let members = byName[key] {
      if members.count == 1 { return .member(members[0]) }
      let active = members.filter(\.active)
      if active.count == 1 { return .member(active[0]) }
      return .ambiguous(members.map(\.handle).sorted())
    }
    return .unknown
  }

  /// A name or e-mail reduced for matching: case, accents and runs of spaces ignored.
  static func fold(_ text: String) -> String {
    let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    return folded.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }
}
