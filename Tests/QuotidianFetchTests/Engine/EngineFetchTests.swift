import Foundation
import Quotidian
import QuotidianFetch
import QuotidianStore
import Testing

/// `Engine.ingest(urls:)` and `Engine.watch` end to end: a local server, an in-memory store.
@Suite struct EngineFetchTests {
  static let quick = FetchConfiguration(timeout: .seconds(30), allowPrivateAddresses: true)

  @Test func ingestingURLsStoresThePagesAndReportsTheFailures() async throws {
    try await TestServer.with(
      { request in
        request.path == "/ferry" ? .text(Pages.ferry) : .notFound
      },
      { server in
        let store = try SQLiteStore.inMemory()
        var errors: [String] = []
        let summary = await Engine(maxConcurrency: 1).ingest(
          urls: [server.url("/ferry"), server.url("/missing")], into: store, fetch: Self.quick,
          onError: { errors.append($0) })
        #expect(summary.inserted == 1)
        #expect(errors.count == 1)
        #expect(errors.first?.contains("/missing") == true)
        let quotes = try await store.quotes(QuoteQuery())
        #expect(quotes.contains { $0.speaker == "Marit Halvorsen" })
        #expect(quotes.allSatisfy { $0.source == server.url("/ferry") })
      })
  }

  @Test func watchingTwiceIngestsOnlyWhatIsNew() async throws {
    let site = FeedPollTests.FeedSite(names: ["A", "B"], etag: true)
    try await TestServer.with(site.answer) { server in
      site.port = server.port
      let store = try SQLiteStore.inMemory()
      let state = FileManager.default.temporaryDirectory
        .appendingPathComponent("quotidian-watch-\(UUID().uuidString).json").path
      defer { try? FileManager.default.removeItem(atPath: state) }
      var rounds: [Engine.WatchRound] = []
      let engine = Engine(maxConcurrency: 1)
      for _ in 0..<2 {
        try await engine.watch(
          feeds: [server.url("/feed.xml")], into: store, statePath: state, every: .seconds(1),
          until: .once,
          fetch: Self.quick, onRound: { rounds.append($0) })
      }
      #expect(rounds.map(\.summary.inserted) == [2, 0])
      #expect(rounds.last?.notModified == 1)
      #expect(try await store.articleCount() == 2)
    }
  }
}
