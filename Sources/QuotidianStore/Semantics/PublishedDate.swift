/// Date filters against an article's `published` string (ISO 8601, any precision).
///
/// Bounds are inclusive and compared at the precision both sides have: "2025-03" is on or
/// after "2025-03-15" and on or before it, since the month contains the day. Comparison is
/// textual, so date-times with different UTC offsets are compared as written.
enum PublishedDate {
  /// Checks that `value` is `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or an ISO 8601 date-time
  /// (`YYYY-MM-DDThh:mm…`), and returns it trimmed.
  static func validated(_ value: String, field: String) throws(StoreError) -> String {
    let trimmed = Array(value.utf8.drop { $0 == 0x20 }.reversed().drop { $0 == 0x20 }.reversed())
    func digits(_ range: Range<Int>) -> Bool {
      range.upperBound <= trimmed.count && trimmed[range].allSatisfy { (0x30...0x39).contains($0) }
    }
    func dash(_ index: Int) -> Bool { index < trimmed.count && trimmed[index] == UInt8(ascii: "-") }
    var isValid = false
    switch trimmed.count {
    case 4: isValid = digits(0..<4)
    case 7: isValid = digits(0..<4) && dash(4) && digits(5..<7)
    case 10: isValid = digits(0..<4) && dash(4) && digits(5..<7) && dash(7) && digits(8..<10)
    default:
      isValid =
        trimmed.count >= 13 && digits(0..<4) && dash(4) && digits(5..<7) && dash(7) && digits(8..<10)
        && (trimmed[10] == UInt8(ascii: "T") || trimmed[10] == UInt8(ascii: " ")) && digits(11..<13)
    }
    guard isValid else {
      throw StoreError(
        operation: "query",
        reason: "invalid \(field) date '\(value)': expected YYYY, YYYY-MM, YYYY-MM-DD or an ISO 8601 date-time")
    }
    return String(decoding: trimmed, as: UTF8.self)
  }

  /// Whether `published` is on or after `bound`, at their common precision.
  static func isOnOrAfter(_ published: String, _ bound: String) -> Bool {
    let (lhs, rhs) = commonPrefixes(published, bound)
    return !lhs.lexicographicallyPrecedes(rhs)
  }

  /// Whether `published` is on or before `bound`, at their common precision.
  static func isOnOrBefore(_ published: String, _ bound: String) -> Bool {
    let (lhs, rhs) = commonPrefixes(published, bound)
    return !rhs.lexicographicallyPrecedes(lhs)
  }

  /// Both strings cut to the shorter one's length in Unicode scalars (as SQLite's `substr`),
  /// as UTF-8 bytes (as SQLite's BINARY collation compares).
  private static func commonPrefixes(_ a: String, _ b: String) -> ([UInt8], [UInt8]) {
    let length = min(a.unicodeScalars.count, b.unicodeScalars.count)
    func cut(_ s: String) -> [UInt8] { Array(String(String.UnicodeScalarView(s.unicodeScalars.prefix(length))).utf8) }
    return (cut(a), cut(b))
  }

  /// The SQL condition equivalent to ``isOnOrAfter(_:_:)`` for column `column` and parameter `parameter`.
  static func sqlOnOrAfter(column: String, parameter: String) -> String {
    "substr(\(column), 1, min(length(\(column)), length(\(parameter)))) >= "
      + "substr(\(parameter), 1, min(length(\(column)), length(\(parameter))))"
  }

  static func sqlOnOrBefore(column: String, parameter: String) -> String {
    "substr(\(column), 1, min(length(\(column)), length(\(parameter)))) <= "
      + "substr(\(parameter), 1, min(length(\(column)), length(\(parameter))))"
  }
}
