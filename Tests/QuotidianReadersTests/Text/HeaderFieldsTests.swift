import Testing

@testable import QuotidianReaders

@Suite struct HeaderFieldsTests {
  @Test(arguments: [
    ("December 24, 2025", "2025-12-24"),
    ("Dec. 4, 2025", "2025-12-04"),
    ("4 March 2026", "2026-03-04"),
    ("Published March 3, 2026", "2026-03-03"),
    ("Wednesday, December 24, 2025", "2025-12-24"),
    ("March 3, 2026 at 5:30 p.m. ET", "2026-03-03"),
    ("2026-03-03", "2026-03-03"),
    ("2026-03-03T08:15:00Z", "2026-03-03"),
  ])
  func parsesDates(_ line: String, _ expected: String) {
    #expect(HeaderFields.isoDate(in: line) == expected)
  }

  @Test(arguments: [
    "March 3 was a cold day in Port Alder.", "2026-13-40",
    "The vote of December 24, 2025 was close.", "News",
    "Sept. 41, 2025",
  ])
  func rejectsNonDates(_ line: String) {
    #expect(HeaderFields.isoDate(in: line) == nil)
  }

  @Test(arguments: [
    ("Nick Vale", ["Nick Vale"]),
    ("By Jane Roe", ["Jane Roe"]),
    ("Jane Roe and Oskar Lind", ["Jane Roe", "Oskar Lind"]),
    (
      "Ana de la Cruz, Tomas Reyne and J. P. Holm", ["Ana de la Cruz", "Tomas Reyne", "J. P. Holm"]
    ),
  ])
  func readsPersonNames(_ line: String, _ expected: [String]) {
    #expect(HeaderFields.personNames(line) == expected)
  }

  @Test(arguments: ["The Alder Post", "In the harbor", "Ferry schedule 2026", "the council voted"])
  func rejectsNonNames(_ line: String) {
    #expect(HeaderFields.personNames(line) == nil)
  }

  @Test(arguments: [
    ("The Alder Post", HeaderFields.Field.outlet("The Alder Post")),
    ("alderpost.news", .outlet("alderpost.news")),
    ("Opinion", .section),
    ("By Jane Roe | March 3, 2026", .byline(authors: ["Jane Roe"], date: "2026-03-03")),
    ("Greta Holm", .byline(authors: ["Greta Holm"], date: nil)),
  ])
  func classifiesHeaderLines(_ line: String, _ expected: HeaderFields.Field) {
    #expect(HeaderFields.classify(line, haveAuthors: false) == expected)
  }

  @Test func capitalisedLineAfterAuthorsIsTheOutlet() {
    #expect(HeaderFields.classify("Harbor Weekly", haveAuthors: true) == .outlet("Harbor Weekly"))
    #expect(HeaderFields.classify("Coast Letters", haveAuthors: true) == .outlet("Coast Letters"))
  }
}
