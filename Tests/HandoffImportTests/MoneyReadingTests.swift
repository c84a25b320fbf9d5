import Testing

@testable import HandoffImport

@Suite struct MoneyReadingTests {
  @Test(
    "amounts in the notations exports use, in minor units",
    arguments: [
      ("12000", 0x2E, 1_200_000), ("$12,000.00", 0x2E, 1_200_000), ("12.000,00 €", 0x2C, 1_200_000),
      ("12 000,50", 0x2C, 1_200_050), ("CHF 1'200.50", 0x2E, 120_050), ("USD 7", 0x2E, 700),
      ("12000.5", 0x2E, 1_200_050), ("1234.565", 0x2E, 123_457), ("0.994", 0x2E, 99),
      ("12,000", 0x2E, 1_200_000), ("12,000", 0x2C, 1_200), ("1.500 €", 0x2C, 150_000),
      ("12\u{00A0}000 €", 0x2C, 1_200_000), ("1,00,000", 0x2E, 10_000_000),
    ] as [(String, UInt8, Int64)])
  func amounts(text: String, decimal: UInt8, minor: Int64) {
    #expect(MoneyReading(text)?.minorUnits(decimal: decimal) == minor)
  }

  @Test(
    "text that is no amount",
    arguments: ["-5", "(100)", "twelve", "12k", "$", "1.2.3,4,5", "€12 $", "12-000"])
  func notAmounts(text: String) {
    let r = MoneyReading(text)
    #expect(r == nil || r?.minorUnits(decimal: 0x2E) == nil || r?.minorUnits(decimal: 0x2C) == nil)
  }

  @Test("what an amount says about the decimal mark")
  func evidence() {
    #expect(MoneyReading("12,000.00")?.evidence == .decimal(0x2E))
    #expect(MoneyReading("12.000,00")?.evidence == .decimal(0x2C))
    #expect(MoneyReading("1,000,000")?.evidence == .decimal(0x2E))
    #expect(MoneyReading("12,5")?.evidence == .decimal(0x2C))
    #expect(MoneyReading("12,000")?.evidence == .ambiguous(0x2C))
    #expect(MoneyReading("12000")?.evidence == MoneyReading.Evidence.none)
  }

  @Test("the file's decimal mark: from its amounts, else from its delimiter, said when it matters")
  func fileMark() throws {
    var e = NotationEvidence()
    e.add(MoneyReading("12,000")!, text: "12,000", line: 2)
    #expect(try e.decimalMark(semicolons: false).mark == 0x2E)
    #expect(try e.decimalMark(semicolons: false).note != nil)
    #expect(try e.decimalMark(semicolons: true).mark == 0x2C)
    e.add(MoneyReading("1,5")!, text: "1,5", line: 3)
    #expect(try e.decimalMark(semicolons: false) == (0x2C, nil))
    e.add(MoneyReading("1.5")!, text: "1.5", line: 4)
    #expect(throws: ImportError.self) { try e.decimalMark(semicolons: false) }
  }

  @Test("currency marks and whether they fit the team's currency")
  func currencies() {
    #expect(MoneyReading("$5")?.currency == .dollar)
    #expect(MoneyReading("5 €")?.currency == .code("EUR"))
    #expect(MoneyReading("EUR 5")?.currency == .code("EUR"))
    #expect(MoneyReading("5")?.currency == nil)
    #expect(CurrencyMark.dollar.fits("USD"))
    #expect(CurrencyMark.dollar.fits("CAD"))
    #expect(!CurrencyMark.dollar.fits("EUR"))
    #expect(!CurrencyMark.code("EUR").fits("USD"))
    #expect(CurrencyMark("zz") == nil)
  }
}
