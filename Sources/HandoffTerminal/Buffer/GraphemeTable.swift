import Foundation

/// The grapheme clusters of more than one scalar that cells have shown (an emoji
/// sequence, a letter with a combining mark), each kept once and numbered, so that a
/// `Cell` stays a plain value and two cells compare by number.
///
/// Shared by every buffer of the process (cells are compared across frames) and
/// never shrinks; past `capacity` distinct clusters a new one is shown as U+FFFD, so
/// hostile text cannot grow it without bound.
final class GraphemeTable: @unchecked Sendable {
  static let shared = GraphemeTable()
  /// The most distinct clusters kept.
  static let capacity = 1 << 16

  private let lock = NSLock()
  private var texts: [String] = []
  private var numbers: [String: UInt32] = [:]

  /// The content of a cell showing `text` (several scalars): its number with the
  /// cluster flag, or U+FFFD once the table is full.
  func number(of text: String) -> UInt32 {
    lock.lock()
    defer { lock.unlock() }
    if let known = numbers[text] { return known }
    guard texts.count < GraphemeTable.capacity else { return 0xFFFD }
    let number = UInt32(texts.count) | Cell.clusterFlag
    texts.append(text)
    numbers[text] = number
    return number
  }

  /// The cluster a content number stands for.
  func text(_ content: UInt32) -> String {
    lock.lock()
    defer { lock.unlock() }
    let index = Int(content & ~Cell.clusterFlag)
    return index < texts.count ? texts[index] : "\u{FFFD}"
  }
}
