import QuotidianFetch
import QuotidianReaders
import Testing

@Suite struct FeedListTests {
  @Test(arguments: [
    (
      "# my feeds\nhttps://a.example/feed.xml\n\n  http://b.example/rss  # the B feed\nhttps://a.example/feed.xml\n",
      ["https://a.example/feed.xml", "http://b.example/rss"]
    ),
    (
      """
      <?xml version="1.0"?>
      <opml version="2.0"><head><title>Subs</title></head><body>
      <outline text="News"><outline text="A" type="rss" xmlUrl="https://a.example/feed.xml"/></outline>
      <outline text="B" type="rss" xmlUrl="https://b.example/atom"/>
      </body></opml>
      """,
      ["https://a.example/feed.xml", "https://b.example/atom"]
    ),
  ])
  func feedURLsInOrder(text: String, expected: [String]) throws {
    #expect(try FeedList.parse(Array(text.utf8), source: "feeds") == expected)
  }

  @Test(arguments: [("https://a.example/x\nnot a url\n", "feeds:2"), ("# nothing\n", "feeds")])
  func badListsAreErrorsWithLine(text: String, source: String) {
    let error = #expect(throws: ReadError.self) {
      try FeedList.parse(Array(text.utf8), source: "feeds")
    }
    #expect(error?.source == source)
  }

  @Test(arguments: [
    ("30s", Duration.seconds(30)), ("15m", .seconds(900)), ("1h", .seconds(3600)),
    ("1h30m", .seconds(5400)),
    ("45", .seconds(45)), ("2d", .seconds(172_800)),
  ])
  func intervals(text: String, expected: Duration) {
    #expect(Duration.parse(interval: text) == expected)
  }

  @Test(arguments: ["", "0", "15x", "m", "-5m", "10m5", "99999999999h"])
  func invalidIntervals(text: String) {
    #expect(Duration.parse(interval: text) == nil)
  }

  @Test(arguments: [
    ("https://a.example", true), ("HTTP://A.EXAMPLE/x", true), ("feeds.txt", false),
    ("httpx.txt", false),
  ])
  func urlArguments(argument: String, isURL: Bool) {
    #expect(Fetcher.isURL(argument) == isURL)
  }
}
