public import QuotidianCore

/// What a multi-article reader (mbox, feeds, WARC, JSON Lines) produced: the articles it
/// read and an error for each record it could not read. One bad record never hides the rest.
public struct ReadBatch: Sendable {
  public var articles: [Article]
  /// One error per unreadable record; its `source` names the record ("path#3", "path:line 7").
  public var errors: [ReadError]
  /// What the reader had to guess, compiler style (`path: warning: …`): a charset fallback.
  public var warnings: [String] = []

  public init(articles: [Article] = [], errors: [ReadError] = [], warnings: [String] = []) {
    self.articles = articles
    self.errors = errors
    self.warnings = warnings
  }

  /// The articles, or an error when there are none: the first record error, or `.empty`.
  func articlesOrThrow(source: String) throws(ReadError) -> [Article] {
    if !articles.isEmpty { return articles }
    if let first = errors.first {
      if errors.count == 1 { throw first }
      throw ReadError(
        source: source,
        kind: .malformed(
          reason:
            "no readable record; \(errors.count) errors, first: \(first.source): \(first.message)"))
    }
    throw ReadError(source: source, kind: .empty)
  }
}
