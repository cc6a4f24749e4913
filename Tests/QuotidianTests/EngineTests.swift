import Foundation
import QuotidianCore
import Testing

@testable import Quotidian

@Suite struct EngineTests {
  @Test(arguments: [
    ("first paragraph.\n\nsecond paragraph.\n\nthird.", 20),
    ("no breaks at all in this long line of text", 10),
    ("Ünïcödé “quotes” — dashes\n\nmore ünïcödé text here\nand a line", 7),
  ])
  func paragraphWindowsCoverTheTextOnScalarBoundaries(text: String, limit: Int) {
    let windows = Engine.paragraphWindows(text, limit: limit)
    #expect(windows.first?.lowerBound == 0)
    #expect(windows.last?.upperBound == text.utf8.count)
    for (a, b) in zip(windows, windows.dropFirst()) { #expect(a.upperBound == b.lowerBound) }
    let bytes = Array(text.utf8)
    for window in windows where window.upperBound < bytes.count {
      #expect(bytes[window.upperBound] & 0xC0 != 0x80, "window ends inside a scalar")
    }
  }

  @Test func windowsPreferParagraphBreaks() {
    let text = "aaaa aaaa.\n\nbbbb bbbb.\n\ncccc"
    let windows = Engine.paragraphWindows(text, limit: 15)
    #expect(windows.first == 0..<12)
  }

  @Test func longTextsAreAnalysedInWindowsWithOffsetsIntoTheWholeText() {
    let paragraph =
      "\u{201C}The ferry will run at dawn,\u{201D} said Marit Halvorsen, who chairs the authority.\n\n"
    let text = String(repeating: paragraph, count: 13_000)
    let engine = Engine(maxConcurrency: 1)
    #expect(text.utf8.count > engine.windowUTF8Count)
    let result = engine.analyze(Article(text: text, source: "long.txt", format: "text"))
    #expect(result.quotes.count == 13_000)
    let scalars = Array(text.unicodeScalars)
    for quote in result.quotes.prefix(3) + result.quotes.suffix(3) {
      var slice = String.UnicodeScalarView()
      slice.append(contentsOf: scalars[quote.start..<quote.end])
      #expect(String(slice) == quote.text)
      #expect(quote.speaker == "Marit Halvorsen")
    }
    #expect(result.text == text)
  }
}
