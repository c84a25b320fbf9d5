import Foundation

/// SASLprep (RFC 4013), the normalization SCRAM applies to a password, the way
/// PostgreSQL applies it: an ASCII password is used as it is; otherwise non-ASCII spaces
/// become spaces, invisible characters are dropped and the result is NFKC-normalized.
/// When the result would hold a prohibited or (in Unicode 3.2) unassigned character,
/// or breaks the bidirectional rule, PostgreSQL uses the password unchanged, and so do
/// we: client and server must derive the same key.
///
/// The bidirectional check knows right-to-left letters by their blocks (Hebrew,
/// Arabic, Syriac, Thaana, N'Ko and their presentation forms) rather than by the full
/// Unicode table; a password mixing those with other scripts in unusual ways is the
/// only case this could judge differently from the server.
package enum SASLPrep {
  /// The password to derive SCRAM's key from.
  package static func prepare(_ password: String) -> String {
    if password.utf8.allSatisfy({ $0 < 0x80 }) { return password }
    var mapped = String.UnicodeScalarView()
    for scalar in password.unicodeScalars {
      if isNonASCIISpace(scalar.value) {
        mapped.append(" ")
      } else if !isMappedToNothing(scalar.value) {
        mapped.append(scalar)
      }
    }
    let normalized = String(mapped).precomposedStringWithCompatibilityMapping
    let scalars = Array(normalized.unicodeScalars)
    guard !scalars.isEmpty, !scalars.contains(where: isProhibited) else { return password }
    let rightToLeft = scalars.map { isRightToLeft($0.value) }
    if rightToLeft.contains(true) {
      let hasLeftToRight = zip(scalars, rightToLeft).contains { scalar, isRTL in
        !isRTL && scalar.properties.isAlphabetic
      }
      if hasLeftToRight || !rightToLeft[0] || !rightToLeft[rightToLeft.count - 1] {
        return password
      }
    }
    return normalized
  }

  /// RFC 3454 table C.1.2.
  private static func isNonASCIISpace(_ value: UInt32) -> Bool {
    switch value {
    case 0x00A0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
    default: false
    }
  }

  /// RFC 3454 table B.1.
  private static func isMappedToNothing(_ value: UInt32) -> Bool {
    switch value {
    case 0x00AD, 0x034F, 0x1806, 0x180B...0x180D, 0x200B...0x200D, 0x2060, 0xFE00...0xFE0F,
      0xFEFF:
      true
    default: false
    }
  }

  /// RFC 4013 §2.3 (tables C.1.2 to C.9) and §2.5 (unassigned in Unicode 3.2).
  private static func isProhibited(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    switch value {
    case 0x0000...0x001F, 0x007F, 0x0080...0x009F: return true  // controls
    case 0x06DD, 0x070F, 0x180E, 0x200C, 0x200D, 0x2028, 0x2029, 0x2060...0x2063,
      0x206A...0x206F, 0xFEFF, 0xFFF9...0xFFFD, 0x1D173...0x1D17A:
      return true  // non-ASCII controls, inappropriate for plain text
    case 0xE000...0xF8FF, 0xF0000...0xFFFFD, 0x100000...0x10FFFD: return true  // private use
    case 0xFDD0...0xFDEF: return true  // non-characters
    case 0xD800...0xDFFF: return true  // surrogates
    case 0x2FF0...0x2FFB: return true  // ideographic description
    case 0x0340, 0x0341, 0x200E, 0x200F, 0x202A...0x202E: return true  // display changing
    case 0xE0001, 0xE0020...0xE007F: return true  // tagging
    default: break
    }
    if value & 0xFFFE == 0xFFFE { return true }  // the last two code points of every plane
    if isNonASCIISpace(value) { return true }
    guard let age = scalar.properties.age else { return true }
    return age.major > 3 || (age.major == 3 && age.minor > 2)
  }

  /// Whether a character is a right-to-left letter (bidirectional class R or AL), by
  /// block.
  private static func isRightToLeft(_ value: UInt32) -> Bool {
    switch value {
    case 0x05BE, 0x05C0, 0x05C3, 0x05D0...0x05F4, 0x0608, 0x060B, 0x060D, 0x061B...0x064A,
      0x066D...0x066F, 0x0671...0x06D5, 0x06E5, 0x06E6, 0x06EE, 0x06EF, 0x06FA...0x070D,
      0x0710, 0x0712...0x072F, 0x074D...0x07A5, 0x07B1, 0x07C0...0x07EA, 0x200F, 0xFB1D,
      0xFB1F...0xFB28, 0xFB2A...0xFD3D, 0xFD50...0xFDFC, 0xFE70...0xFEFC:
      true
    default: false
    }
  }
}
