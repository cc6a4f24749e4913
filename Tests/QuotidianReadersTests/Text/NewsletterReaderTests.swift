import QuotidianCore
import Testing

@testable import QuotidianReaders

@Suite struct NewsletterReaderTests {
  static let fixture = "newsletter-harbor-ferry.txt"

  func article() throws -> Article {
    let articles = try Readers.read(fileAt: Fixture.path(Self.fixture))
    #expect(articles.count == 1)
    return try #require(articles.first)
  }

  @Test func detectsNewsletterFormat() throws {
    #expect(try article().format == "newsletter")
  }

  @Test func extractsHeaderMetadata() throws {
    let metadata = try article().metadata
    #expect(metadata.title == "HARBOR FERRY RETURNS TO PORT ALDER")
    #expect(metadata.authors == ["Greta Holm"])
    #expect(metadata.published == "2026-03-03")
    #expect(metadata.outlet == "The Alder Post")
    #expect(
      metadata.description
        == "After two years of repairs, the island crossing is running again, and the town is divided over how often."
    )
  }

  @Test(arguments: [
    "The first ferry of the season left Port Alder at dawn on Monday, carrying forty passengers",
    "said the crossing was \u{201C}the calmest in a decade.\u{201D}",
    "The town council voted last week to extend the ferry schedule through the winter",
    "tore the old pier from its pilings.",
    "the cooperative has asked for a study.",
    "2.4 million crowns, with the rest raised by a levy",
    "known locally as the gull tax, brought in",
    "\u{201C}If not, we will have learned something.\u{201D}",
  ])
  func keepsArticleText(_ expected: String) throws {
    #expect(try article().text.contains(expected))
  }

  @Test(arguments: [
    "link removed", "HARBOR FERRY RETURNS", "Greta Holm", "March 3, 2026",
    "After two years of repairs",
    "Credit:", "Petra Lund", "Jonas Berg", "A ferry leaving the harbor",
    "The ferry Saltwren leaves", "Photo:",
    "covers the coast", "* Ferries", "READ THE COAST", "Submit via web", "Manage subscription",
    "unsubscribe", "_", "\n*",
  ])
  func dropsNoise(_ unwanted: String) throws {
    #expect(!(try article().text.contains(unwanted)))
  }

  @Test func rejoinsHardWrappedParagraphs() throws {
    let paragraphs = try article().text.components(separatedBy: "\n\n")
    #expect(paragraphs.count == 7)
    #expect(paragraphs.allSatisfy { !$0.contains("\n") && !$0.contains("  ") })
    #expect(paragraphs.first?.hasPrefix("The first ferry") == true)
    #expect(paragraphs.first?.hasSuffix("\u{201C}the calmest in a decade.\u{201D}") == true)
    #expect(
      paragraphs[2]
        == "Not everyone is pleased. Fishermen worry that more crossings will crowd the narrow channel, and the cooperative has asked for a study."
    )
    #expect(paragraphs.last?.hasPrefix("Varga said the council") == true)
  }

  @Test func splitsGluedDropCap() throws {
    #expect(try article().text.contains("\n\nI walked along the new pier"))
  }

  @Test(arguments: [
    ("Itraveled to the coast.", "I traveled to the coast."),
    ("Imet the mayor.", "I met the mayor."),
    ("Indeed the mayor came.", "Indeed the mayor came."),
    ("Italy voted.", "Italy voted."),
    ("Inspired by the vote, she ran.", "Inspired by the vote, she ran."),
    ("Ilya Sorin said no.", "Ilya Sorin said no."),
  ])
  func dropCapRepairIsConservative(_ input: String, _ expected: String) {
    let fixed = NewsletterCleaner.fixingDropCap(Array(input.utf8))
    #expect(String(decoding: fixed, as: UTF8.self) == expected)
  }

  @Test(arguments: [
    ("the _gull tax_ rose", "the gull tax rose"),
    ("keep snake_case words", "keep snake_case words"),
    ("_Jane Roe_ wrote", "Jane Roe wrote"),
  ])
  func stripsItalicUnderscores(_ input: String, _ expected: String) {
    #expect(
      String(decoding: NewsletterCleaner.strippingItalics(Array(input.utf8)), as: UTF8.self)
        == expected)
  }

  @Test(arguments: [
    ("Mayor Ilse Varga, (Credit: Petra Lund)", true),
    ("The ferry at dawn. (Jonas Berg / Alder Images)", true),
    ("Crowds at the pier. (AP Photo/Jan Ek)", true),
    ("The vote was close (four to three)", false),
    ("He said it was fine.", false),
  ])
  func recognisesCaptionCredits(_ paragraph: String, _ isCaption: Bool) {
    #expect(NewsletterCleaner.isCaptionOrArt(Array(paragraph.utf8)) == isCaption)
  }

  @Test(arguments: [
    ("Council votes.\n[[link removed]]\nMore text here.", "Council votes.\n\nMore text here."),
    ("The mayor spoke [[link removed]] at length.", "The mayor spoke at length."),
    ("The mayor spoke [link removed], briefly.", "The mayor spoke, briefly."),
  ])
  func removesMarkersAnywhere(_ input: String, _ expected: String) {
    #expect(NewsletterCleaner.clean(Array(input.utf8)).text == expected)
  }

  @Test func unwrappedLinesStayParagraphs() {
    let input = """
      The council met on Monday and voted to keep the ferry running through the whole of the winter season.
      Fishermen objected to the plan at length, saying the channel was already crowded with boats in summer.
      The mayor said a review would follow in the spring, once the numbers from the first months are known.
      A study of the channel will be published by the cooperative before the review takes place next year.
      """
    let text = NewsletterCleaner.clean(Array(input.utf8)).text
    #expect(text.components(separatedBy: "\n\n").count == 4)
  }
}
