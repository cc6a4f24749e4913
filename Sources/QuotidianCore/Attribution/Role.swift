/// A role or affiliation the article gives an entity, with its status and time if stated.
public struct Role: Hashable, Sendable, Codable {
  public struct Status: Hashable, Sendable, Codable, CustomStringConvertible {
    public let name: String
    public init(_ name: String) { self.name = name }
    public var description: String { name }
    public static let current = Status("current")
    public static let former = Status("former")

    public init(from decoder: any Decoder) throws {
      name = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      try container.encode(name)
    }
  }

  /// The role as the article words it, without "former" ("U.S. ambassador to Mexico").
  public var title: String
  /// The organisation or place it belongs to, when stated ("The Atlantic", "Mexico").
  public var organization: String?
  public var status: Status
  /// ISO 8601 dates (or years) when the text gives them.
  public var since: String?
  public var until: String?
  /// Where the article says so (UTF-8 range).
  public var evidence: TextRange?

  public init(
    title: String, organization: String? = nil, status: Status = .current, since: String? = nil,
    until: String? = nil, evidence: TextRange? = nil
  ) {
    self.title = title
    self.organization = organization
    self.status = status
    self.since = since
    self.until = until
    self.evidence = evidence
  }

  /// "former U.S. ambassador to Mexico".
  public var phrase: String { status == .former ? "former \(title)" : title }
}

extension TextRange: Codable {
  public init(from decoder: any Decoder) throws {
    var container = try decoder.unkeyedContainer()
    let lower = try container.decode(Int.self)
    let upper = try container.decode(Int.self)
    guard lower <= upper else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "lower bound above upper bound")
    }
    self.init(lower, upper)
  }
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.unkeyedContainer()
    try container.encode(lowerBound)
    try container.encode(upperBound)
  }
}
