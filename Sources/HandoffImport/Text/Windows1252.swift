/// The Windows-1252 code page: Latin-1 with printable characters (€, curly quotes,
/// dashes, Š…) where Latin-1 has C1 controls.
enum Windows1252 {
  /// What bytes 0x80–0x9F stand for. The five bytes the code page leaves undefined map
  /// to the C1 control of the same number, as Windows itself does, so validation
  /// refuses them rather than guessing.
  static let high: [UInt32] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
  ]

  /// The bytes, read as Windows-1252, written as UTF-8.
  static func utf8(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + bytes.count / 16)
    for byte in bytes {
      switch byte {
      case 0..<0x80: out.append(byte)
      case 0x80..<0xA0: UTF8Bytes.append(high[Int(byte - 0x80)], to: &out)
      default: UTF8Bytes.append(UInt32(byte), to: &out)
      }
    }
    return out
  }
}
