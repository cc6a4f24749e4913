public import QuotidianCore

/// Reading stored articles back, for the HTTP API and the web UI: a page of articles by
/// ascending ID (keyset pagination) and one article with its text and quotes.
///
/// Kept apart from ``Store`` so backends adopt it on their own; `SQLiteStore`
/// does.
public protocol ArticleReading: Sendable {
  /// Articles matching `query`, by ascending ID, after `query.afterID`.
  func articles(_ query: ArticleQuery) async throws(StoreError) -> [ArticleSummary]
  /// One article with its text and its quotes in text order, or nil when no article has `id`.
  func article(id: Int64) async throws(StoreError) -> StoredArticle?
}

/// Filters for ``ArticleReading/articles(_:)``; nil (or blank) means no filter.
public struct ArticleQuery: Hashable, Sendable {
  /// Full-text search over title and text (the syntax of ``QuoteQuery/search``).
  public var search: String?
  public var outlet: String?
  /// Published on or after / before (ISO 8601 date, inclusive).
  public var since: String?
  public var until: String?
  /// Only articles whose ID is greater.
  public var afterID: Int64?
  public var limit: Int?

  public init(
    search: String? = nil, outlet: String? = nil, since: String? = nil, until: String? = nil,
    afterID: Int64? = nil, limit: Int? = nil
  ) {
    self.search = search
    self.outlet = outlet
    self.since = since
    self.until = until
    self.afterID = afterID
    self.limit = limit
  }
}

/// An article in a listing: its metadata without the text.
public struct ArticleSummary: Hashable, Sendable, Codable {
  public var id: Int64
  public var source: String
  public var url: String?
  public var title: String?
  public var outlet: String?
  public var published: String?
  public var quoteCount: Int

  public init(
    id: Int64, source: String, url: String?, title: String?, outlet: String?, published: String?,
    quoteCount: Int
  ) {
    self.id = id
    self.source = source
    self.url = url
    self.title = title
    self.outlet = outlet
    self.published = published
    self.quoteCount = quoteCount
  }
}

/// A stored article with its text and quotes (as saved: no evidence ranges).
public struct StoredArticle: Hashable, Sendable, Codable {
  public var id: Int64
  public var source: String
  public var url: String?
  public var format: String
  public var title: String?
  public var authors: [String]
  public var outlet: String?
  public var published: String?
  public var language: String?
  public var text: String
  /// In text order; `start`/`end` are scalar offsets into `text`.
  public var quotes: [ExtractionResult.QuoteRecord]

  public init(
    id: Int64, source: String, url: String?, format: String, title: String?, authors: [String],
    outlet: String?,
    published: String?, language: String?, text: String, quotes: [ExtractionResult.QuoteRecord]
  ) {
    self.id = id
    self.source = source
    self.url = url
    self.format = format
    self.title = title
    self.authors = authors
    self.outlet = outlet
    self.published = published
    self.language = language
    self.text = text
    self.quotes = quotes
  }
}

/// ``ArticleQuery`` checked once, so every store applies it the same way.
package struct ArticleFilter {
  package var search: SearchExpression?
  package var outletKey: String?
  package var since: String?
  package var until: String?
  package var afterID: Int64
  package var limit: Int?

  package init(_ query: ArticleQuery) throws(StoreError) {
    if let search = TextFolding.nonBlank(query.search) {
      self.search = try SearchExpression.parse(search)
    }
    outletKey = TextFolding.nonBlank(query.outlet).map(TextFolding.key)
    if let since = TextFolding.nonBlank(query.since) {
      self.since = try PublishedDate.validated(since, field: "since")
    }
    if let until = TextFolding.nonBlank(query.until) {
      self.until = try PublishedDate.validated(until, field: "until")
    }
    afterID = max(0, query.afterID ?? 0)
    limit = query.limit.map { max(0, $0) }
  }
}
