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
}
