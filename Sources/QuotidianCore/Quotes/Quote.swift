/// A span of reproduced speech.
public struct Quote: Hashable, Sendable {
  public struct Kind: Hashable, Sendable, CustomStringConvertible {
    public let name: String
    init(_ name: String) { self.name = name }
    public var description: String { name }
    /// A whole sentence or more in quotation marks.
    public static let direct = Kind("direct")
    /// A quoted phrase inside a reported sentence.
    public static let partial = Kind("partial")
    /// Reported speech without marks.
    public static let indirect = Kind("indirect")
  }
  /// The quoted words, without the enclosing marks (may span paragraphs).
  public var content: TextRange
  /// The content plus its enclosing marks (equal to `content` for indirect speech).
  public var span: TextRange
  public var kind: Kind
  /// False when the quote ran to a paragraph end or a bound with no closing mark.
  public var hasClosingMark: Bool

  public init(content: TextRange, span: TextRange, kind: Kind, hasClosingMark: Bool = true) {
    self.content = content
    self.span = span
    self.kind = kind
    self.hasClosingMark = hasClosingMark
  }
}
