import Foundation
import Testing

@testable import QuotidianCore

/// Dates that were wrong or empty (issue 22, item 6): a verb read as a season, a month
/// without a year, a clock time read as a count, an empty `said`.
@Suite struct DateMistakeTests {
  @Test func willFallByTenPercentIsNotTheAutumn() {
    let text = "“Water use will fall by 10 percent,” said Orla Fenwick of the harbour board."
    let document = Pipeline.standard().run(text: text, published: "2026-03-02")
    #expect(document.dates.allSatisfy { document.string($0.range).lowercased() != "fall" })
    #expect(document.promises.allSatisfy { $0.dueDate == nil })
  }

  @Test func aSeasonAfterATimePrepositionIsStillADate() {
    let document = Pipeline.standard().run(
      text: "The dam will be finished in fall, the minister said.", published: "2026-03-02")
    #expect(document.dates.contains { document.string($0.range) == "fall" })
  }

  @Test func aMonthWithoutAYearNeverBecomesAYearlessValue() {
    let text = "The council will vote in January on the new pier."
    let undated = Pipeline.standard().run(text: text, published: nil)
    #expect(undated.dates.allSatisfy { !$0.value.iso.hasPrefix("--") })
    let dated = Pipeline.standard().run(text: text, published: "2026-11-30")
    #expect(dated.dates.contains { $0.value.iso == "2027-01" })
  }

  @Test(arguments: ["five o'clock", "five o’clock", "5 o'clock"])
  func aClockTimeIsNotAClaim(_ time: String) {
    let document = Pipeline.standard().run(
      text: "The ferry leaves at \(time) every morning, said Orla Fenwick.",
      published: "2026-03-02")
    #expect(document.claims.isEmpty, "\(document.claims.map { document.string($0.range) })")
  }

  @Test func aQuoteWhoseSayingIsUndatedHasNoEmptySaid() throws {
    let result = ExtractionResult(
      document: Pipeline.standard().run(
        text: "“We will rebuild the pier,” said Orla Fenwick.", published: nil),
      article: Article(
        text: "“We will rebuild the pier,” said Orla Fenwick.", source: "pier.txt", format: "text"))
    let json = String(decoding: try JSONEncoder().encode(result), as: UTF8.self)
    #expect(!json.contains("\"said\":{}"))
  }
}
