/// Filters for ``Store/entities(_:)``. Every field narrows; nil (or blank) means no filter.
public struct EntityQuery: Hashable, Sendable {
  /// `person`, `org`, `place` or `group`.
  public var type: String?
  /// Matches the canonical name or any alias as whole words, ignoring case and accents
  /// ("kelly" matches "Anna Kelly").
  public var name: String?
  public var limit: Int?

  public init(type: String? = nil, name: String? = nil, limit: Int? = nil) {
    self.type = type
    self.name = name
    self.limit = limit
  }
}

/// A role an entity has held, gathered over every article that mentions it.
public struct EntityRole: Hashable, Sendable, Codable {
  public var title: String
  public var organization: String?
  /// `current` or `former`, as of the latest article that states the role.
  public var status: String
  /// Dates stated in the articles, when any.
  public var since: String?
  public var until: String?
  /// Published dates of the first and last articles stating the role.
  public var firstSeen: String?
  public var lastSeen: String?

  public init(
    title: String, organization: String?, status: String, since: String? = nil,
    until: String? = nil,
    firstSeen: String? = nil, lastSeen: String? = nil
  ) {
    self.title = title
    self.organization = organization
    self.status = status
    self.since = since
    self.until = until
    self.firstSeen = firstSeen
    self.lastSeen = lastSeen
  }

  /// The role as a phrase: "former ambassador, State Department".
  public var phrase: String {
    var text = title
    if status == "former", !TextFolding.key(title).hasPrefix("former ") { text = "former " + text }
    if let organization { text += ", " + organization }
    return text
  }
}

/// One entity (a person, organisation, place or group) across every stored article.
public struct EntitySummary: Hashable, Sendable, Codable {
  public var id: Int64
  /// The fullest name seen.
  public var name: String
  /// `person`, `org`, `place` or `group`.
  public var type: String
  /// False for descriptions ("a senior official"): those are never linked across articles.
  public var isNamed: Bool
  /// Every name form seen, first seen first.
  public var aliases: [String]
  /// Roles, most recently seen first.
  public var roles: [EntityRole]
  public var quoteCount: Int
  public var articleCount: Int

  public init(
    id: Int64, name: String, type: String, isNamed: Bool, aliases: [String], roles: [EntityRole],
    quoteCount: Int, articleCount: Int
  ) {
    self.id = id
    self.name = name
    self.type = type
    self.isNamed = isNamed
    self.aliases = aliases
    self.roles = roles
    self.quoteCount = quoteCount
    self.articleCount = articleCount
  }
}

/// Everything the store knows about one speaker.
public struct SpeakerProfile: Hashable, Sendable, Codable {
  /// The entity, when the speaker's quotes are linked to one.
  public var entityID: Int64?
  public var name: String
  public var type: String?
  /// Every name form: aliases of the entity and the speaker names on its quotes.
  public var names: [String]
  /// Roles, most recently seen first.
  public var roles: [EntityRole]
  public var quoteCount: Int
  public var articleCount: Int
  /// Number of quotes by month of publication (`YYYY-MM`); undated articles are not counted.
  public var quotesByMonth: [String: Int]
  public var outlets: [String]
  public var firstQuoted: String?
  public var lastQuoted: String?
  /// The newest quotes, at most ten.
  public var latestQuotes: [StoredQuote]

  public init(
    entityID: Int64?, name: String, type: String?, names: [String], roles: [EntityRole],
    quoteCount: Int,
    articleCount: Int, quotesByMonth: [String: Int], outlets: [String], firstQuoted: String?,
    lastQuoted: String?, latestQuotes: [StoredQuote]
  ) {
    self.entityID = entityID
    self.name = name
    self.type = type
    self.names = names
    self.roles = roles
    self.quoteCount = quoteCount
    self.articleCount = articleCount
    self.quotesByMonth = quotesByMonth
    self.outlets = outlets
    self.firstQuoted = firstQuoted
    self.lastQuoted = lastQuoted
    self.latestQuotes = latestQuotes
  }
}
