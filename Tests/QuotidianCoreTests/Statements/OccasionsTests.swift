import Testing

@testable import QuotidianCore

@Suite struct OccasionsTests {
  @Test(arguments: [
    ("finished", "finish"), ("finishes", "finish"), ("finishing", "finish"), ("bridges", "bridg"),
    ("bridge", "bridg"), ("stopped", "stop"), ("promised", "promis"), ("promises", "promis"),
  ])
  func wordFormsShareAStem(_ word: String, _ stem: String) {
    #expect(Occasions.stem(word) == stem)
  }

  @Test(arguments: [
    ("The bridge will be finished by the end of the year", "bridge finished", true),
    ("We will finish the bridges before winter", "bridge finished", true),
    ("The tunnel will be finished next year", "bridge finished", false),
    ("The Brisa bridge opens in May", "Brisa bridge finished", true),
    ("The bridge opens in May", "Brisa bridge finished", false),
    ("Work on the bridge will be completed in May", "bridge finished", true),
  ])
  func topicsMatchByWordFormsNotExactStrings(_ text: String, _ topic: String, _ expected: Bool) {
    #expect(Occasions.matches(text, topic: Occasions.stems(topic)) == expected)
  }

  static func statement(
    _ text: String, _ said: String, byText: Bool, _ article: String, speaker: String = "Lena Varga"
  ) -> Occasions.Statement {
    Occasions.Statement(
      text: text, speaker: speaker, said: said, granularity: "day", isDatedByText: byText,
      article: article)
  }

  @Test func copiesAndLateRewritesAreOneOccasionAndOtherDaysAreOthers() {
    let words = "The Brisa bridge will be finished by the end of the year"
    let occasions = Occasions.group([
      Self.statement(words, "2026-02-03", byText: true, "a"),
      Self.statement(words, "2026-02-03", byText: true, "b"),
      Self.statement(words, "2026-02-05", byText: false, "c"),  // a copy dated by its article
      Self.statement(words, "2026-03-12", byText: true, "d"),  // the same words, another day
      Self.statement(
        "The bridge will never be finished this year", "2026-02-03", byText: true, "e",
        speaker: "Piet Aros"),
    ])
    #expect(occasions.map(\.date) == ["2026-02-03", "2026-02-03", "2026-03-12"])
    #expect(occasions.first { $0.speaker == "Lena Varga" }?.articles == ["a", "b", "c"])
  }

  @Test func aRewriteThatAlteredTheQuoteIsTheSameOccasion() {
    let original = Occasions.Statement(
      text: "We will finish the harbour wall before the winter storms", speaker: "Mara Quist",
      said: "2026-03-02", granularity: "day", isDatedByText: true, article: "wire.txt",
      report: "1:0")
    // Published a week later, in other words: without the link, a second occasion.
    let rewrite = Occasions.Statement(
      text: "We won't finish the wall this winter", speaker: "Mara Quist", said: "2026-03-09",
      granularity: "day", isDatedByText: false, article: "rewrite.txt", report: "1:0",
      isAltered: true)
    let unlinked = Occasions.Statement(
      text: rewrite.text, speaker: rewrite.speaker, said: rewrite.said,
      granularity: rewrite.granularity, isDatedByText: false, article: "other.txt")
    let occasions = Occasions.group([original, rewrite])
    #expect(occasions.count == 1)
    #expect(occasions.first?.articles == ["rewrite.txt", "wire.txt"])
    #expect(occasions.first?.alteredIn == ["rewrite.txt"])
    #expect(occasions.first?.quote == original.text, "the unaltered words speak for it")
    #expect(Occasions.group([original, unlinked]).count == 2)
  }

  static func vague(
    _ text: String, _ said: String, _ granularity: String, _ article: String,
    speaker: String = "Odile Fenn"
  ) -> Occasions.Statement {
    Occasions.Statement(
      text: text, speaker: speaker, said: said, granularity: granularity, isDatedByText: true,
      article: article)
  }

  @Test func aWeekOrMonthJoinsTheDayItContainsAndNoOther() {
    let words = "The trams will run on the harbour line by April"
    // "This week" from a weekly, the day from a daily: one occasion, whichever comes first.
    let merged = Occasions.group([
      Self.vague(words, "2026-05-11/2026-05-17", "week", "weekly.txt"),
      Self.statement(words, "2026-05-11", byText: true, "daily.txt", speaker: "Odile Fenn"),
      Self.vague(words, "2026-05", "month", "monthly.txt"),
    ])
    #expect(merged.map(\.date) == ["2026-05-11"])
    #expect(merged.first?.articles == ["daily.txt", "monthly.txt", "weekly.txt"])
    // A day of the same month outside the week is another occasion.
    let apart = Occasions.group([
      Self.vague(words, "2026-05-11/2026-05-17", "week", "weekly.txt"),
      Self.statement(words, "2026-05-28", byText: true, "daily.txt", speaker: "Odile Fenn"),
    ])
    #expect(apart.count == 2)
    #expect(apart.compactMap(\.date) == ["2026-05-28"])
  }

  @Test func aQuoteDatedOnlyByItsArticleTakesTheDayItsArticleGives() {
    // "Fenn said on Monday in a radio interview that …", then "“…,” Fenn said in the interview."
    let reported = Self.statement(
      "the harbour tram line would still open by April", "2026-06-01", byText: true, "radio.txt",
      speaker: "Odile Fenn")
    let quote = Self.statement(
      "The trams will run on the harbour line by April, whatever the council says", "2026-06-02",
      byText: false, "radio.txt", speaker: "Odile Fenn")
    let occasions = Occasions.group([reported, quote])
    #expect(occasions.map(\.date) == ["2026-06-01"])
    #expect(occasions.first?.members.count == 2)
    // The same words in another article, dated by that article: not this article's occasion.
    var elsewhere = quote
    elsewhere.article = "other.txt"
    #expect(Occasions.group([reported, elsewhere]).count == 2)
  }
}
