public import QuotidianCore

/// Where analysed articles are kept and asked about. Every backend passes
/// `QuotidianStoreTesting.StoreConformance`.
public protocol Store: Sendable {
  /// Saves an analysed article with its quotes in one transaction.
  ///
  /// Idempotent: an article's identity is the hash of its normalised text plus its URL or
  /// source; saving it again changes nothing and returns `.unchanged`.
  func save(_ result: ExtractionResult) async throws(StoreError) -> SaveOutcome
  /// Saves several analysed articles in order, each exactly as ``save(_:)`` would: one that
  /// fails leaves the others saved. A backend may write them in fewer transactions. After a
  /// fatal error (``StoreError/isFatal``) the rest are not attempted and fail with it.
  func saveAll(_ results: [ExtractionResult]) async -> [Result<SaveOutcome, StoreError>]
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

  // MARK: Cross-article links

  /// When an article with `sighting`'s content is stored, records the sighting (a copy at
  /// another path, name or format) and returns that article's ID; nil for new content. Lets
  /// an ingest skip analysing what it already has.
  func recordSighting(_ sighting: ArticleSighting) async throws(StoreError) -> Int64?
  /// ``speaker(named:)``, counting copies' quotes too when `includeCopies`.
  func speaker(named name: String, includeCopies: Bool) async throws(StoreError) -> SpeakerProfile?
  /// Every copy: exact (a sighting of stored content under another source) and near (an
  /// article whose shingles match an earlier one's), ordered by the original, then the copy.
  func duplicates(_ query: LinkQuery) async throws(StoreError) -> [DuplicateRecord]
  /// Every rewrite with its original and altered quotes, in storing order.
  func rewrites(_ query: LinkQuery) async throws(StoreError) -> [RewriteRecord]
  /// Stories, the most recently updated first.
  func stories(_ query: StoryQuery) async throws(StoreError) -> [StorySummary]
  /// One story, or nil.
  func story(id: Int64) async throws(StoreError) -> StoryDetail?
  /// Statements with all their reports, most reported first.
  func statements(_ query: StatementQuery) async throws(StoreError) -> [StatementRecord]
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

extension Store {
  public func saveAll(_ results: [ExtractionResult]) async -> [Result<SaveOutcome, StoreError>] {
    var outcomes: [Result<SaveOutcome, StoreError>] = []
    for result in results {
      // After a fatal error (a full disk) every later write would fail the same way: the
      // rest are not attempted and carry that error.
      if case .failure(let fatal) = outcomes.last, fatal.isFatal {
        outcomes.append(.failure(fatal))
        continue
      }
      do { outcomes.append(.success(try await save(result))) } catch {
        outcomes.append(.failure(error))
      }
    }
    return outcomes
  }
}
