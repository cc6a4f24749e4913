/// A half-open range of UTF-8 offsets into a ``Document``'s text.
///
/// Every annotation in Quotidian is a `TextRange`; offsets are always UTF-8 code-unit
/// offsets from the start of the text. Unicode-scalar offsets exist only in the JSON
/// output (see ``ExtractionResult``).
public struct TextRange: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// UTF-8 offset of the first byte.
  public var lowerBound: Int
  /// UTF-8 offset one past the last byte.
  public var upperBound: Int

  public init(_ lowerBound: Int, _ upperBound: Int) {
    precondition(lowerBound <= upperBound, "TextRange lower bound above upper bound")
    self.lowerBound = lowerBound
    self.upperBound = upperBound
  }

  /// Number of UTF-8 bytes covered.
  public var utf8Count: Int { upperBound - lowerBound }
  public var isEmpty: Bool { lowerBound == upperBound }

  public func contains(_ other: TextRange) -> Bool {
    lowerBound <= other.lowerBound && other.upperBound <= upperBound
  }
  public func contains(utf8Offset: Int) -> Bool {
    lowerBound <= utf8Offset && utf8Offset < upperBound
  }
  public func overlaps(_ other: TextRange) -> Bool {
    lowerBound < other.upperBound && other.lowerBound < upperBound
  }

  public static func < (lhs: TextRange, rhs: TextRange) -> Bool {
    (lhs.lowerBound, lhs.upperBound) < (rhs.lowerBound, rhs.upperBound)
  }
  public var description: String { "\(lowerBound)..<\(upperBound)" }
}
