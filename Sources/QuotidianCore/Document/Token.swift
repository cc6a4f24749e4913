/// A word, number or punctuation mark: a small plain value.
public struct Token: Hashable, Sendable {
  public struct Kind: Hashable, Sendable {
    let raw: UInt8
    public static let word = Kind(raw: 0)
    public static let number = Kind(raw: 1)
    public static let punctuation = Kind(raw: 2)
    public static let quotationMark = Kind(raw: 3)
    public static let symbol = Kind(raw: 4)
  }
  public var range: TextRange
  public var kind: Kind
  /// True when the first letter is upper case.
  public var isCapitalized: Bool

  public init(range: TextRange, kind: Kind, isCapitalized: Bool = false) {
    self.range = range
    self.kind = kind
    self.isCapitalized = isCapitalized
  }
}
