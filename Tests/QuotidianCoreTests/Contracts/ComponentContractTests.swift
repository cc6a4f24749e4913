import QuotidianTestSupport
import Testing

@testable import QuotidianCore

/// Every component on hostile text: never traps, ranges in bounds and on scalar
/// boundaries, layers sorted, quotes bounded.
@Suite struct ComponentContractTests {
  static let hostile: [String] = [
    "",
    "\u{FEFF}“Hello,” she said.",
    "“Line one,” he said.\r\n\r\n“Line two.”\r\n",
    "Jose\u{301} said, “Cafe\u{301} is open.”",
    String(repeating: "“", count: 1000),
    String(repeating: "\" ' ‘ ’ ” “ ", count: 300),
    "🇫🇷🇩🇪 “Flags 🏳️‍🌈,” said Zoë.",
    "\u{202E}“مرحبا” قال\u{202C} Ali said “שלום”.",
    "Mr. . . . “ ’ ' \" — – - :",
    "[[link removed]]\n“Unclosed quote here\nand here\n\n“Another",
  ]

  static func onScalarBoundary(_ text: String, _ offset: Int) -> Bool {
    let utf8 = Array(text.utf8)
    if offset == 0 || offset == utf8.count { return true }
    guard offset > 0, offset < utf8.count else { return false }
    return utf8[offset] & 0xC0 != 0x80
  }

  static func check(_ ranges: [TextRange], in text: String, sorted: Bool = true) {
    let count = text.utf8.count
    for range in ranges {
      #expect(range.lowerBound >= 0 && range.upperBound <= count)
      #expect(onScalarBoundary(text, range.lowerBound) && onScalarBoundary(text, range.upperBound))
    }
    if sorted { #expect(ranges == ranges.sorted()) }
  }

  @Test(arguments: hostile)
  func everyComponentKeepsTheContract(_ text: String) {
    var document = Document(text: text)
    for component in Pipeline.standard().components {
      component.process(&document)
    }
    Self.check(document.paragraphs, in: text)
    Self.check(document.tokens.map(\.range), in: text)
    Self.check(document.sentences, in: text)
    Self.check(document.quotes.map(\.content), in: text)
    Self.check(document.quotes.map(\.span), in: text)
    Self.check(document.cues.map(\.range), in: text)
    Self.check(document.mentions.map(\.range), in: text)
    for quote in document.quotes {
      #expect(quote.span.contains(quote.content))
      #expect(quote.content.utf8Count <= QuoteFinder.maxUTF8Count)
    }
    #expect(document.attributions.count == document.quotes.count)
    for attribution in document.attributions {
      Self.check(attribution.evidence, in: text, sorted: false)
      #expect(attribution.confidence >= 0 && attribution.confidence <= 1)
    }
    for entity in document.entities { Self.check(entity.mentions, in: text) }
  }
}
