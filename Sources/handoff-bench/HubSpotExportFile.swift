import HandoffDemo

/// A HubSpot contacts export as HubSpot writes it (a UTF-8 byte-order mark, CRLF, the
/// columns of its default contacts view plus a few a team adds), generated from a seed so
/// every run imports the same file: every row a valid lead with a distinct e-mail, owners
/// named by e-mail or by display name, stages and statuses from HubSpot's defaults.
struct HubSpotExportFile {
  /// The team the owners column names: handle, display name, department, e-mail.
  static let team: [(handle: String, name: String, department: String, email: String)] = [
    ("maria", "María García", "marketing", "maria@handoff.example"),
    ("liam", "Liam Chen", "marketing", "liam@handoff.example"),
    ("ines", "Inès Moreau", "marketing", "ines@handoff.example"),
    ("tom", "Tom Baker", "marketing", "tom@handoff.example"),
    ("sam", "Sam Okafor", "sales", "sam@handoff.example"),
    ("olivia", "Olivia Novak", "sales", "olivia@handoff.example"),
    ("raj", "Raj Patel", "sales", "raj@handoff.example"),
    ("zoe", "Zoë Schmidt", "sales", "zoe@handoff.example"),
  ]

  static let header = [
    "Record ID", "First Name", "Last Name", "Email", "Phone Number", "Job Title",
    "Company Name", "Lifecycle Stage", "Lead Status", "Contact owner", "Create Date",
    "Last Activity Date", "Original Source", "HubSpot Score", "City", "Country/Region",
  ]

  private static let firstNames = [
    "Ada", "Ben", "Carla", "Dmitri", "Elif", "Farah", "Gus", "Hana", "Ivan", "Jun", "Kofi",
    "Lena", "Marta", "Nils", "Olga", "Pedro", "Quinn", "Rosa", "Sven", "Tariq", "Uma",
    "Vera", "Wen", "Xavier", "Yara", "Zeke", "José", "Chloé", "Søren", "Ángel",
  ]
  private static let lastNames = [
    "Andersen", "Brooks", "Costa", "Dubois", "Evans", "Fischer", "García", "Hughes", "Ito",
    "Jensen", "Kowalski", "Lopez", "Müller", "Nakamura", "O'Brien", "Petrov", "Quist",
    "Rossi", "Silva", "Tanaka", "Urban", "Vogel", "Weber", "Xu", "Young", "Zimmer",
  ]
  private static let companies = [
    "Acme Labs", "Brooks, Inc.", "Costa \"Big\" Foods", "Dubois & Fils", "Evergreen Ltd",
    "Fjord Systems", "Globex", "Helios GmbH", "Initech", "Jupiter Mining", "Kite Analytics",
    "Lumen AG", "Monarch Health", "Northwind Traders", "Orbit Media", "Pinecone SA",
  ]
  private static let titles = [
    "Head of Marketing", "CTO", "Operations Manager", "VP Sales", "Founder", "Analyst", "",
  ]
  private static let cities = [
    ("Berlin", "Germany"), ("Lisbon", "Portugal"), ("Austin", "United States"),
    ("Toronto", "Canada"), ("Osaka", "Japan"), ("Lyon", "France"), ("", ""),
  ]
  private static let sources = [
    "Organic Search", "Paid Search", "Email Marketing", "Organic Social", "Referrals",
    "Other Campaigns", "Direct Traffic", "Offline Sources", "Paid Social",
  ]

  /// The file's bytes: `rows` contacts after the header.
  static func bytes(rows: Int, seed: UInt64) -> [UInt8] {
    var random = SeededGenerator(seed: seed)
    func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
    func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }
    let marketing = team.filter { $0.department == "marketing" }
    let sales = team.filter { $0.department == "sales" }
    var out: [UInt8] = [0xEF, 0xBB, 0xBF]
    out.reserveCapacity(rows * 220)
    func row(_ cells: [String]) {
      for (i, cell) in cells.enumerated() {
        if i > 0 { out.append(0x2C) }
        if cell.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A }) {
          out.append(0x22)
          for b in cell.utf8 {
            if b == 0x22 { out.append(0x22) }
            out.append(b)
          }
          out.append(0x22)
        } else {
          out.append(contentsOf: cell.utf8)
        }
      }
      out.append(contentsOf: [0x0D, 0x0A])
    }
    row(header)
    // Spread over the 22 months before 2026-11: 2025-01-01 00:00 UTC plus minutes.
    let months = 22 * 30 * 24 * 60
    for n in 0..<rows {
      let first = pick(firstNames)
      let last = pick(lastNames)
      let company = pick(companies)
      let (lifecycle, status, department): (String, String, String)
      switch random.next() % 100 {
      case 0..<30:
        (lifecycle, status, department) = (
          "Lead", pick(["New", "Open", "Attempted to Contact"]), "marketing"
        )
      case 30..<40: (lifecycle, status, department) = ("Subscriber", "", "marketing")
      case 40..<55:
        (lifecycle, status, department) = (
          "Marketing Qualified Lead", pick(["Open", "In Progress", "Connected"]), "marketing"
        )
      case 55..<63: (lifecycle, status, department) = ("Lead", "Bad Timing", "marketing")
      case 63..<70: (lifecycle, status, department) = ("Lead", "Unqualified", "marketing")
      case 70..<85:
        (lifecycle, status, department) = (
          "Sales Qualified Lead", pick(["In Progress", "Open Deal"]), "sales"
        )
      case 85..<93: (lifecycle, status, department) = ("Opportunity", "Open Deal", "sales")
      default: (lifecycle, status, department) = ("Customer", "", "sales")
      }
      // Sales stages always have a rep; a few new leads have nobody yet.
      var owner = ""
      if department == "sales" || !chance(10) {
        let member = department == "sales" ? pick(sales) : pick(marketing)
        owner = chance(70) ? member.email : member.name
      }
      let created = Int(random.next() % UInt64(months))
      let activity = created + Int(random.next() % UInt64(60 * 24 * 40))
      let (city, country) = pick(cities)
      let domain = company.lowercased().filter { $0.isLetter }.prefix(12)
      let local = "\(first).\(last)".lowercased().filter { $0.isLetter || $0 == "." }
      row([
        String(1_000_000 + n), first, last,
        chance(3)
          ? local.uppercased() + "\(n)@\(domain).example" : "\(local)\(n)@\(domain).example",
        chance(60) ? "+1 555 \(String(1000 + random.next() % 9000))" : "", pick(titles), company,
        lifecycle, status, owner, minutes(created),
        chance(80) ? minutes(min(activity, months)) : "",
        pick(sources), String(random.next() % 101), city, country,
      ])
    }
    return out
  }

  /// `2025-01-01 00:00` plus `offset` minutes, as HubSpot exports date-times.
  private static func minutes(_ offset: Int) -> String {
    var days = offset / (24 * 60)
    let hour = offset / 60 % 24
    let minute = offset % 60
    var year = 2025
    while true {
      let length = year % 4 == 0 ? 366 : 365
      if days < length { break }
      days -= length
      year += 1
    }
    let lengths = [31, year % 4 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    var month = 0
    while days >= lengths[month] {
      days -= lengths[month]
      month += 1
    }
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(year)-\(two(month + 1))-\(two(days + 1)) \(two(hour)):\(two(minute))"
  }
}
