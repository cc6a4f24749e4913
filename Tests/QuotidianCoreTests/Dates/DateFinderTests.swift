import Testing

@testable import QuotidianCore

@Suite struct DateFinderTests {
  struct Case: Sendable, CustomStringConvertible {
    var text: String
    var published: String?
    /// The date phrase and its normalised value.
    var phrase: String
    var value: String
    var granularity: String
    var description: String { "\(phrase) in \(text.prefix(50))" }
  }

  static func dates(_ text: String, published: String?) -> [(String, String, String)] {
    let document = Pipeline.standard().run(text: text, published: published)
    return document.dates.map {
      (document.string($0.range), $0.value.iso, $0.value.granularity.name)
    }
  }

  static func check(_ c: Case) {
    let found = dates(c.text, published: c.published)
    let match = found.first { $0.0 == c.phrase }
    #expect(match != nil, "no date \(c.phrase) in \(found)")
    #expect(match?.1 == c.value)
    #expect(match?.2 == c.granularity)
  }

  @Test(arguments: [
    Case(
      text: "The ferry sank on March 4, 2024, off Velin Point.", published: nil,
      phrase: "March 4, 2024", value: "2024-03-04", granularity: "day"),
    Case(
      text: "Talks resumed on Dec. 6, 2025 in Oskar.", published: nil, phrase: "Dec. 6, 2025",
      value: "2025-12-06", granularity: "day"),
    Case(
      text: "The council met on 6 December 2025.", published: nil, phrase: "6 December 2025",
      value: "2025-12-06", granularity: "day"),
    Case(
      text: "The filing is dated 2025-12-06 and signed.", published: nil, phrase: "2025-12-06",
      value: "2025-12-06", granularity: "day"),
    Case(
      text: "The mill closed in March 2026 after a fire.", published: nil, phrase: "March 2026",
      value: "2026-03", granularity: "month"),
    Case(
      text: "The dam opened in 1998, the ministry said.", published: nil, phrase: "1998",
      value: "1998", granularity: "year"),
    Case(
      text: "The harbour was busier in the 1990s.", published: nil, phrase: "the 1990s",
      value: "1990/1999", granularity: "year"),
  ])
  func absoluteDatesAreNormalised(_ c: Case) { Self.check(c) }

  @Test(arguments: [
    // The article is dated Wednesday 2025-12-24.
    Case(
      text: "On December 6, a truck hit the toll gate at Brisa.", published: "2025-12-24",
      phrase: "December 6", value: "2025-12-06", granularity: "day"),
    Case(
      text: "The mayor spoke on Tuesday at the depot.", published: "2025-12-24", phrase: "Tuesday",
      value: "2025-12-23", granularity: "day"),
    Case(
      text: "Rain closed the pass yesterday.", published: "2025-12-24", phrase: "yesterday",
      value: "2025-12-23", granularity: "day"),
    Case(
      text: "She rejected the plan last month.", published: "2025-12-24", phrase: "last month",
      value: "2025-11", granularity: "month"),
    Case(
      text: "The mine has flooded twice since September.", published: "2025-12-24",
      phrase: "since September", value: "2025-09/..", granularity: "month"),
    Case(
      text: "Oskar has returned 40 fugitives since February.", published: "2025-12-24",
      phrase: "since February", value: "2025-02/..", granularity: "month"),
    Case(
      text: "The tunnel opens next year.", published: "2025-12-24", phrase: "next year",
      value: "2026", granularity: "year"),
    Case(
      text: "Exports fell last week.", published: "2025-12-24", phrase: "last week",
      value: "2025-12-15/2025-12-21", granularity: "week"),
    Case(
      text: "The strike began three weeks ago.", published: "2025-12-24", phrase: "three weeks ago",
      value: "2025-12-01/2025-12-07", granularity: "week"),
    Case(
      text: "Deaths rose during the past decade.", published: "2025-12-24",
      phrase: "the past decade", value: "2015/2025", granularity: "year"),
    Case(
      text: "Now in the second year of her six-year term, she is popular.", published: "2025-12-24",
      phrase: "the second year of her six-year term", value: "2025", granularity: "year"),
    Case(
      text: "The rebels were seen in February, the army said.", published: "2025-12-24",
      phrase: "February", value: "2025-02", granularity: "month"),
    Case(
      text: "The vote will take place in February.", published: "2025-12-24", phrase: "February",
      value: "2026-02", granularity: "month"),
    Case(
      text: "The station will close on Friday.", published: "2025-12-24", phrase: "Friday",
      value: "2025-12-26", granularity: "day"),
    Case(
      text: "The works will be finished by the end of the year.", published: "2025-03-10",
      phrase: "by the end of the year", value: "2025-12", granularity: "month"),
    Case(
      text: "The line will reopen within six months.", published: "2026-01-15",
      phrase: "within six months", value: "2026-07-15", granularity: "day"),
    Case(
      text: "The roof will be done before the summer.", published: "2026-01-15",
      phrase: "before the summer", value: "2026-06/2026-08", granularity: "month"),
    Case(
      text: "The port was shut from March 3 to 5.", published: "2025-12-24",
      phrase: "from March 3 to 5", value: "2025-03-03/2025-03-05", granularity: "day"),
    Case(
      text: "He served for six years on the board.", published: "2025-12-24",
      phrase: "for six years", value: "P6Y", granularity: "duration"),
  ])
  func relativeDatesCountFromTheArticleDate(_ c: Case) { Self.check(c) }

  @Test(arguments: [
    "Officials may approve the plan.",
    "The march through Velin drew thousands.",
    "August Brenner said the dam was safe.",
    "The 35-year-old driver was unhurt.",
  ])
  func wordsThatLookLikeMonthsAreNotDates(_ text: String) {
    #expect(Self.dates(text, published: "2025-12-24").isEmpty)
  }

  @Test func relativeDatesNeedAnArticleDate() {
    #expect(Self.dates("She rejected the plan last month.", published: nil).isEmpty)
  }

  @Test(arguments: [
    ("2024-02-29", 2024, 2, 29, 4), ("1970-01-01", 1970, 1, 1, 4), ("2025-12-24", 2025, 12, 24, 3),
  ])
  func civilDatesRoundTripThroughDayNumbers(
    _ iso: String, _ y: Int, _ m: Int, _ d: Int, _ weekday: Int
  ) {
    let date = CivilDate(iso: iso)
    #expect(date == CivilDate(year: y, month: m, day: d))
    #expect(date.map { CivilDate(dayNumber: $0.dayNumber) } == date)
    #expect(date?.weekday == weekday)
  }
}
