/// An article as a reader produced it: clean text plus metadata and provenance.
public struct Article: Sendable, Hashable, Codable {
  /// The cleaned article text; becomes ``Document/text``.
  public var text: String
  public var metadata: ArticleMetadata
  /// Where the article came from: a path or URL.
  public var source: String
  /// The format the reader recognised (`"text"`, `"newsletter"`, `"html"`, …).
  public var format: String

  public init(text: String, metadata: ArticleMetadata = .init(), source: String, format: String) {
    self.text = text
    self.metadata = metadata
    self.source = source
    self.format = format
  }
}

/// Metadata of an article; every field is optional because real sources omit them.
public struct ArticleMetadata: Sendable, Hashable, Codable {
  public var title: String?
  public var authors: [String]
  /// ISO 8601 date or date-time ("2025-12-24").
  public var published: String?
  public var outlet: String?
  public var url: String?
  public var language: String?
  /// The standfirst or description.
  public var description: String?
  /// How the article reached us when it was forwarded (a newsletter's sender), if known.
  public var channel: String?
  /// When the article was last modified, ISO 8601, if the source says.
  public var modified: String?
  /// When the page was fetched (ISO 8601), e.g. a WARC record's `WARC-Date`; not the
  /// publication date.
  public var fetched: String?
  /// True when ``Article/text`` is only a summary (a feed item without full content): fetch
  /// ``url`` for the article itself. Nil means full text.
  public var isExcerpt: Bool?

  public init(
    title: String? = nil, authors: [String] = [], published: String? = nil, outlet: String? = nil,
    url: String? = nil, language: String? = nil, description: String? = nil, channel: String? = nil,
    modified: String? = nil, fetched: String? = nil, isExcerpt: Bool? = nil
  ) {
    self.title = title
    self.authors = authors
    self.published = published
    self.outlet = outlet
    self.url = url
    self.language = language
    self.description = description
    self.channel = channel
    self.modified = modified
    self.fetched = fetched
    self.isExcerpt = isExcerpt
  }
}
