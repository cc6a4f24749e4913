/// Date filters against an article's `published` string (ISO 8601, any precision).
///
/// Bounds are inclusive and compared at the precision both sides have: "2025-03" is on or
/// after "2025-03-15" and on or before it, since the month contains the day. Comparison is
/// textual, so date-times with different UTC offsets are compared as written.
package enum PublishedDate {
  /// Checks that `value` is `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or an ISO 8601 date-time
  /// (`YYYY-MM-DDThh[:mm[:ss[.fff]]][Z|±hh:mm]`) naming a real date and time, and returns it
  /// trimmed.
  package static func validated(_ value: String, field: String) throws(StoreError) -> String {
    let trimmed = value.trimmingSpaces
    if let problem = DateBound.problem(trimmed) {
      throw StoreError(operation: "query", reason: "invalid \(field) date '\(value)': \(problem)")
    }
    return trimmed
  }

  /// Whether `published` is on or after `bound`, at their common precision.
  package static func isOnOrAfter(_ published: String, _ bound: String) -> Bool {
    let (lhs, rhs) = commonPrefixes(published, bound)
    return !lhs.lexicographicallyPrecedes(rhs)
  }

  /// Whether `published` is on or before `bound`, at their common precision.
  package static func isOnOrBefore(_ published: String, _ bound: String) -> Bool {
    let (lhs, rhs) = commonPrefixes(published, bound)
    return !rhs.lexicographicallyPrecedes(lhs)
  }

  /// Both strings cut to the shorter one's length in Unicode scalars (as SQLite's `substr`),
  /// as UTF-8 bytes (as SQLite's BINARY collation compares).
  private static func commonPrefixes(_ a: String, _ b: String) -> ([UInt8], [UInt8]) {
    let length = min(a.unicodeScalars.count, b.unicodeScalars.count)
    func cut(_ s: String) -> [UInt8] {
      Array(String(String.UnicodeScalarView(s.unicodeScalars.prefix(length))).utf8)
    }
    return (cut(a), cut(b))
  }

  /// The SQL condition equivalent to ``isOnOrAfter(_:_:)`` for column `column` and parameter `parameter`.
  package static func sqlOnOrAfter(column: String, parameter: String) -> String {
    "substr(\(column), 1, min(length(\(column)), length(\(parameter)))) >= "
      + "substr(\(parameter), 1, min(length(\(column)), length(\(parameter))))"
  }

  package static func sqlOnOrBefore(column: String, parameter: String) -> String {
    "substr(\(column), 1, min(length(\(column)), length(\(parameter)))) <= "
      + "substr(\(parameter), 1, min(length(\(column)), length(\(parameter))))"
  }
}

/// Checks the dates users give as query bounds.
public enum DateBound {
  package static let expected =
    "expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss][Z|±hh:mm]"

  /// What is wrong with `value` as a date bound, or nil when it is a real date (and time).
  public static func problem(_ value: String) -> String? {
    let bytes = Array(value.utf8)
    func number(_ range: Range<Int>) -> Int? {
      guard range.upperBound <= bytes.count else { return nil }
      var result = 0
      for byte in bytes[range] {
        guard (0x30...0x39).contains(byte) else { return nil }
        result = result * 10 + Int(byte - 0x30)
      }
      return result
    }
    func isByte(_ index: Int, _ characters: String) -> Bool {
      index < bytes.count && characters.utf8.contains(bytes[index])
    }
    guard let year = number(0..<4) else { return expected }
    if bytes.count == 4 { return nil }
    guard isByte(4, "-"), let month = number(5..<7) else { return expected }
    guard (1...12).contains(month) else { return "month \(month) does not exist (01–12)" }
    if bytes.count == 7 { return nil }
    guard isByte(7, "-"), let day = number(8..<10) else { return expected }
    let days = daysIn(month: month, year: year)
    guard (1...days).contains(day) else {
      return day == 0
        ? "day 00 does not exist"
        : "\(monthNames[month - 1]) \(year) has no day \(day) (it has \(days))"
    }
    if bytes.count == 10 { return nil }
    guard isByte(10, "T "), let hour = number(11..<13) else { return expected }
    guard hour <= 23 else { return "hour \(hour) does not exist (00–23)" }
    var index = 13
    if isByte(index, ":") {
      guard let minute = number((index + 1)..<(index + 3)) else { return expected }
      guard minute <= 59 else { return "minute \(minute) does not exist (00–59)" }
      index += 3
      if isByte(index, ":") {
        guard let second = number((index + 1)..<(index + 3)) else { return expected }
        guard second <= 60 else { return "second \(second) does not exist (00–59)" }
        index += 3
        if isByte(index, ".,") {
          index += 1
          let start = index
          while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
          guard index > start else { return expected }
        }
      }
    }
    if index == bytes.count { return nil }
    if isByte(index, "Zz") && index + 1 == bytes.count { return nil }
    guard isByte(index, "+-"), let offsetHours = number((index + 1)..<(index + 3)) else {
      return expected
    }
    guard offsetHours <= 14 else { return "UTC offset of \(offsetHours) hours does not exist" }
    index += 3
    if index == bytes.count { return nil }
    if isByte(index, ":") { index += 1 }
    guard let offsetMinutes = number(index..<(index + 2)), index + 2 == bytes.count else {
      return expected
    }
    guard offsetMinutes <= 59 else { return "UTC offset minute \(offsetMinutes) does not exist" }
    return nil
  }

  package static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October",
    "November", "December",
  ]

  package static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }
}

extension String {
  /// Without leading and trailing spaces (U+0020).
  fileprivate var trimmingSpaces: String {
    String(
      decoding: Array(utf8.drop { $0 == 0x20 }.reversed().drop { $0 == 0x20 }.reversed()),
      as: UTF8.self)
  }
}
