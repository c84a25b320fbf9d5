#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The xterm palette and nearest-colour matching in the OKLab perceptual space,
/// used to show RGB colours on 256- and 16-colour terminals.
public enum ColorPalette {
  /// The RGB value of a 256-palette entry, with xterm's defaults for 0–15.
  public static func rgb(ofIndex index: UInt8) -> (UInt8, UInt8, UInt8) {
    switch index {
    case 0..<16: return ansi16[Int(index)]
    case 16..<232:
      let value = Int(index) - 16
      return (cubeLevels[value / 36], cubeLevels[(value / 6) % 6], cubeLevels[value % 6])
    default:
      let level = UInt8(8 + 10 * (Int(index) - 232))
      return (level, level, level)
    }
  }

  /// The palette entry 16–255 whose xterm default is exactly this RGB colour, if one
  /// is (the 6×6×6 cube first, then the grey ramp). Entries 0–15 are left out because
  /// users redefine them; 16–255 are the same on every xterm-compatible terminal.
  public static func exactIndex(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8? {
    if let red = cubeStep(r), let green = cubeStep(g), let blue = cubeStep(b) {
      return 16 + 36 * red + 6 * green + blue
    }
    guard r == g, g == b, r >= 8, r <= 238, (r - 8) % 10 == 0 else { return nil }
    return 232 + (r - 8) / 10
  }

  /// The cube's step (0–5) for a channel exactly on one of its levels.
  private static func cubeStep(_ value: UInt8) -> UInt8? {
    if value == 0 { return 0 }
    guard value >= 95, (value - 95) % 40 == 0 else { return nil }
    return 1 + (value - 95) / 40
  }

  /// The palette entry 16–255 nearest to an RGB colour. Entries 0–15 are left out
  /// because users redefine them.
  public static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
    UInt8(16 + nearest(OKLab(r, g, b), in: labs256))
  }

  /// The ANSI colour 0–15 nearest to an RGB colour.
  public static func nearest16(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
    UInt8(nearest(OKLab(r, g, b), in: labs16))
  }

  private static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

  private static let ansi16: [(UInt8, UInt8, UInt8)] = [
    (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
    (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
    (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
    (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
  ]

  private static let labs16: [OKLab] = ansi16.map { OKLab($0.0, $0.1, $0.2) }
  private static let labs256: [OKLab] = (16...255).map { index in
    let (r, g, b) = rgb(ofIndex: UInt8(index))
    return OKLab(r, g, b)
  }

  private static func nearest(_ target: OKLab, in table: [OKLab]) -> Int {
    var best = 0
    var bestDistance = Double.infinity
    for (index, candidate) in table.enumerated() {
      let distance = target.distanceSquared(to: candidate)
      if distance < bestDistance {
        bestDistance = distance
        best = index
      }
    }
    return best
  }
}

/// A colour in Björn Ottosson's OKLab space, where distance tracks perceived difference.
struct OKLab {
  var l: Double
  var a: Double
  var b: Double

  init(_ red: UInt8, _ green: UInt8, _ blue: UInt8) {
    func linear(_ channel: UInt8) -> Double {
      let value = Double(channel) / 255
      return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
    }
    let r = linear(red)
    let g = linear(green)
    let bl = linear(blue)
    let lCone = cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * bl)
    let mCone = cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * bl)
    let sCone = cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * bl)
    l = 0.2104542553 * lCone + 0.7936177850 * mCone - 0.0040720468 * sCone
    a = 1.9779984951 * lCone - 2.4285922050 * mCone + 0.4505937099 * sCone
    b = 0.0259040371 * lCone + 0.7827717662 * mCone - 0.8086757660 * sCone
  }

  func distanceSquared(to other: OKLab) -> Double {
    let dl = l - other.l
    let da = a - other.a
    let db = b - other.b
    return dl * dl + da * da + db * db
  }
}
