/// Filters for ``Store/quotes(_:)``. Every field narrows; nil means no filter.
public struct QuoteQuery: Hashable, Sendable {
  /// Speaker name: matches the full name or any word-boundary part of it, case-insensitively.
  public var speaker: String?
  /// FTS5 full-text query over the quote text.
  public var search: String?
  /// ISO 8601 date, inclusive, against the article's published date.
  public var since: String?
  /// ISO 8601 date, inclusive.
  public var until: String?
  /// Outlet name, case-insensitive.
  public var outlet: String?
  /// The article's language (ISO 639-1, as identified on ingest: "en", "es"), case-insensitive.
  public var language: String?
  public var limit: Int?
  /// Include quotes of articles that copy another (exact or near duplicates); by default each
  /// statement is listed once, from the earliest article.
  public var includeCopies: Bool

  public init(
    speaker: String? = nil, search: String? = nil, since: String? = nil, until: String? = nil,
    outlet: String? = nil, language: String? = nil, limit: Int? = nil,
    includeCopies: Bool = false
  ) {
    self.includeCopies = includeCopies
    self.language = language
    self.speaker = speaker
    self.search = search
    self.since = since
    self.until = until
    self.outlet = outlet
    self.limit = limit
  }
}

extension QuoteQuery {
  /// What is wrong with `search` as a full-text search (unbalanced quotes or parentheses,
  /// too many words…), or nil when it can be run.
  public static func searchProblem(_ search: String) -> String? {
    do {
      _ = try SearchExpression.parse(search)
      return nil
    } catch {
      return error.reason
    }
  }
}

/// Filters for ``Store/speakers(_:)``.
public struct SpeakerQuery: Hashable, Sendable {
  public var limit: Int?
  public var outlet: String?
  /// Count quotes of articles that copy another too; by default a copy never counts twice.
  public var includeCopies: Bool
  public init(limit: Int? = nil, outlet: String? = nil, includeCopies: Bool = false) {
    self.includeCopies = includeCopies
    self.limit = limit
    self.outlet = outlet
  }
}

/// A quote as stored, with its article's metadata.
public struct StoredQuote: Hashable, Sendable, Codable {
  public var articleID: Int64
  public var source: String
  public var title: String?
  public var outlet: String?
  public var published: String?
  public var text: String
  public var speaker: String?
  public var kind: String
  public var cue: String?
  public var rule: String
  public var confidence: Double
  /// Scalar offsets into the article text.
  public var start: Int
  public var end: Int
  /// The article's URL, when it has one.
  public var url: String?
  /// The quote's place in its article (0 for the first).
  public var position: Int

  /// The quote's citation key within a store, `articleID-start` ("12-340": the article and
  /// the scalar offset where the quote starts): the same ID the API, the web UI and every CLI
  /// listing use, so `/api/v1/quotes/12-340` opens it.
  public var quoteID: String { "\(articleID)-\(start)" }

  public init(
    articleID: Int64, source: String, title: String?, outlet: String?, published: String?,
    text: String, speaker: String?, kind: String, cue: String?, rule: String, confidence: Double,
    start: Int, end: Int, url: String? = nil, position: Int = 0
  ) {
    self.url = url
    self.position = position
    self.articleID = articleID
    self.source = source
    self.title = title
    self.outlet = outlet
    self.published = published
    self.text = text
    self.speaker = speaker
    self.kind = kind
    self.cue = cue
    self.rule = rule
    self.confidence = confidence
    self.start = start
    self.end = end
  }
}

/// One speaker and how often the store has them quoted. Quotes linked to one entity count
/// as one speaker under the entity's fullest name, whatever name each article used.
public struct SpeakerSummary: Hashable, Sendable, Codable {
  public var name: String
  public var quoteCount: Int
  public var articleCount: Int
  public var outlets: [String]
  /// Earliest and latest published dates of the articles quoting them, if known.
  public var firstQuoted: String?
  public var lastQuoted: String?
  /// The latest role phrases of the speaker's entity, newest first.
  public var roles: [String]

  public init(
    name: String, quoteCount: Int, articleCount: Int, outlets: [String], firstQuoted: String?,
    lastQuoted: String?, roles: [String] = []
  ) {
    self.roles = roles
    self.name = name
    self.quoteCount = quoteCount
    self.articleCount = articleCount
    self.outlets = outlets
    self.firstQuoted = firstQuoted
    self.lastQuoted = lastQuoted
  }
}
