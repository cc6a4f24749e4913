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

  static let postgresURL = ProcessInfo.processInfo.environment["QUOTIDIAN_TEST_POSTGRES_URL"]
  static let postgresRequired =
    ProcessInfo.processInfo.environment["QUOTIDIAN_REQUIRE_POSTGRES"] == "1"

  /// `watch` writes to PostgreSQL through the same engine: new items are stored, a feed that
  /// has not changed is not fetched again, and items seen again without validators (a fresh
  /// state file, another machine) are recognised by the store as already there.
  @Test(
    .enabled(
      if: postgresURL != nil || postgresRequired,
      "no PostgreSQL server: set QUOTIDIAN_TEST_POSTGRES_URL (scripts/pg-test-cluster start prints one)"
    ))
  func watchingIntoPostgresStoresEachItemOnce() async throws {
    let url = try #require(Self.postgresURL)
    // Names of this run only: the test database outlives the run.
    let run = UUID().uuidString.prefix(8)
    let site = FeedPollTests.FeedSite(names: ["Harrow\(run)", "Calloway\(run)"], etag: true)
    try await TestServer.with(site.answer) { server in
      site.port = server.port
      let store = try await StoreLocation(url, environment: [:]).openForWriting()
      let states = (0..<2).map { _ in
        FileManager.default.temporaryDirectory
          .appendingPathComponent("quotidian-watch-\(UUID().uuidString).json").path
      }
      defer { for state in states { try? FileManager.default.removeItem(atPath: state) } }
      var rounds: [Engine.WatchRound] = []
      let engine = Engine(maxConcurrency: 1)
      for state in [states[0], states[0], states[1]] {
        try await engine.watch(
          feeds: [server.url("/feed.xml")], into: store, statePath: state, every: .seconds(1),
          until: .once, fetch: Self.quick, onRound: { rounds.append($0) })
      }
      #expect(rounds.map(\.summary.inserted) == [2, 0, 0])
      #expect(rounds[1].notModified == 1)
      #expect(rounds[2].summary.unchanged == 2)
      #expect(rounds.allSatisfy { $0.summary.failures.isEmpty })
    }
  }
}
