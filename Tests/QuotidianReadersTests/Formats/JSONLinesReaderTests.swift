import QuotidianCore
import Testing

@testable import QuotidianReaders

@Suite struct JSONLinesReaderTests {
  static let good1 =
    #"{"title": "Ferry timetable changes", "text": "The ferry will run every forty minutes, the operator said.", "url": "https://tide.example/ferry", "published": "2026-03-16", "outlet": "Morning Tide", "authors": ["Lena Brink", "Omar Castel"]}"#
  static let good2 =
    #"{"html": "<p>\"We will lose trade,\" said café owner Bruno Saltvik.</p>", "title": "Café owners oppose plan", "author": "Valley Desk"}"#

  @Test(arguments: [[good1, "{not json", good2, "[1, 2]", #"{"title": "no body"}"#, "", "   "]])
  func badLinesAreErrorsNamingTheLine(_ lines: [String]) {
    let bytes = Array(lines.joined(separator: "\n").utf8)
    let batch = JSONLinesReader.readBatch(bytes: bytes, source: "feed.jsonl")
    #expect(batch.articles.count == 2)
    #expect(
      batch.errors.map(\.source) == ["feed.jsonl:line 2", "feed.jsonl:line 4", "feed.jsonl:line 5"])
    #expect(
      batch.errors.map(\.description).first == "feed.jsonl:line 2: error: malformed: not valid JSON"
    )
  }

  @Test(arguments: [good1])
  func readsTextLineWithExactMetadata(_ line: String) throws {
    let articles = try JSONLinesReader.read(bytes: Array(line.utf8), source: "a.jsonl")
    #expect(articles.count == 1)
    #expect(articles[0].text == "The ferry will run every forty minutes, the operator said.")
    #expect(
      articles[0].metadata
        == ArticleMetadata(
          title: "Ferry timetable changes", authors: ["Lena Brink", "Omar Castel"],
          published: "2026-03-16",
          outlet: "Morning Tide", url: "https://tide.example/ferry"))
    #expect(articles[0].source == "a.jsonl:line 1")
    #expect(articles[0].format == "jsonl")
  }

  @Test(arguments: [good2])
  func readsHTMLLine(_ line: String) throws {
    let article = try #require(
      try JSONLinesReader.read(bytes: Array(line.utf8), source: "b.jsonl").first)
    #expect(article.text.contains("\"We will lose trade,\" said café owner Bruno Saltvik."))
    #expect(!article.text.contains("<p>"))
    #expect(article.metadata.title == "Café owners oppose plan")
    #expect(article.metadata.authors == ["Valley Desk"])
  }

  @Test(arguments: ["", "\n\n", "{broken"])
  func nothingReadableThrows(_ text: String) {
    #expect(throws: ReadError.self) {
      _ = try JSONLinesReader.read(bytes: Array(text.utf8), source: "c.jsonl")
    }
  }

  @Test(arguments: [(good1, true), (#"{"a": 1}"#, false), ("plain text", false)])
  func sniffsJSONLines(_ text: String, _ expected: Bool) {
    #expect(JSONLinesReader.sniff(Array(text.utf8)) == expected)
  }
}
