import Foundation
import QuotidianCore
import Testing

@testable import QuotidianStore

/// Both stores keep when statements were said, reported speech, claims and promises, and
/// answer the same.
@Suite struct StatementStoreTests {
  static let articles: [(String, String, String)] = [
    (
      "a.txt", "2026-02-04",
      "Governor Lena Varga said on Tuesday that the Brisa bridge would be finished by the end of the year. "
        + "The ministry has spent about 410 million korun on it."
    ),
    (
      "b.txt", "2026-05-11",
      "“The Brisa bridge will be finished before the winter,” Governor Lena Varga said at a rally on Saturday. "
        + "More than 3,000 people attended."
    ),
  ]

  static func results() -> [ExtractionResult] {
    articles.map { source, published, text in
      let article = Article(
        text: text, metadata: ArticleMetadata(published: published), source: source, format: "text")
      return ExtractionResult(
        document: Pipeline.standard().run(text: text, published: published), article: article)
    }
  }

  static func stores() throws -> [any Store & StatementStore] {
    let directory = try TemporaryDirectory()
    return [try SQLiteStore.inMemory(), try SQLiteStore(path: directory.path("statements.sqlite"))]
  }

  @Test func statementsKeepTheDayTheyWereSaid() async throws {
    for store in try Self.stores() {
      for result in Self.results() { _ = try await store.save(result) }
      let statements = try await store.saidStatements(speaker: "varga")
      #expect(statements.map(\.said) == ["2026-02-03", "2026-05-09"], "\(type(of: store))")
      #expect(statements.allSatisfy { $0.isDatedByText })
      #expect(statements.last?.occasion == "rally")
      #expect(try await store.saidStatements(speaker: "Aros").isEmpty)
    }
  }

  @Test func promisesAndClaimsAreKeptAndFound() async throws {
    for store in try Self.stores() {
      for result in Self.results() { _ = try await store.save(result) }
      let promises = try await store.promises(speaker: "Lena Varga")
      #expect(promises.map(\.deadline) == ["2026-12-31", "2026-12-01"], "\(type(of: store))")
      let claims = try await store.claims(search: "people", limit: nil)
      #expect(claims.map(\.value) == [3000])
      #expect(claims.first?.qualifier == "more than")
      #expect(try await store.claims(search: nil, limit: nil).count == 2)
    }
  }

  /// Two articles of our own: a claim inside a quote of a named speaker, one in the reporter's
  /// words, and one in another speaker's quote.
  static let claimArticles: [(String, String, String)] = [
    (
      "harbour.txt", "2026-03-02",
      "“We moved more than 40,000 containers,” said Ilse Marren, the harbour master. "
        + "The port employs about 1,200 people."
    ),
    (
      "rail.txt", "2026-06-15",
      "“Nearly 300 trains were late in May,” said Odo Brenner, the rail operator's spokesman."
    ),
  ]

  static func claimResults() -> [ExtractionResult] {
    claimArticles.map { source, published, text in
      let article = Article(
        text: text, metadata: ArticleMetadata(published: published), source: source, format: "text")
      return ExtractionResult(
        document: Pipeline.standard().run(text: text, published: published), article: article)
    }
  }

  @Test func claimsCarryTheSpeakerOfTheQuoteTheySitIn() async throws {
    for store in try Self.stores() {
      for result in Self.claimResults() { _ = try await store.save(result) }
      let all = try await store.claims(ClaimQuery())
      #expect(all.map(\.value) == [300, 40000, 1200], "newest article first, \(type(of: store))")
      #expect(all.map(\.speaker) == ["Odo Brenner", "Ilse Marren", nil])
      #expect(all[1].quote?.hasPrefix("We moved more than 40,000") == true)
      #expect(all.allSatisfy { $0.articleID != nil })
    }
  }

  @Test(
    "claims filtered by words, speaker and dates",
    arguments: [
      (ClaimQuery(about: "containers"), [40000.0]),
      (ClaimQuery(about: "trains OR people"), [300, 1200]),
      (ClaimQuery(speaker: "Marren"), [40000]),
      (ClaimQuery(speaker: "Ilse Marren", limit: 1), [40000]),
      (ClaimQuery(speaker: "Brenner", since: "2026-07"), []),
      (ClaimQuery(since: "2026-06"), [300]),
      (ClaimQuery(until: "2026-03"), [40000, 1200]),
      (ClaimQuery(limit: 1), [300]),
    ])
  func claimFilters(_ query: ClaimQuery, _ expected: [Double]) async throws {
    for store in try Self.stores() {
      for result in Self.claimResults() { _ = try await store.save(result) }
      #expect(try await store.claims(query).map(\.value) == expected, "\(type(of: store))")
    }
  }

  @Test func aClaimSearchWithBadSyntaxIsAQueryError() async throws {
    let store = try SQLiteStore.inMemory()
    for result in Self.claimResults() { _ = try await store.save(result) }
    await #expect(throws: StoreError.self) { try await store.claims(ClaimQuery(about: "(trains")) }
    await #expect(throws: StoreError.self) { try await store.claims(ClaimQuery(since: "May")) }
  }
}
