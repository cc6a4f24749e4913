public import QuotidianCore

/// What a store keeps about statements beyond quotes: when each was said, reported speech,
/// numeric claims and promises. The queries behind `quotidian tally` and `quotidian ledger`.
public protocol StatementStore: Sendable {
  /// Quotes (direct, partial) and reported speech of speakers matching `speaker` (any name
  /// form, by words, case- and accent-insensitively; nil for everyone), with when they were said.
  func saidStatements(speaker: String?) async throws(StoreError) -> [Occasions.Statement]
  /// Promises and predictions, oldest first.
  func promises(speaker: String?) async throws(StoreError) -> [StoredPromise]
  /// Numeric claims matching `query`, newest article first, each with the speaker of the
  /// quote it sits in.
  func claims(_ query: ClaimQuery) async throws(StoreError) -> [StoredClaim]
}

extension StatementStore {
  /// Numeric claims whose words match `search` (the search syntax of `quotes --search`; nil
  /// for all), newest first.
  public func claims(search: String?, limit: Int?) async throws(StoreError) -> [StoredClaim] {
    try await claims(ClaimQuery(about: search, limit: limit))
  }
}

/// What `quotidian claims` and `/api/v1/claims` ask for.
public struct ClaimQuery: Hashable, Sendable {
  /// Words the claim's text or what it counts must match (the search syntax of
  /// `quotes --search`).
  public var about: String?
  /// Only claims inside quotes of this speaker (any name form, by words).
  public var speaker: String?
  /// Articles published on or after / before these dates (YYYY, YYYY-MM or YYYY-MM-DD).
  public var since: String?
  public var until: String?
  public var limit: Int?

  public init(
    about: String? = nil, speaker: String? = nil, since: String? = nil, until: String? = nil,
    limit: Int? = nil
  ) {
    self.about = about
    self.speaker = speaker
    self.since = since
    self.until = until
    self.limit = limit
  }
}

/// A promise as stored, with its article.
public struct StoredPromise: Hashable, Sendable, Codable {
  public var speaker: String?
  public var text: String
  public var said: String?
  /// The last day it can be kept on time (YYYY-MM-DD), nil for a vague horizon.
  public var deadline: String?
  public var deadlineValue: String?
  public var deadlineText: String?
  public var horizon: String?
  public var article: String
  public var published: String?
  /// The stored article that carries it and the report's outlet and title, when known.
  public var articleID: Int64?
  public var outlet: String?
  public var title: String?

  public init(
    speaker: String?, text: String, said: String?, deadline: String?, deadlineValue: String?,
    deadlineText: String?,
    horizon: String?, article: String, published: String?, articleID: Int64? = nil,
    outlet: String? = nil, title: String? = nil
  ) {
    self.speaker = speaker
    self.text = text
    self.said = said
    self.deadline = deadline
    self.deadlineValue = deadlineValue
    self.deadlineText = deadlineText
    self.horizon = horizon
    self.article = article
    self.published = published
    self.articleID = articleID
    self.outlet = outlet
    self.title = title
  }
}

/// A numeric claim as stored, with its article.
public struct StoredClaim: Hashable, Sendable, Codable {
  public var text: String
  public var value: Double
  public var unit: String?
  public var qualifier: String?
  public var counted: String?
  /// The speaker of the quote the claim sits in; nil when it is in the reporter's words or
  /// the quote has no speaker.
  public var speaker: String?
  /// The quote the claim sits in, when it does.
  public var quote: String?
  public var article: String
  public var articleID: Int64?
  public var published: String?

  public init(
    text: String, value: Double, unit: String?, qualifier: String?, counted: String?,
    speaker: String? = nil, quote: String? = nil, article: String, articleID: Int64? = nil,
    published: String?
  ) {
    self.text = text
    self.value = value
    self.unit = unit
    self.qualifier = qualifier
    self.counted = counted
    self.speaker = speaker
    self.quote = quote
    self.article = article
    self.articleID = articleID
    self.published = published
  }
}

extension StoredClaim {
  /// The value as people write it in a table or a CSV cell: 1200000000 rather than
  /// 1.2e+09, fractions as they are.
  public var valueText: String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
  }
}

/// The statements of one saved article, as both stores keep them.
package enum StatementRows {
  /// Quotes and reported speech with their `said`.
  package static func statements(of result: ExtractionResult) -> [Occasions.Statement] {
    (result.quotes + (result.reported ?? [])).map { quote in
      Occasions.Statement(
        text: quote.text, speaker: TextFolding.nonBlank(quote.speaker),
        said: quote.said?.value ?? result.published.map { String($0.prefix(10)) },
        granularity: quote.said?.granularity ?? (result.published == nil ? nil : "day"),
        isDatedByText: quote.said?.text != nil, occasion: quote.said?.occasion,
        article: result.source,
        published: result.published)
    }
  }

  /// `value`, then a copy of it for each other sighting of its article in `sightings`
  /// (records `source␞outlet␞title␞published` joined by U+001F, as both stores select them):
  /// an exact copy reports the same statement under its own source, outlet and date.
  package static func withSightings<Value>(
    _ value: Value, sightings: String?, article: WritableKeyPath<Value, String>,
    outlet: WritableKeyPath<Value, String?>, title: WritableKeyPath<Value, String?>,
    published: WritableKeyPath<Value, String?>
  ) -> [Value] {
    guard let sightings, !sightings.isEmpty else { return [value] }
    return [value]
      + sightings.split(separator: "\u{1F}").map { record in
        let fields = record.split(separator: "\u{1E}", omittingEmptySubsequences: false)
        var copy = value
        copy[keyPath: article] = String(fields[0])
        func field(_ index: Int) -> String? {
          index < fields.count && !fields[index].isEmpty ? String(fields[index]) : nil
        }
        copy[keyPath: outlet] = field(1)
        copy[keyPath: title] = field(2)
        copy[keyPath: published] = field(3)
        return copy
      }
  }

  /// The said statements' query after its first columns, in SQL both backends accept: the
  /// report it stands for (`article:position` of the original's quote, for a copy or a rewrite),
  /// whether the rewrite altered it, the article's ID, outlet and title, then the joins.
  /// `sightings` is the backend's own aggregate of the article's other sightings.
  package static func saidStatementsSQL(sightings: String) -> String {
    """
    SELECT s.text, s.speaker, s.said, s.said_granularity, s.said_text, s.occasion, a.source,
      a.published, \(sightings),
      CASE
        WHEN aq.original_position IS NOT NULL THEN r.original_id || ':' || aq.original_position
        ELSE coalesce(
          (SELECT o.article_id || ':' || o.position FROM quotes o
            WHERE o.article_id = coalesce(r.original_id, a.duplicate_of)
              AND o.statement_id = q.statement_id ORDER BY o.position LIMIT 1),
          s.article_id || ':' || q.position)
      END,
      aq.position IS NOT NULL, a.id, a.outlet, a.title
    FROM said_statements s JOIN articles a ON a.id = s.article_id
    LEFT JOIN quotes q ON q.article_id = s.article_id AND q.start = s.start
    LEFT JOIN rewrites r ON r.article_id = s.article_id
    LEFT JOIN altered_quotes aq ON aq.article_id = s.article_id AND aq.position = q.position
    """
  }

  /// True when `speaker` is named by `query`: every word of the query is a word of the name.
  package static func speaker(_ speaker: String?, matches query: String?) -> Bool {
    guard let query, !query.isEmpty else { return true }
    guard let speaker else { return false }
    let words = Set(TextFolding.words(speaker))
    return TextFolding.words(query).allSatisfy(words.contains)
  }
}
