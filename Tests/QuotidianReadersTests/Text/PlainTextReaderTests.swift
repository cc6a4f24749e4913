import QuotidianCore
import Testing

@testable import QuotidianReaders

@Suite struct PlainTextReaderTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var fixture: String
    var title: String?
    var authors: [String]
    var published: String?
    var outlet: String?
    var description: String?
    var mustContain: [String]
    var mustNotContain: [String]
    var testDescription: String { fixture }
  }

  static let cases: [Case] = [
    Case(
      fixture: "webtext-ferry-vote.txt",
      title: "Port Alder Council Extends Winter Ferry Despite Fishermen's Objections",
      authors: ["Greta Holm"],
      published: nil, outlet: nil,
      description: "Island crossing will run all year after a narrow vote",
      mustContain: [
        "The Port Alder town council voted four to three", "\n\nA close vote\n\n",
        "\n\nWhat the fishermen want\n\n",
        "\"This is a promise kept,\" he said",
      ],
      mustNotContain: ["Greta Holm", "Island crossing will run", "Despite Fishermen", "News\n"]),
    Case(
      fixture: "webtext-byline-date.txt", title: "Lighthouse Keeper Retires After Forty Years",
      authors: ["Jane Roe", "Oskar Lind"], published: "2026-03-03", outlet: "The Alder Post",
      description: nil,
      mustContain: [
        "Edda Marsh climbed the 112 steps", "\"I will miss the stairs least of all,\" she said.",
      ],
      mustNotContain: ["By Jane Roe", "The Alder Post", "Lighthouse Keeper Retires"]),
    Case(
      fixture: "plain-no-header.txt", title: nil, authors: [], published: nil, outlet: nil,
      description: nil,
      mustContain: ["Remember the old ferry to Gullrock?\n\n(Nobody in Port Alder"],
      mustNotContain: []),
  ]

  @Test(arguments: cases)
  func readsHeaderAndText(_ item: Case) throws {
    let article = try #require(try Readers.read(fileAt: Fixture.path(item.fixture)).first)
    #expect(article.format == "text")
    #expect(article.metadata.title == item.title)
    #expect(article.metadata.authors == item.authors)
    #expect(article.metadata.published == item.published)
    #expect(article.metadata.outlet == item.outlet)
    #expect(article.metadata.description == item.description)
    for expected in item.mustContain {
      #expect(article.text.contains(expected), "missing \(expected)")
    }
    for unwanted in item.mustNotContain {
      #expect(!article.text.contains(unwanted), "kept \(unwanted)")
    }
  }

  @Test func plainArticleComesThroughUnchanged() throws {
    let bytes = try Fixture.bytes("plain-no-header.txt")
    let article = try #require(try Readers.read(bytes: bytes, source: "plain.txt").first)
    let original = String(decoding: bytes, as: UTF8.self)
    #expect(article.text == original.trimmingCharacters(in: .whitespacesAndNewlines))
  }

  @Test(arguments: [
    ("  First line.\r\nSecond line.\r\n\r\nThird.\r\n", "First line.\nSecond line.\n\nThird."),
    ("Old Mac line.\rNext line.\r", "Old Mac line.\nNext line."),
    ("\u{FEFF}With a byte-order mark.", "With a byte-order mark."),
  ])
  func normalisesLineEndingsAndTrims(_ input: String, _ expected: String) throws {
    let article = try #require(try Readers.read(bytes: Array(input.utf8), source: "x.txt").first)
    #expect(article.text == expected)
  }
}
