import Foundation
import Quotidian
import QuotidianFetch
import QuotidianStore
import Testing

/// `Engine.ingest(urls:)` into a real SQLite store: several URLs at once, empty and
/// non-empty stores, failures counted; and a slow item that must not cost its host's others.
/// (The release-build crash this guards against is reproduced by `scripts/repro-issue-22`.)
@Suite struct URLIngestTests {
  static let quick = FetchConfiguration(timeout: .seconds(30), allowPrivateAddresses: true)

  static func temporaryStore() throws -> (SQLiteStore, String) {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "quotidian-urls-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return (
      try SQLiteStore(path: directory.appendingPathComponent("s.sqlite").path), directory.path
    )
  }

  @Test func severalURLsIntoEmptyThenNonEmptyStoresStoreEveryArticleEachRound() async throws {
    try await TestServer.with(
      { request in
        request.path.hasPrefix("/story/")
          ? .text(Pages.story(String(request.path.dropFirst(7))))
          : .notFound
      },
      { server in
        for round in 0..<5 {
          let (store, directory) = try Self.temporaryStore()
          defer { try? FileManager.default.removeItem(atPath: directory) }
          let engine = Engine(maxConcurrency: 2)
          let first = await engine.ingest(
            urls: [server.url("/story/\(round)a"), server.url("/story/\(round)b")], into: store,
            fetch: Self.quick)
          #expect(first.inserted == 2 && first.failures.isEmpty, "round \(round)")
          let second = await engine.ingest(
            urls: (0..<6).map { server.url("/story/\(round)n\($0)") }, into: store,
            fetch: Self.quick)
          #expect(second.inserted == 6 && second.failures.isEmpty, "round \(round)")
          #expect(try await store.articleCount() == 8, "round \(round)")
        }
      })
  }

  @Test func aMissingPageAmongGoodOnesIsCountedAsFailed() async throws {
    try await TestServer.with(
      { request in request.path == "/good" ? .text(Pages.ferry) : .notFound },
      { server in
        let (store, directory) = try Self.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var errors: [String] = []
        let summary = await Engine().ingest(
          urls: [server.url("/missing"), server.url("/good")], into: store, fetch: Self.quick,
          onError: { errors.append($0) })
        #expect(summary.inserted == 1)
        #expect(summary.files == 1)
        #expect(summary.failures.count == 1)
        #expect(errors == ["\(server.url("/missing")): error: HTTP status 404"])
      })
  }

  @Test func aTimedOutRequestDoesNotPoisonTheRestOfItsHostsQueue() async throws {
    try await TestServer.with(
      { request in
        if request.path == "/slow" { return TestResponse(hang: true) }
        return .text(Pages.story(String(request.path.dropFirst())))
      },
      { server in
        let (store, directory) = try Self.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // One host, one request at a time: the three fast pages wait behind the slow one,
        // longer than one request's deadline, and must still be asked for and stored.
        var configuration = FetchConfiguration(
          timeout: .seconds(3), allowPrivateAddresses: true)
        configuration.maxConcurrentHosts = 1
        var errors: [String] = []
        let summary = await Engine().ingest(
          urls: [server.url("/slow"), server.url("/a"), server.url("/b"), server.url("/c")],
          into: store, fetch: configuration, onError: { errors.append($0) })
        #expect(summary.inserted == 3)
        #expect(errors == ["\(server.url("/slow")): error: timed out"])
        #expect(server.log.count(path: "/c") == 1)
      })
  }
}
