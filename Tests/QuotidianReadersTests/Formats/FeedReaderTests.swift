import Foundation
import QuotidianCore
import Testing

@testable import QuotidianReaders

@Suite struct FeedReaderTests {
  struct Expected: Sendable, CustomStringConvertible {
    var file: String
    var index: Int
    var metadata: ArticleMetadata
    var mustContain: [String]
    var mustNotContain: [String] = []
    var description: String { "\(file)#\(index + 1)" }
  }

  static let cases: [Expected] = [
    Expected(
      file: "rss2-full-content.xml", index: 0,
      metadata: ArticleMetadata(
        title: "Reservoir levels reach a ten-year high", authors: ["Halima Osei", "Jonas Pirelli"],
        published: "2026-03-10T06:30:00Z", outlet: "The Quarry Valley Gazette",
        url: "https://qvgazette.example/2026/03/reservoir-levels",
        description: "Short summary of the reservoir story."),
      mustContain: [
        "fuller than at any time in ten years",
        "“The rain did its job,” said board chair Ingrid Solberg.",
      ],
      mustNotContain: ["<p>", "Short summary"]),
    Expected(
      file: "rss2-full-content.xml", index: 1,
      metadata: ArticleMetadata(
        title: "Library & archive to share a building", authors: ["Marco Tell"],
        published: "2026-03-11T14:05:00-05:00", outlet: "The Quarry Valley Gazette",
        url: "https://qvgazette.example/2026/03/library-archive",
        description:
          "The town library and the county archive will move into one building next year.",
        isExcerpt: true),
      mustContain: ["move into one building next year"], mustNotContain: ["<b>"]),
    Expected(
      file: "atom.xml", index: 0,
      metadata: ArticleMetadata(
        title: "Pier vote passes", authors: ["Mirela Kovács"], published: "2026-03-12T08:00:00Z",
        outlet: "Brindlecombe Courier", url: "https://courier.example/pier-vote"),
      mustContain: [
        "rebuild the ferry pier.\n\n\"It is the town's front door,\" said Councillor Odile Marchetti."
      ]),
    Expected(
      file: "atom.xml", index: 1,
      metadata: ArticleMetadata(
        title: "Market hall reopens", authors: ["Courier Staff"], published: "2026-03-13T10:00:00Z",
        outlet: "Brindlecombe Courier", url: "https://courier.example/market-hall"),
      mustContain: ["reopened on Friday", "Stallholder Femi Adeyemi said trade was brisk."],
      mustNotContain: ["<div"]),
    Expected(
      file: "feed.json", index: 0,
      metadata: ArticleMetadata(
        title: "Lantern festival returns", authors: ["Tove Lindahl"],
        published: "2026-03-16T12:00:00+00:00",
        outlet: "Oakhurst Weekly", url: "https://oakhurst.example/lanterns"),
      mustContain: ["\"The lanterns are back,\" said organiser Priya Halvorsen."]),
    Expected(
      file: "feed.json", index: 1,
      metadata: ArticleMetadata(
        title: "Bus route 4 extended", authors: ["Oakhurst Desk"],
        published: "2026-03-17T08:00:00+00:00",
        outlet: "Oakhurst Weekly", url: "https://oakhurst.example/bus-route"),
      mustContain: ["Route 4 will run to the hospital from June"]),
    Expected(
      file: "feed.json", index: 2,
      metadata: ArticleMetadata(
        title: "Teaser only", authors: ["Oakhurst Desk"], outlet: "Oakhurst Weekly",
        url: "https://oakhurst.example/teaser",
        description: "A council meeting on parking is set for Thursday.",
        isExcerpt: true),
      mustContain: ["A council meeting on parking is set for Thursday."]),
  ]

  @Test(arguments: cases)
  func readsItemWithExactMetadata(_ expected: Expected) throws {
    let batch = FeedReader.readBatch(
      bytes: try FormatFixtures.bytes(expected.file), source: expected.file)
    #expect(batch.errors.isEmpty)
    try #require(batch.articles.count > expected.index)
    let article = batch.articles[expected.index]
    #expect(article.metadata == expected.metadata)
    #expect(article.source == "\(expected.file)#\(expected.index + 1)")
    #expect(article.format == "feed")
    for needle in expected.mustContain {
      #expect(article.text.contains(needle), "missing \(needle)")
    }
    for needle in expected.mustNotContain {
      #expect(!article.text.contains(needle), "unexpected \(needle)")
    }
  }

  @Test(arguments: ["rss-undefined-entity.xml"])
  func undefinedEntityDoesNotKillTheFeed(_ file: String) throws {
    let articles = try FeedReader.read(bytes: try FormatFixtures.bytes(file), source: file)
    #expect(articles.count == 2)
    #expect(articles.first?.metadata.title?.hasPrefix("Café owners") == true)
    #expect(articles.first?.metadata.url == "https://valley.example/cafe-parking")
    #expect(articles.last?.text == "The second item is still read.")
  }

  @Test(arguments: ["billion-laughs.xml"])
  func entityExpansionBombStaysSmallAndFast(_ file: String) throws {
    let bytes = try FormatFixtures.bytes(file)
    let clock = ContinuousClock()
    var batch = ReadBatch()
    let elapsed = clock.measure { batch = FeedReader.readBatch(bytes: bytes, source: file) }
    #expect(elapsed < .seconds(2))
    let texts = batch.articles.map { $0.text + ($0.metadata.title ?? "") }
    #expect(texts.allSatisfy { $0.utf8.count < 10_000 })
    #expect(!texts.contains { $0.contains("lollol") })
    #expect(!texts.contains { $0.contains("root:") })  // the external entity was not loaded
    // The DOCTYPE is dropped before parsing, so the item itself survives without the bombs.
    #expect(batch.articles.map(\.text) == ["Body and end."])
    #expect(batch.articles.first?.metadata.title == "Item with a bomb")
    #expect(batch.articles.first?.metadata.outlet == "Laughing Feed")
  }

  @Test(arguments: ["billion-laughs.xml"])
  func libxml2EntityLimitsHoldEvenWithTheDoctype(_ file: String) throws {
    let bytes = try FormatFixtures.bytes(file)
    let clock = ContinuousClock()
    var root: XMLElement?
    let elapsed = clock.measure { root = XMLParsing.parse(bytes, keepsDoctype: true) }
    #expect(elapsed < .seconds(2))
    #expect((root?.text.utf8.count ?? 0) < 10_000)
  }

  @Test(arguments: [
    (
      "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"]>\">]><rss><channel><title>T</title></channel></rss>",
      "<?xml version=\"1.0\"?><rss><channel><title>T</title></channel></rss>"
    ),
    ("<!DOCTYPE rss SYSTEM 'http://x.example/rss.dtd'><rss/>", "<rss/>"),
    (
      "<rss><description>&lt;!DOCTYPE x&gt;</description></rss>",
      "<rss><description>&lt;!DOCTYPE x&gt;</description></rss>"
    ),
  ])
  func doctypeIsRemovedBeforeParsing(_ input: String, _ expected: String) {
    #expect(
      String(decoding: XMLParsing.withoutDoctype(Array(input.utf8)), as: UTF8.self) == expected)
  }

  @Test(arguments: [
    ("rss2-full-content.xml", true), ("atom.xml", true), ("feed.json", true),
    ("subscriptions.opml", false),
    ("nested-multipart.eml", false),
  ])
  func sniffsFeeds(_ file: String, _ isFeed: Bool) throws {
    #expect(FeedReader.sniff(try FormatFixtures.bytes(file)) == isFeed)
  }

  @Test(arguments: [
    "<rss><channel><title>x</title>", "{\"items\": 3}", "<<<>>>", "<rss version=\"2.0\"></rss>",
  ])
  func brokenFeedIsAnError(_ text: String) {
    #expect(throws: ReadError.self) {
      try FeedReader.read(bytes: Array(text.utf8), source: "broken.xml")
    }
  }

  @Test(arguments: ["subscriptions.opml"])
  func readsOPMLSubscriptions(_ file: String) throws {
    let subscriptions = try OPML.subscriptions(in: try FormatFixtures.bytes(file), source: file)
    #expect(
      subscriptions.map(\.feedURL) == [
        "https://qvgazette.example/feed.xml", "https://courier.example/atom.xml",
        "https://oakhurst.example/feed.json",
      ])
    #expect(subscriptions.first?.title == "Quarry Valley Gazette")
    #expect(subscriptions.first?.siteURL == "https://qvgazette.example/")
  }

  /// A feed of more items than the limit reads the first ones and says how many it left out
  /// (a feed of 100,000 items used to take minutes to ingest; issue 22).
  @Test(.bug(id: 22)) func feedPastTheItemLimitIsCutWithAWarning() {
    let count = FeedItem.itemLimit + 5
    let items = (0..<count).map { number in
      "<item><title>Item \(number)</title><description>Berth \(number) reopens, said Tomas Brenner."
        + "</description></item>"
    }
    let feed =
      #"<?xml version="1.0"?><rss version="2.0"><channel><title>Kelmar Post</title>"#
      + items.joined() + "</channel></rss>"
    let batch = FeedReader.readBatch(bytes: Array(feed.utf8), source: "long.xml")
    #expect(batch.articles.count == FeedItem.itemLimit)
    #expect(batch.articles.last?.metadata.title == "Item \(FeedItem.itemLimit - 1)")
    #expect(
      batch.warnings == [
        "long.xml: warning: \(count) items; only the first \(FeedItem.itemLimit) are read "
          + "(the limit for one feed)"
      ])
  }
}
