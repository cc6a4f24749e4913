import Testing

@testable import QuotidianReaders

/// The text readers never trap: generated inputs made of the pieces their rules look at.
@Suite struct HostileTextTests {
  static let pieces = [
    "[[link removed]]", "[link removed]", "[[", "]]", "[", "]", "_", "(", ")", "(Credit: ", " / ",
    "\n", "\n\n",
    "\r\n", "\r", "I", "Itr", "\u{201C}", "\u{201D}", "\u{2019}", "é", "👩‍👩‍👧", "*", "* ", " ", "\t",
    ".", "U.S.",
    "Submit via web", "Photo: ", "December 24, 2025", "By ", "Jane Roe", "The Alder Post", "News",
    "word ",
    "a much longer run of ordinary words that fills a line ",
  ]

  /// A deterministic generator (SplitMix64) so failures reproduce.
  struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  @Test(arguments: 0..<4)
  func readersNeverTrap(_ seed: Int) {
    var generator = SplitMix(state: UInt64(seed) &* 7919)
    for _ in 0..<200 {
      let count = Int.random(in: 0..<120, using: &generator)
      let text = (0..<count).map { _ in Self.pieces.randomElement(using: &generator) ?? "" }
        .joined()
      let bytes = Array(text.utf8)
      for format in [Format.newsletter, .text] {
        if let article = try? Readers.read(bytes: bytes, source: "generated", format: format).first
        {
          #expect(!article.text.isEmpty)
          #expect(!article.text.contains("link removed") || format == .text)
        }
      }
      _ = FormatDetector.detect(bytes: bytes, name: "generated")
    }
  }
}
