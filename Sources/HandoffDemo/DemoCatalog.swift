import HandoffModel

/// The words the demo data is made of: people, companies, sources, reasons, notes.
enum DemoCatalog {
  /// The marketing half of the demo team: handle and display name.
  static let marketing: [(handle: String, name: String)] = [
    ("maria", "Maria García"), ("liam", "Liam O'Connor"), ("priya", "Priya Nair"),
    ("noah", "Noah Fischer"), ("emma", "Emma Laurent"), ("lucas", "Lucas Silva"),
    ("sofia", "Sofia Rossi"), ("mateo", "Mateo Díaz"),
  ]

  /// The sales half; the first is the manager who routes the queue.
  static let sales: [(handle: String, name: String)] = [
    ("olivia", "Olivia Chen"), ("sam", "Sam Okafor"), ("james", "James Walker"),
    ("aisha", "Aisha Khan"), ("kenji", "Kenji Sato"), ("elena", "Elena Petrova"),
    ("david", "David Cohen"), ("fatima", "Fatima Haddad"),
  ]

  /// Lead sources with their share of inflow and typical score range.
  static let sources: [(name: String, weight: Double, score: ClosedRange<Int>)] = [
    ("webinar", 14, 35...75), ("seo", 20, 20...60), ("ads", 18, 10...50),
    ("social", 10, 10...45), ("referral", 8, 55...95), ("event", 9, 30...70),
    ("content", 13, 20...55), ("outbound", 8, 25...65),
  ]

  /// Segments with their share and value range in major units.
  static let segments: [(name: String, weight: Double, value: ClosedRange<Int>)] = [
    ("smb", 55, 2_000...15_000), ("mid-market", 32, 15_000...60_000),
    ("enterprise", 13, 60_000...400_000),
  ]

  static let firstNames = [
    "Ada", "Ben", "Carla", "Dmitri", "Eva", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Kara",
    "Leo", "Mina", "Nils", "Olga", "Pablo", "Quinn", "Rosa", "Stefan", "Tara", "Umar", "Vera",
    "Wen", "Ximena", "Yusuf", "Zoe", "Anders", "Bianca", "Chidi", "Dana", "Emil", "Freya",
    "Gus", "Hanna", "Ivan", "Julia", "Kofi", "Lena", "Marco", "Nora",
  ]

  static let lastNames = [
    "Andersen", "Brooks", "Costa", "Dubois", "Eriksen", "Fontaine", "Gupta", "Hoffmann",
    "Ivanova", "Jensen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Oliveira", "Park",
    "Quist", "Reyes", "Schmidt", "Tanaka", "Ueda", "Varga", "Weber", "Xu", "Yilmaz", "Zimmer",
    "Baker", "Mensah", "Novak", "Haas",
  ]

  static let companyStems = [
    "Acme", "Northwind", "Bluefin", "Copperleaf", "Driftwood", "Evergreen", "Foxglove",
    "Granite", "Harbor", "Ironbark", "Juniper", "Kestrel", "Lumen", "Maple", "Nimbus", "Orchid",
    "Pinecrest", "Quarry", "Redwood", "Summit", "Tidal", "Umber", "Vantage", "Willow", "Yarrow",
    "Zephyr", "Atlas", "Beacon", "Cobalt", "Delta",
  ]

  static let companySuffixes = [
    "Labs", "Logistics", "Health", "Foods", "Systems", "Retail", "Analytics", "Energy",
    "Studios", "Partners", "Robotics", "Travel", "Finance", "Clinics", "Media",
  ]

  static let rejectReasons = [
    "no budget this year", "wrong contact", "too small", "duplicate of an open deal",
    "not ready to buy", "outside our territory",
  ]

  static let recycleReasons = ["went quiet", "timing: next quarter", "no decision maker"]

  static let lossReasons = [
    "price", "chose a competitor", "no decision", "timing", "missing feature",
    "budget cut",
  ]

  static let disqualifyReasons = ["student", "competitor", "spam", "no company", "job seeker"]

  static let churnReasons = ["switched to a competitor", "company acquired", "budget cut"]

  static let salesNotes = [
    "Intro call booked for Tuesday", "Sent the pricing sheet", "Asked for a security review",
    "Champion is the VP of operations", "Needs approval from finance",
    "Wants a pilot for one team first", "Demo went well, follow up next week",
    "Procurement wants annual billing",
  ]

  static let customerNotes = [
    "Quarterly check-in done, happy so far", "Asked about the new reporting module",
    "Renewal conversation next month", "Onboarding their second team",
  ]

  static let marketingNotes = [
    "Downloaded the buyer's guide", "Opened the last three newsletters",
    "Attended the product webinar", "Visited the pricing page twice",
  ]

  static let reassignNotes = [
    "covering while on leave", "better fit for this territory", "balancing the load",
  ]

  // Derived once, so that making a lead does no case mapping or weight lists.
  static let sourceWeights = sources.map(\.weight)
  static let segmentWeights = segments.map(\.weight)
  static let lowerFirstNames = firstNames.map { $0.lowercased() }
  static let lowerLastNames = lastNames.map { $0.lowercased() }
  static let lowerStems = companyStems.map { $0.lowercased() }
  static let lowerSuffixes = companySuffixes.map { $0.lowercased() }
}
