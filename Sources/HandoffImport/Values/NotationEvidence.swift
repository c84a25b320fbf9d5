/// What a whole file's dates and amounts say about its notation, gathered row by row,
/// and the notation decided from it: day or month first, decimal comma or point.
package struct NotationEvidence: Sendable {
  /// A value that settles a question, and where it is.
  package struct Witness: Sendable, Hashable {
    package var line: Int
    package var text: String
  }

  /// The first date only day-first order can read (`13/02/2024`).
  package private(set) var dayFirst: Witness?
  /// The first date only month-first order can read (`02/13/2024`).
  package private(set) var monthFirst: Witness?
  /// How many numeric dates either order reads.
  package private(set) var ambiguousDates = 0
  /// Whether a numeric date used dots (`05.03.2024`: always day first).
  package private(set) var dottedDates = false
  /// The first amount with a decimal comma, and with a decimal point.
  package private(set) var decimalComma: Witness?
  package private(set) var decimalPoint: Witness?
  /// How many amounts read differently with a comma or a point (`12,000`).
  package private(set) var ambiguousAmounts = 0
  /// How many dates carry no offset from UTC (placed in the team's zone).
  package private(set) var localDates = 0

  /// No evidence yet.
  package init() {}

  /// Notes what a date says.
  package mutating func add(_ date: DateReading, text: String, line: Int) {
    if case .instant = date {} else { localDates += 1 }
    guard let orders = date.possibleOrders else { return }
    if text.contains(".") { dottedDates = true }
    switch (orders.contains(.dayFirst), orders.contains(.monthFirst)) {
    case (true, true): ambiguousDates += 1
    case (true, false): if dayFirst == nil { dayFirst = Witness(line: line, text: text) }
    case (false, true): if monthFirst == nil { monthFirst = Witness(line: line, text: text) }
    case (false, false): break
    }
  }

  /// Notes what an amount says.
  package mutating func add(_ amount: MoneyReading, text: String, line: Int) {
    switch amount.evidence {
    case .none: break
    case .ambiguous: ambiguousAmounts += 1
    case .decimal(0x2C): if decimalComma == nil { decimalComma = Witness(line: line, text: text) }
    case .decimal: if decimalPoint == nil { decimalPoint = Witness(line: line, text: text) }
    }
  }

  /// The day/month order for the file's numeric dates, and a sentence for the report
  /// when the choice was not forced by the dates themselves. `forced` (`--date-order`)
  /// wins; without it, dates that contradict each other fail the import.
  package func dateOrder(forced: DateReading.Order?, semicolons: Bool) throws(ImportError)
    -> (order: DateReading.Order, note: String?)
  {
    if let forced {
      return (forced, "dates read as \(forced.phrase) (--date-order)")
    }
    switch (dayFirst, monthFirst) {
    case (let d?, let m?):
      throw .conflictingDates(
        "the dates disagree: line \(d.line) has '\(d.text)' (day first) and line \(m.line) has '\(m.text)' (month first); fix the file or pass --date-order dmy|mdy"
      )
    case (let d?, nil):
      return (.dayFirst, "dates read as day/month/year (line \(d.line) has '\(d.text)')")
    case (nil, let m?):
      return (.monthFirst, "dates read as month/day/year (line \(m.line) has '\(m.text)')")
    case (nil, nil):
      guard ambiguousDates > 0 else { return (.monthFirst, nil) }
      let order: DateReading.Order = dottedDates || semicolons ? .dayFirst : .monthFirst
      let why =
        dottedDates ? "they use dots" : semicolons ? "the file uses semicolons" : "the US default"
      let other: DateReading.Order = order == .dayFirst ? .monthFirst : .dayFirst
      return (
        order,
        "dates read as \(order.phrase) (\(why); no date here has a day above 12 — pass --date-order \(other.rawValue) if they are \(other.phrase))"
      )
    }
  }

  /// The decimal mark of the file's amounts (`,` or `.`), and a sentence for the report
  /// when amounts like `12,000` could be read either way.
  package func decimalMark(semicolons: Bool) throws(ImportError) -> (mark: UInt8, note: String?) {
    switch (decimalComma, decimalPoint) {
    case (let c?, let p?):
      throw .conflictingMoney(
        "the amounts disagree: line \(c.line) has '\(c.text)' (decimal comma) and line \(p.line) has '\(p.text)' (decimal point)"
      )
    case (_?, nil):
      return (0x2C, nil)
    case (nil, _?):
      return (0x2E, nil)
    case (nil, nil):
      let mark: UInt8 = semicolons ? 0x2C : 0x2E
      guard ambiguousAmounts > 0 else { return (mark, nil) }
      let example = semicolons ? "'12.000' as 12000" : "'12,000' as 12000"
      return (
        mark,
        "amounts read with a decimal \(semicolons ? "comma" : "point") (\(example); nothing in the file says otherwise)"
      )
    }
  }
}
