import Foundation
public import QuotidianCore
import Testing

/// Four short fictional articles, written for the store tests, with hand-placed quotes.
///
/// Dates, outlets and speakers are chosen so every filter has something to keep and
/// something to drop: `railStrike` (2025-04-02T08:30:00Z, "Northern Ledger") is newest, then
/// `harbourPlan` (2025-03-14, "Aldren Gazette"), `budget` (2024-11-30, "ALDREN GAZETTE", one
/// quote without a speaker) and `libraries` (no date, no outlet, "Oskar Vargas" to tell apart
/// from "Claudia Varga").
public enum StoreFixtures {
  public static let harbourPlan = article(
    source: "fixtures/harbour.html", url: "https://gazette.example/2025/03/harbour-plan",
    title: "Council approves harbour plan", published: "2025-03-14", outlet: "Aldren Gazette",
    text: """
      Port Aldren's council approved the harbour plan on Thursday. Mayor Ana María Benítez said \
      the plan would "create hundreds of jobs by next summer". "We will not wait for the \
      ministry," she told reporters. Opposition leader Tomás Ruiz called the vote "a gamble with \
      public money".
      """,
    quotes: [
      (
        "create hundreds of jobs by next summer", "Ana María Benítez", "Mayor Ana María Benítez",
        "said", "partial", "verbBeforeQuote"
      ),
      (
        "We will not wait for the ministry,", "Ana María Benítez", "she", "told", "direct",
        "pronoun"
      ),
      (
        "a gamble with public money", "Tomás Ruiz", "Opposition leader Tomás Ruiz", "called",
        "partial", "partialQuoteSubject"
      ),
    ])

  public static let railStrike = article(
    source: "fixtures/rail.eml", url: "https://ledger.example/rail-strike-week-two",
    title: "Rail strike enters second week", published: "2025-04-02T08:30:00Z",
    outlet: "Northern Ledger",
    text: """
      The rail strike entered its second week on Monday. "Nobody asked the drivers what they \
      think," said Claudia Varga, who leads the drivers' union. Mayor Ana María Benítez urged both \
      sides to return to talks. "The harbour jobs depend on the railway," she said. Varga replied: \
      "We are ready to talk tomorrow."
      """,
    quotes: [
      (
        "Nobody asked the drivers what they think,", "Claudia Varga", "Claudia Varga", "said",
        "direct", "invertedVerb"
      ),
      (
        "The harbour jobs depend on the railway,", "Ana María Benítez", "she", "said", "direct",
        "pronoun"
      ),
      (
        "We are ready to talk tomorrow.", "Claudia Varga", "Varga", ":", "direct", "colonIntroduced"
      ),
    ])

  public static let budget = article(
    source: "fixtures/archive/budget.txt", url: nil, title: "Budget row", published: "2024-11-30",
    outlet: "ALDREN GAZETTE",
    text: """
      Tomás Ruiz said the budget was "written in a hurry". A notice pinned to the door read: \
      "The figures are final."
      """,
    quotes: [
      ("written in a hurry", "Tomás Ruiz", "Tomás Ruiz", "said", "partial", "verbBeforeQuote"),
      ("The figures are final.", nil, nil, nil, "direct", "none"),
    ])

  public static let libraries = article(
    source: "fixtures/notes/libraries.txt", url: nil, title: nil, published: nil, outlet: nil,
    text: "\"Libraries stay open all winter,\" said Oskar Vargas, the regional librarian.",
    quotes: [
      (
        "Libraries stay open all winter,", "Oskar Vargas", "Oskar Vargas", "said", "direct",
        "verbAfterQuote"
      )
    ])

  /// Every fixture, in the order the tests save them.
  public static let all = [harbourPlan, railStrike, budget, libraries]

  /// The fixtures' quotes in the order ``QuotidianStore/Store/quotes(_:)`` returns them:
  /// newest article first, articles without a date last, then text order.
  public static let newestFirst = [railStrike, harbourPlan, budget, libraries]

  /// Builds a result, placing each quote at its first occurrence in `text` (scalar offsets).
  public static func article(
    source: String, url: String?, title: String?, published: String?, outlet: String?, text: String,
    quotes: [(
      text: String, speaker: String?, mention: String?, cue: String?, kind: String, rule: String
    )]
  ) -> ExtractionResult {
    let records = quotes.map { quote in
      let (start, end) = scalarRange(of: quote.text, in: text)
      return ExtractionResult.QuoteRecord(
        text: quote.text, speaker: quote.speaker, speakerMention: quote.mention, cue: quote.cue,
        kind: quote.kind, start: start, end: end, confidence: quote.speaker == nil ? 0 : 0.9,
        rule: quote.rule)
    }
    return ExtractionResult(
      source: source, format: "text", title: title, authors: ["Staff reporter"],
      published: published,
      outlet: outlet, url: url, language: "en", text: text, quotes: records, entities: [])
  }

  /// Scalar offsets of the first occurrence of `needle` in `text`.
  static func scalarRange(of needle: String, in text: String) -> (Int, Int) {
    guard let range = text.range(of: needle) else {
      Issue.record("fixture quote '\(needle)' is not in its text")
      return (0, 0)
    }
    let start = text.unicodeScalars.distance(from: text.startIndex, to: range.lowerBound)
    return (start, start + needle.unicodeScalars.count)
  }
}
