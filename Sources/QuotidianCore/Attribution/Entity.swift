/// A person, organisation or place the article mentions, with every mention resolved to it.
public struct Entity: Hashable, Sendable {
  public struct Kind: Hashable, Sendable, CustomStringConvertible {
    public let name: String
    init(_ name: String) { self.name = name }
    public var description: String { name }
    public static let person = Kind("person")
    public static let organization = Kind("org")
    public static let place = Kind("place")
    public static let group = Kind("group")
  }
  /// The fullest name the article gives.
  public var name: String
  public var kind: Kind
  /// Roles as the article states them ("former U.S. ambassador to Mexico").
  public var roles: [String]
  /// The same roles, structured: title, organisation, status, dates.
  public var roleDetails: [Role] = []
  /// Every name form the article uses ("Roberta Jacobson", "Jacobson", "Ms. Jacobson").
  public var aliases: [String] = []
  public var mentions: [TextRange]
  /// Grammatical gender inferred from pronouns, titles or first names, if any.
  public var gender: Gender?

  public enum Gender: String, Sendable, Hashable { case feminine, masculine, neuter }

  public init(
    name: String, kind: Kind, roles: [String] = [], mentions: [TextRange] = [],
    gender: Gender? = nil
  ) {
    self.name = name
    self.kind = kind
    self.roles = roles
    self.mentions = mentions
    self.gender = gender
  }
}
