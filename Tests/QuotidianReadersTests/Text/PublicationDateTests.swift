import Foundation
import QuotidianCore
import Testing

@testable import QuotidianReaders

/// Every stored publication date is a day; a wire dateline and an email's `Date:` header
/// date an article that says nothing else (issue 22, item 6).
@Suite struct PublicationDateTests {
  @Test(arguments: [
    ("2026-11-30T10:00:00Z", "2026-11-30"), ("2026-11-30", "2026-11-30"),
    ("2026-11-30T23:30:00-05:00", "2026-11-30"), ("2026-11-30 08:15", "2026-11-30"),
    ("Mon, 30 Nov 2026 10:00:00 +0000", "2026-11-30"), ("sometime soon", "sometime soon"),
  ])
  func storedPublicationDatesAreDays(_ raw: String, _ day: String) {
    #expect(PublicationDate.normalized(raw) == day)
  }

  @Test func aJSONLinesTimestampIsStoredAsItsDay() throws {
    let line =
      #"{"title": "Pier", "published": "2026-11-30T10:00:00Z", "text": "The pier opened."}"#
    let article = try #require(
      try Readers.read(bytes: Array(line.utf8), source: "a.jsonl", format: .jsonLines).first)
    #expect(article.metadata.published == "2026-11-30")
  }

  @Test func aWireDatelineDatesAnUndatedArticle() throws {
    let text = """
      KELMAR, March 12, 2026 (Kelmar Wire) — The river commission met again on Thursday, and \
      “nothing was settled,” said Rosa Dunmore, its chairwoman.
      """
    let article = try #require(
      try Readers.read(bytes: Array(text.utf8), source: "wire.txt", format: .text).first)
    #expect(article.metadata.published == "2026-03-12")
  }

  @Test func aDatelineWithoutAYearTakesTheLatestSuchDay() {
    let reference = CivilDate(year: 2026, month: 4, day: 2)!
    #expect(
      PublicationDate.dateline(in: "KELMAR, March 12 — The commission met.", reference: reference)
        == "2026-03-12")
    #expect(
      PublicationDate.dateline(in: "KELMAR, May 3 — The commission met.", reference: reference)
        == "2025-05-03")
    #expect(
      PublicationDate.dateline(in: "The commission met on March 12.", reference: reference) == nil)
  }

  @Test func anEmailsDateHeaderDatesTheArticle() throws {
    let mail = """
      From: Harbour Desk <desk@kelmar.example>
      To: readers@kelmar.example
      Subject: Pier reopens
      Date: Tue, 10 Mar 2026 06:30:00 +0100
      MIME-Version: 1.0
      Content-Type: text/plain; charset=utf-8

      The pier reopened on Monday after three weeks of repairs.

      “We are glad to have it back,” said Orla Fenwick, who runs the ferry.
      """
    let article = try #require(
      try Readers.read(bytes: Array(mail.utf8), source: "pier.eml", format: .email).first)
    #expect(article.metadata.published == "2026-03-10")
  }
}
