import QuotidianTestSupport
import Testing

@testable import QuotidianCore

@Suite struct SegmentationTests {
  @Test(arguments: [
    ("Mr. Brey met Gov. Fell in the U.S. capital. The talks ended.", 2),
    ("“Is it over?” she asked. “Yes.”", 2),
    ("It rained. Then it stopped! Why? Nobody knows.", 4),
  ])
  func sentencesSplitAtSentenceEnds(text: String, count: Int) {
    let document = DocumentBuilder(text).prepared(for: "sentences")
    #expect(SentenceSplitter().sentences(in: document).count == count)
  }

  @Test(arguments: [
    ("Title line\nByline\n\nFirst paragraph.\n\nSecond paragraph.", 4),
    ("One.\r\n\r\nTwo.", 2),
  ])
  func paragraphsSplitAtBlankLinesAndLines(text: String, count: Int) {
    #expect(ParagraphSplitter().paragraphs(in: text).count == count)
  }

  @Test func hardWrappedLinesJoinIntoParagraphs() {
    let line = "The council voted on the new harbour plan late on Tuesday evening and"
    let text =
      Array(repeating: line, count: 10).joined(separator: "\n") + "\nended.\nNext paragraph " + line
      + "\n" + line
    let paragraphs = ParagraphSplitter().paragraphs(in: text)
    #expect(paragraphs.count == 2)
  }

  @Test(arguments: [
    ("don’t Trump’s U.S.-backed ’90s", ["don’t", "Trump", "’s", "U.S.", "-", "backed", "’90s"])
  ])
  func tokensKeepApostrophesAndInitialisms(text: String, expected: [String]) {
    let document = Document(text: text)
    let tokens = Tokenizer().tokens(in: text).map { document.string($0.range) }
    #expect(tokens == expected)
  }
}
