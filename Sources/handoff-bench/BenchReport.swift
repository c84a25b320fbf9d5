import Foundation

/// One measured figure, with its budget when it has one.
struct Figure {
  var name: String
  var value: Double
  var unit: String
  /// The most the figure may be (all budgets are upper bounds).
  var budget: Double?
  var note: String?

  var passed: Bool? { budget.map { value <= $0 } }
}

/// The figures for one size.
struct SizeReport {
  var leads: Int
  var events = 0
  /// What the figures are of, when not the file log ("PostgreSQL 15, local server").
  var title: String?
  var figures: [Figure] = []

  mutating func add(
    _ name: String, _ value: Double, _ unit: String, budget: Double? = nil, note: String? = nil
  ) {
    figures.append(Figure(name: name, value: value, unit: unit, budget: budget, note: note))
  }
}

/// Everything measured in one run, as a table and as JSON.
struct BenchReport {
  var machine: String
  var sizes: [SizeReport] = []

  var allPassed: Bool { sizes.allSatisfy { $0.figures.allSatisfy { $0.passed ?? true } } }

  func table() -> String {
    var lines = ["machine: \(machine)"]
    for size in sizes {
      lines.append("")
      lines.append(
        (size.title.map { $0 + ": " } ?? "") + "\(size.leads) leads, \(size.events) events")
      lines.append(
        pad("figure", 40) + pad("value", 16, right: true) + "  " + pad("budget", 14) + "result")
      for f in size.figures {
        let budget = f.budget.map { "≤ " + format($0) + " " + f.unit } ?? ""
        let result = f.passed.map { $0 ? "pass" : "MISS" } ?? ""
        lines.append(
          pad(f.name, 40) + pad(format(f.value) + " " + f.unit, 16, right: true) + "  "
            + pad(budget, 14) + result + (f.note.map { "  (\($0))" } ?? ""))
      }
    }
    return lines.joined(separator: "\n")
  }

  func json() -> String {
    var sizesJSON: [String] = []
    for size in sizes {
      let figures = size.figures.map { f in
        var fields = [
          "\"name\":\(quote(f.name))", "\"value\":\(f.value)", "\"unit\":\(quote(f.unit))",
        ]
        if let b = f.budget { fields.append("\"budget\":\(b)") }
        if let p = f.passed { fields.append("\"passed\":\(p)") }
        if let n = f.note { fields.append("\"note\":\(quote(n))") }
        return "{" + fields.joined(separator: ",") + "}"
      }
      sizesJSON.append(
        "{" + (size.title.map { "\"title\":\(quote($0))," } ?? "")
          + "\"leads\":\(size.leads),\"events\":\(size.events),\"figures\":[\(figures.joined(separator: ","))]}"
      )
    }
    return "{\"machine\":\(quote(machine)),\"sizes\":[\(sizesJSON.joined(separator: ","))]}\n"
  }

  private func quote(_ s: String) -> String {
    "\""
      + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
      + "\""
  }

  private func format(_ value: Double) -> String {
    if value >= 100_000 { return String(format: "%.0f", value) }
    if value >= 100 { return String(format: "%.0f", value) }
    if value >= 10 { return String(format: "%.1f", value) }
    return String(format: "%.2f", value)
  }

  private func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
    let n = s.count
    guard n < width else { return s }
    let fill = String(repeating: " ", count: width - n)
    return right ? fill + s : s + fill
  }
}
