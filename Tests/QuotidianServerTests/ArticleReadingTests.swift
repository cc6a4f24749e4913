import Foundation
import QuotidianCore
import QuotidianStore
import QuotidianStoreTesting
import Testing

/// `ArticleReading` (what the server reads articles through) behaves the same in every store.
@Suite("Article reading in each store")
struct ArticleReadingTests {
  enum Backend: String, CaseIterable, Sendable { case memory, sqlite }

  static func store(_ backend: Backend) async throws -> any Store & ArticleReading {
    let store: any Store & ArticleReading
    switch backend {
    case .memory: store = try SQLiteStore.inMemory()
    case .sqlite:
      let path = FileManager.default.temporaryDirectory.appendingPathComponent(
        "server-\(UUID().uuidString).sqlite"
      ).path
      store = try SQLiteStore(path: path)
    }
    for result in ServerFixtures.all { _ = try await store.save(result) }
    return store
  }

  @Test(
    "articles list by ascending ID after the cursor, with their quote counts",
    arguments: Backend.allCases)
  func listing(_ backend: Backend) async throws {
    let store = try await Self.store(backend)
    let all = try await store.articles(ArticleQuery())
    #expect(all.map(\.id) == Array(1...Int64(ServerFixtures.all.count)))
    #expect(all.map(\.quoteCount) == ServerFixtures.all.map(\.quotes.count))
    #expect(all.map(\.title) == ServerFixtures.all.map(\.title))
    #expect(try await store.articles(ArticleQuery(afterID: 2, limit: 2)).map(\.id) == [3, 4])
    #expect(try await store.articles(ArticleQuery(limit: 0)).isEmpty)
  }

  struct FilterCase: Sendable, CustomTestStringConvertible {
    var query: ArticleQuery
    var ids: [Int64]
    var testDescription: String { "\(query)" }
  }

  static let filters: [FilterCase] = [
    .init(query: ArticleQuery(search: "harbour"), ids: [1, 2]),
    .init(query: ArticleQuery(search: "strike OR budget"), ids: [2, 3]),
    .init(query: ArticleQuery(outlet: "aldren gazette"), ids: [1, 3, 6]),
    .init(query: ArticleQuery(since: "2025-02", until: "2025-03-31"), ids: [1, 6]),
    .init(query: ArticleQuery(search: "bridge", outlet: "Aldren Gazette"), ids: [6]),
  ]

  @Test(
    "article filters: words in title or text, outlet, date range", arguments: Backend.allCases,
    filters)
  func filtering(_ backend: Backend, _ filter: FilterCase) async throws {
    let store = try await Self.store(backend)
    #expect(try await store.articles(filter.query).map(\.id) == filter.ids)
  }

  @Test(
    "one article comes back with its text, metadata and quotes in text order",
    arguments: Backend.allCases)
  func oneArticle(_ backend: Backend) async throws {
    let store = try await Self.store(backend)
    let article = try #require(try await store.article(id: 2))
    let saved = StoreFixtures.railStrike
    #expect(article.text == saved.text)
    #expect(article.title == saved.title)
    #expect(article.outlet == saved.outlet)
    #expect(article.authors == saved.authors)
    #expect(article.quotes.map(\.text) == saved.quotes.map(\.text))
    #expect(article.quotes.map(\.start) == saved.quotes.map(\.start))
    #expect(article.quotes.map(\.speakerMention) == saved.quotes.map(\.speakerMention))
    #expect(try await store.article(id: 999) == nil)
  }

  @Test(
    "a malformed article search is a query error naming the search", arguments: Backend.allCases)
  func badSearch(_ backend: Backend) async throws {
    let store = try await Self.store(backend)
    await #expect(throws: StoreError.self) {
      try await store.articles(ArticleQuery(search: "\"open"))
    }
  }
}
