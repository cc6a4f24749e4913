public import QuotidianCore

/// Where analysed articles are kept and asked about. Every backend passes
/// `QuotidianStoreTesting.StoreConformance`.
public protocol Store: Sendable {
  /// Saves an analysed article with its quotes in one transaction.
  ///
  /// Idempotent: an article's identity is the hash of its normalised text plus its URL or
  /// source; saving it again changes nothing and returns `.unchanged`.
  func save(_ result: ExtractionResult) async throws(StoreError) -> SaveOutcome
  /// Quotes matching `query`, newest article first.
  func quotes(_ query: QuoteQuery) async throws(StoreError) -> [StoredQuote]
  /// Speakers by number of quotes, most quoted first.
  func speakers(_ query: SpeakerQuery) async throws(StoreError) -> [SpeakerSummary]
  /// Entities across articles (one identity per person, organisation, place or group), the
  /// most mentioned first.
  func entities(_ query: EntityQuery) async throws(StoreError) -> [EntitySummary]
  /// The profile of the speaker best matching `name` (a full name, a surname or any alias),
  /// or nil when nobody stored matches.
  func speaker(named name: String) async throws(StoreError) -> SpeakerProfile?
  /// Number of articles stored.
  func articleCount() async throws(StoreError) -> Int
}

/// What `save` did.
public enum SaveOutcome: Hashable, Sendable {
  case inserted(articleID: Int64)
  case unchanged(articleID: Int64)

  public var articleID: Int64 {
    switch self {
    case .inserted(let id), .unchanged(let id): id
    }
  }
  public var isInserted: Bool { if case .inserted = self { true } else { false } }
}
