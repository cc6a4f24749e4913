import QuotidianTestSupport
import Testing

@testable import QuotidianCore

@Suite struct QuoteFinderTests {
  struct Case: Sendable, CustomStringConvertible {
    var text: String
    var expected: [String]
    var description: String { String(text.prefix(40)) }
  }

  static func found(_ text: String) -> [String] {
    let document = DocumentBuilder(text).prepared(for: "quotes")
    let (quotes, _) = QuoteFinder().quotes(in: document)
    return quotes.map { document.string($0.content) }
  }

  @Test(arguments: [
    Case(text: "“The bridge is safe,” said Mara Quell.", expected: ["The bridge is safe,"]),
    Case(text: "\"The bridge is safe,\" said Mara Quell.", expected: ["The bridge is safe,"]),
    Case(text: "Mayor says ‘no more delays’ on tram line", expected: ["no more delays"]),
  ])
  func curlyStraightAndSingleMarksAreQuotes(_ c: Case) {
    #expect(Self.found(c.text) == c.expected)
  }

  @Test(
    .bug(id: 7),
    arguments: [
      Case(
        text: "''The bridge is safe,'' said Mara Quell. ''We checked every cable.''",
        expected: ["The bridge is safe,", "We checked every cable."]),
      Case(
        text: "Mara Quell said the repairs were ''long overdue and badly planned'' by the council.",
        expected: ["long overdue and badly planned"]),
    ])
  func doubledApostrophesAreDoubleMarks(_ c: Case) {
    #expect(Self.found(c.text) == c.expected)
  }

  @Test(
    .bug(id: 7),
    arguments: [
      Case(
        text:
          "<tweet id=\"12345678\" author=\"@maraquell\" datetime=\"2026-03-02\">The bridge is open</tweet>. “It held,” Mara Quell said.",
        expected: ["It held,"])
    ])
  func markupAttributesAreNotQuotes(_ c: Case) {
    #expect(Self.found(c.text) == c.expected)
  }

  @Test(arguments: [
    Case(
      text: "“We don’t agree,” said Tomas Brey, who recalled the ’90s and Jones’ farm.",
      expected: ["We don’t agree,"])
  ])
  func apostrophesAreNotMarks(_ c: Case) {
    #expect(Self.found(c.text) == c.expected)
  }

  @Test(arguments: [
    Case(
      text:
        "Ana Ruiz said:\n\n“The first part of the plan is done.\n\n“The second part starts in May.”\n\nThe council met later.",
      expected: ["The first part of the plan is done.\n\n“The second part starts in May."])
  ])
  func quoteOverSeveralParagraphsIsOneUnit(_ c: Case) {
    #expect(Self.found(c.text) == c.expected)
  }

  @Test(arguments: [
    Case(
      text: "“When I build,” Ivo Sand said, “I build to last.”",
      expected: ["When I build,", "I build to last."])
  ])
  func splitQuoteIsTwoUnits(_ c: Case) {
    #expect(Self.found(c.text) == c.expected)
  }

  @Test(arguments: [
    Case(
      text: "Councillor Pia Lind said the budget was “a disgrace” and would fail.",
      expected: ["a disgrace"]),
    Case(
      text: "“He told me, ‘Never again,’ and left,” said Rosa Penn.",
      expected: ["He told me, ‘Never again,’ and left,"]),
    Case(
      text: "The coach added: “We train again tomorrow.”", expected: ["We train again tomorrow."]),
  ])
  func partialNestedAndColonQuotes(_ c: Case) {
    #expect(Self.found(c.text) == c.expected)
  }

  @Test(arguments: [
    Case(text: "The band played the song “Harbour Lights” at the fair.", expected: []),
    Case(text: "The striker, known as “the Hammer,” scored twice.", expected: []),
    Case(text: "The town launched a campaign with the slogan “Clean streets now.”", expected: []),
    Case(text: "The group was officially labeled “a public nuisance.”", expected: []),
    Case(text: "Residents cleared the park in a “community tidy” event on Sunday.", expected: []),
    Case(text: "The word “resilience” appears on every poster.", expected: []),
  ])
  func namesTitlesAndTermsAreNotSpeech(_ c: Case) {
    #expect(Self.found(c.text) == c.expected)
  }

  @Test(arguments: [
    Case(
      text: "“This never closes. " + String(repeating: "More words here. ", count: 20)
        + "\n\nNext paragraph has no quote.",
      expected: [
        "This never closes. " + String(repeating: "More words here. ", count: 19)
          + "More words here."
      ])
  ])
  func unclosedMarkEndsAtItsParagraph(_ c: Case) {
    let found = Self.found(c.text)
    #expect(found == c.expected)
  }

  @Test(arguments: [
    Case(
      text:
        "The council approved the designation of the old mill as a “protected landmark.” Critics later called the mill a “landmark,” Ivo Sand said.",
      expected: [])
  ])
  func designationsAndTheirEchoesAreNotSpeech(_ c: Case) {
    #expect(Self.found(c.text) == c.expected)
  }

  @Test(arguments: [
    Case(
      text:
        "The county unveiled a new road-safety slogan on Monday.\n\nThe slogan? “Slow down. We mean it.”\n\nDrivers mocked the “Slow down. We mean it.” billboards all week, and “Slow Down. We Mean It.” trended online.",
      expected: []),
    Case(
      text:
        "Officials defended their “Clean Streets, Clear Minds” campaign. “It is working,” Mayor Ada Brook said.",
      expected: ["It is working,"]),
  ])
  func slogansAnnouncedOrModifyingANamingNounAreNotSpeech(_ c: Case) {
    #expect(Self.found(c.text) == c.expected)
  }

  @Test(arguments: [
    Case(
      text: "“She has to keep her party calm,” Lena Varga said. “Not unlike him.”",
      expected: ["She has to keep her party calm,", "Not unlike him."]),
    Case(
      text:
        "The port faces “steady pressure” from the north, the harbour official said: “We will manage, as always.”",
      expected: ["steady pressure", "We will manage, as always."]),
  ])
  func shortQuotesNextToAttributedSpeechAreKept(_ c: Case) {
    #expect(Self.found(c.text) == c.expected)
  }

  @Test func repeatedUnclosedMarksAreBounded() {
    let text = String(repeating: "He said \u{201C}maybe. ", count: 1000)
    let document = DocumentBuilder(text).prepared(for: "quotes")
    let (quotes, _) = QuoteFinder().quotes(in: document)
    #expect(quotes.count == 1000)
    #expect(
      quotes.allSatisfy {
        !$0.hasClosingMark && $0.span.utf8Count <= QuoteFinder.maxUnclosedUTF8Count
      })
    #expect(document.string(quotes[0].content) == "maybe. He said")
  }

  @Test func unclosedQuoteInALongParagraphKeepsTheSentencesThatFit() {
    let text =
      "Dana Kell said “the dam will hold. "
      + String(repeating: "Water rose again overnight in the valley. ", count: 40)
    let found = Self.found(text)
    #expect(found.count == 1)
    #expect(
      found.first.map {
        $0.hasPrefix("the dam will hold.") && $0.utf8.count <= QuoteFinder.maxUnclosedUTF8Count
      } == true)
  }
}
