/// A mention of a possible speaker: a name, a pronoun or a description.
public struct Mention: Hashable, Sendable {
  public struct Kind: Hashable, Sendable, CustomStringConvertible {
    public let name: String
    init(_ name: String) { self.name = name }
    public var description: String { name }
    public static let name = Kind("name")
    public static let pronoun = Kind("pronoun")
    public static let description = Kind("description")
    public static let organization = Kind("organization")
  }
  public var range: TextRange
  public var kind: Kind
  /// Index into ``Document/entities`` when resolved, else nil.
  public var entity: Int?

  public init(range: TextRange, kind: Kind, entity: Int? = nil) {
    self.range = range
    self.kind = kind
    self.entity = entity
  }
}
