import Testing

@testable import QuotidianReaders

/// Header lines that used to stay in the body (issue 11).
@Suite struct MetadataLineTests {
  static func read(_ text: String) throws -> (
    title: String?, authors: [String], outlet: String?, published: String?, body: String
  ) {
    let article = try #require(
      try Readers.read(bytes: Array(text.utf8), source: "a.txt", format: .text).first)
    return (
      article.metadata.title, article.metadata.authors, article.metadata.outlet,
      article.metadata.published, article.text
    )
  }

  @Test(.bug(id: 11))
  func aBylineOutletDateLineAfterAStandfirstIsParsedAndRemoved() throws {
    let article = try Self.read(
      """
      The keeper of the northern light

      Oskar Lind has tended the lighthouse for thirty years. Now the council wants to automate it.

      By Ilse Marchetti | Highland Weekly | March 17, 2026

      "The lamp has never gone out," said Oskar Lind.
      """)
    #expect(article.title == "The keeper of the northern light")
    #expect(article.authors == ["Ilse Marchetti"])
    #expect(article.outlet == "Highland Weekly")
    #expect(article.published == "2026-03-17")
    #expect(article.body.hasPrefix("Oskar Lind has tended"), "the standfirst stays in the text")
    #expect(!article.body.contains("Highland Weekly"))
  }

  @Test(.bug(id: 11))
  func anOutletSectionDateLineIsParsed() throws {
    let article = try Self.read(
      """
      Ferry fares rise for the first time in a decade

      The Delta Courier | Online | March 12, 2026

      "It was overdue," said Mira Calloway.
      """)
    #expect(article.outlet == "The Delta Courier" && article.published == "2026-03-12")
    #expect(article.body == #""It was overdue," said Mira Calloway."#)
  }

  @Test(.bug(id: 11))
  func aWireDatelineGivesTheOutletAndLeavesTheText() throws {
    let article = try Self.read(
      """
      Port Alder ferry back in service

      By Nadia Fenwick

      PORT ALDER, March 12 (Meridian Wire) - The ferry returned to service on Thursday.
      """)
    #expect(article.outlet == "Meridian Wire")
    #expect(article.body == "The ferry returned to service on Thursday.")
  }

  @Test(.bug(id: 11))
  func aCorrespondentBylineWithAPlaceIsParsed() throws {
    let article = try Self.read(
      """
      Storm closes the harbour

      From Harriet Ashdown in Kelmar
      Saturday 21 March 2026

      The harbour closed at noon.
      """)
    #expect(article.authors == ["Harriet Ashdown"] && article.published == "2026-03-21")
  }

  @Test(.bug(id: 11))
  func oneStrayLineAboveTheTitleDoesNotShiftTheFields() throws {
    let article = try Self.read(
      """
      Advertisement

      Everything in the ferry dispute turns on one word

      By Rafael Quintero Haas
      March 18, 2026

      In 1987 the negotiators argued late into the night.
      """)
    #expect(article.title == "Everything in the ferry dispute turns on one word")
    #expect(article.authors == ["Rafael Quintero Haas"] && article.published == "2026-03-18")
    #expect(article.body == "In 1987 the negotiators argued late into the night.")
  }
}
