import Foundation
import QuotidianCore
import QuotidianFetch
import Testing

/// Validators are saved for a round whose good items were all stored, even when one item
/// failed; a dead link keeps its item's own text.
@Suite struct FeedValidatorTests {
  static let quick = FetchConfiguration(timeout: .seconds(30), allowPrivateAddresses: true)

  static func feed(port: Int) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
    <channel><title>The Brackwater Bulletin</title>
    <item><title>Empty</title><link>http://127.0.0.1:\(port)/empty</link></item>
    <item><title>Dead</title><link>http://127.0.0.1:\(port)/dead</link>
    <description>“The pier stays shut,” said Orla Fenwick of the harbour board.</description></item>
    <item><title>Story B</title><link>http://127.0.0.1:\(port)/b</link>
    <description>A short summary of B.</description></item>
    </channel></rss>
    """
  }

  @Test func validatorsAreSavedWhenTheGoodItemsWereStoredAlthoughAnotherFailed() async throws {
    let port = PortBox()
    try await TestServer.with(
      { request in
        switch request.path {
        case "/feed.xml":
          if request.header("If-None-Match") == "\"v1\"" { return TestResponse(status: 304) }
          var response = TestResponse.text(
            Self.feed(port: port.value), type: "application/rss+xml")
          response.headers.append(("ETag", "\"v1\""))
          return response
        case "/b": return .text(Pages.story("B"))
        default: return .notFound
        }
      },
      { server in
        port.value = server.port
        let feed = server.url("/feed.xml")
        let fetcher = Fetcher(configuration: Self.quick)
        var state = WatchState()
        let first = await fetcher.poll(feed: feed, state: state)
        state.record(first, stored: Set(first.items.map(\.key)))
        let second = await fetcher.poll(feed: feed, state: state)
        await fetcher.shutdown()

        // The item without text is an error; the dead link keeps its description.
        #expect(first.errors.count == 1)
        #expect(first.items.map(\.key) == [server.url("/dead"), server.url("/b")])
        #expect(first.items.first?.article.text.contains("Orla Fenwick") == true)
        #expect(first.warnings.count == 1)
        #expect(state.feeds[feed]?.validators.etag == "\"v1\"")
        #expect(second.notModified)
      })
  }
}
