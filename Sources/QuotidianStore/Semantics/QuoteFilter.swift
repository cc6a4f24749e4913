/// A ``QuoteQuery`` checked and prepared once, so every store applies it the same way.
///
/// Blank strings mean "no filter", as nil does.
package struct QuoteFilter {
  package var search: SearchExpression?
  /// The speaker as a phrase over the speaker's words: "Sheinbaum" matches "Claudia
  /// Sheinbaum", "benitez" matches "Benítez", "Sheinbaum" does not match "Sheinbaumer".
  package var speakerPhrase: SearchExpression?
  package var speakerWords: [String] = []
  package var outletKey: String?
  /// The language code, lower-cased.
  package var language: String?
  package var since: String?
  package var until: String?
  package var limit: Int?
  /// True when the query can match nothing (a zero limit, a speaker without any word).
  package var isEmptyByConstruction = false

  /// Longest speaker or outlet name accepted, in UTF-8 bytes.
  package static let maximumNameBytes = 1000

  /// Throws when `value` is longer than any real name.
  package static func checkName(_ value: String?, field: String) throws(StoreError) {
    guard let value, value.utf8.count > maximumNameBytes else { return }
    throw StoreError(
      operation: "query",
      reason: "the \(field) is too long (\(value.utf8.count) bytes; at most \(maximumNameBytes))")
  }

  package init(_ query: QuoteQuery) throws(StoreError) {
    try Self.checkName(query.speaker, field: "speaker name")
    try Self.checkName(query.outlet, field: "outlet name")
    if let limit = query.limit, limit < 0 {
      throw StoreError(operation: "query", reason: "the limit must not be negative (got \(limit))")
    }
    if let search = TextFolding.nonBlank(query.search) {
      self.search = try SearchExpression.parse(search)
    }
    if let speaker = TextFolding.nonBlank(query.speaker) {
      speakerWords = TextFolding.words(speaker)
      speakerPhrase = .phrase(speaker, isPrefix: false)
      if speakerWords.isEmpty { isEmptyByConstruction = true }
    }
    outletKey = TextFolding.nonBlank(query.outlet).map(TextFolding.key)
    try Self.checkName(query.language, field: "language")
    language = TextFolding.nonBlank(query.language).map { $0.lowercased() }
    if let since = TextFolding.nonBlank(query.since) {
      self.since = try PublishedDate.validated(since, field: "since")
    }
    if let until = TextFolding.nonBlank(query.until) {
      self.until = try PublishedDate.validated(until, field: "until")
    }
    if let limit = query.limit {
      self.limit = limit
      if limit <= 0 { isEmptyByConstruction = true }
    }
  }
}
