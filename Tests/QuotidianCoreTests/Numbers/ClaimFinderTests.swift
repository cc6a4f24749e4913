import Testing

@testable import QuotidianCore

@Suite struct ClaimFinderTests {
  struct Case: Sendable, CustomStringConvertible {
    var text: String
    var claim: String
    var value: Double
    var unit: String?
    var qualifier: String?
    var counted: String?
    var description: String { claim }
  }

  static func claims(_ text: String) -> [(String, Double, String?, String?, String?)] {
    let document = Pipeline.standard().run(text: text, published: "2025-12-24")
    return document.claims.map {
      (document.string($0.range), $0.value, $0.unit, $0.qualifier, $0.counted.map(document.string))
    }
  }

  @Test(arguments: [
    Case(
      text: "The fever killed about 12,000 river dolphins during the past decade.",
      claim: "about 12,000 river dolphins", value: 12000, unit: nil, qualifier: "about",
      counted: "river dolphins"),
    Case(
      text: "Velin has deported more than 50 smuggling suspects since May.",
      claim: "more than 50 smuggling suspects", value: 50, unit: nil, qualifier: "more than",
      counted: "smuggling suspects"),
    Case(
      text: "The governor has said at least 17 times since June that the dam is safe.",
      claim: "at least 17 times", value: 17, unit: "times", qualifier: "at least", counted: "times"),
    Case(
      text: "More than 80 percent of Oskar’s exports go north.",
      claim: "More than 80 percent of Oskar’s exports", value: 80, unit: "percent",
      qualifier: "more than", counted: "Oskar’s exports"),
    Case(
      text: "The port will cost $1.2 billion to rebuild.", claim: "$1.2 billion",
      value: 1_200_000_000, unit: "USD", qualifier: nil, counted: nil),
    Case(
      text: "Nearly 40% of voters stayed home.", claim: "Nearly 40% of voters", value: 40,
      unit: "percent", qualifier: "nearly", counted: "voters"),
    Case(
      text: "Two dozen fishing boats were seized.", claim: "Two dozen fishing boats", value: 24,
      unit: nil, qualifier: nil, counted: "fishing boats"),
    Case(
      text: "The raid freed three hostages on the coast.", claim: "three hostages", value: 3,
      unit: nil, qualifier: nil, counted: "hostages"),
    Case(
      text: "Some 1,600 troops were sent to the border.", claim: "Some 1,600 troops", value: 1600,
      unit: nil, qualifier: "about", counted: "troops"),
  ])
  func numbersCarryTheirQualifierUnitAndWhatTheyCount(_ c: Case) {
    let found = Self.claims(c.text)
    let match = found.first { $0.0 == c.claim }
    #expect(match != nil, "no claim \(c.claim) in \(found.map(\.0))")
    #expect(match?.1 == c.value)
    #expect(match?.2 == c.unit)
    #expect(match?.3 == c.qualifier)
    #expect(match?.4 == c.counted)
  }

  @Test(arguments: [
    "The ferry left at 3 p.m. on March 4, 2024.",
    "She finished 17th in the race.",
    "The 35-year-old driver was unhurt.",
    "One of the drivers was unhurt.",
  ])
  func datesTimesOrdinalsAndAgesAreNotClaims(_ text: String) {
    #expect(Self.claims(text).isEmpty, "\(Self.claims(text).map(\.0))")
  }
}
