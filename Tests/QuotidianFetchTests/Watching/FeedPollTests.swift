import Foundation
import QuotidianCore
import QuotidianFetch
import Testing

@Suite struct FeedPollTests {
  static let quick = FetchConfiguration(timeout: .seconds(30), allowPrivateAddresses: true)

  /// A feed whose items can change between polls, optionally with an ETag.
  final class FeedSite: @unchecked Sendable {
    private let lock = NSLock()
    private var names: [String]
    let etag: Bool
    var port = 0

    init(names: [String], etag: Bool) {
      self.names = names
      self.etag = etag
    }

    func publish(_ name: String) { lock.withLock { names.insert(name, at: 0) } }

    func answer(_ request: TestRequest) -> TestResponse {
      let names = lock.withLock { self.names }
      let version = "\"\(names.count)\""
      if request.path == "/feed.xml" {
        if etag && request.header("If-None-Match") == version { return TestResponse(status: 304) }
        let base = "http://127.0.0.1:\(port)"
        var response = TestResponse.text(
          Pages.rss(names.map { .init(title: "Story \($0)", link: "\(base)/story/\($0)") }),
          type: "application/rss+xml")
        if etag { response.headers.append(("ETag", version)) }
        return response
      }
      if request.path.hasPrefix("/story/") {
        return .text(Pages.story(String(request.path.dropFirst(7))))
      }
      return .notFound
    }
  }

  /// Polls and records every item as stored, as `watch --once` does with a store that accepts all.
  static func round(_ fetcher: Fetcher, _ feed: String, _ state: inout WatchState) async -> FeedPoll
  {
    let poll = await fetcher.poll(feed: feed, state: state)
    state.record(poll, stored: Set(poll.items.map(\.key)))
    return poll
  }

  @Test(arguments: [false, true])
  func secondRoundFindsNothingNew(etag: Bool) async throws {
    let site = FeedSite(names: ["A", "B"], etag: etag)
    try await TestServer.with(site.answer) { server in
      site.port = server.port
      let feed = server.url("/feed.xml")
      let fetcher = Fetcher(configuration: Self.quick)
      var state = WatchState()
      let first = await Self.round(fetcher, feed, &state)
      let second = await Self.round(fetcher, feed, &state)
      await fetcher.shutdown()

      #expect(first.errors.isEmpty)
      #expect(first.items.map(\.key) == [server.url("/story/A"), server.url("/story/B")])
      #expect(second.items.isEmpty)
      #expect(second.notModified == etag)
      // Linked pages are fetched once, in the first round only.
      #expect(server.log.count(path: "/story/A") == 1)
      #expect(state.feeds[feed]?.seen.count == 2)
    }
  }

  @Test(arguments: [false, true])
  func newItemIsTheOnlyOneIngested(etag: Bool) async throws {
    let site = FeedSite(names: ["A", "B"], etag: etag)
    try await TestServer.with(site.answer) { server in
      site.port = server.port
      let feed = server.url("/feed.xml")
      let fetcher = Fetcher(configuration: Self.quick)
      var state = WatchState()
      _ = await Self.round(fetcher, feed, &state)
      site.publish("C")
      let next = await Self.round(fetcher, feed, &state)
      await fetcher.shutdown()

      #expect(next.items.map(\.key) == [server.url("/story/C")])
      #expect(next.items.first?.article.text.contains("discuss story C") == true)
      #expect(server.log.count(path: "/story/B") == 1)
    }
  }

  @Test func unstoredItemIsRetriedAndValidatorsNotKept() async throws {
    let site = FeedSite(names: ["A", "B"], etag: true)
    try await TestServer.with(site.answer) { server in
      site.port = server.port
      let feed = server.url("/feed.xml")
      let fetcher = Fetcher(configuration: Self.quick)
      var state = WatchState()
      let first = await fetcher.poll(feed: feed, state: state)
      state.record(first, stored: [server.url("/story/A")])
      let second = await fetcher.poll(feed: feed, state: state)
      await fetcher.shutdown()

      #expect(state.feeds[feed]?.validators.etag == nil)
      #expect(!second.notModified)
      #expect(second.items.map(\.key) == [server.url("/story/B")])
    }
  }

  @Test func stateRoundTripsThroughItsFile() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "quotidian-watch-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("state.json").path
    #expect(try WatchState.load(from: path) == WatchState())
    let state = WatchState(feeds: [
      "https://bulletin.example/feed.xml": .init(
        validators: .init(etag: "\"7\"", lastModified: "Tue, 10 Mar 2026 06:30:00 GMT"),
        seen: ["https://bulletin.example/a"], checked: "2026-03-10T06:30:00Z")
    ])
    try state.save(to: path)
    #expect(try WatchState.load(from: path) == state)
  }

  @Test(arguments: [
    ("/data/quotidian.sqlite", "/data/.quotidian-watch.json"),
    ("q.sqlite", ".quotidian-watch.json"),
  ])
  func defaultStatePathIsNextToTheStore(store: String, expected: String) {
    #expect(WatchState.defaultPath(forStore: store) == expected)
  }
}
