@testable import QuotidianStore
import Testing

@Suite struct TextFoldingTests {
  @Test(arguments: [
    ("Le Monde", "le monde"),
    ("  LE   MONDE\n", "le monde"),
    ("Süddeutsche Zeitung", "suddeutsche zeitung"),
    ("Sude\u{0301}", "sude"),
  ])
  func keyIgnoresCaseAccentsAndSpacing(_ text: String, _ key: String) {
    #expect(TextFolding.key(text) == key)
  }

  @Test(arguments: [
    ("Ana María Benítez", ["ana", "maria", "benitez"]),
    ("\"We'll talk,\" she said.", ["we", "ll", "talk", "she", "said"]),
    ("U.S.-backed 2025 plan", ["u", "s", "backed", "2025", "plan"]),
    ("— … !", []),
  ])
  func wordsAreFoldedLetterAndNumberRuns(_ text: String, _ words: [String]) {
    #expect(TextFolding.words(text) == words)
  }

  @Test(arguments: [
    ("A  b\n\tc ", "A b c"),
    ("\u{00A0}x\u{2003}y\u{3000}", "x y"),
    ("Beni\u{0301}tez", "Benítez"),
  ])
  func identityTextIsNFCWithCollapsedWhitespace(_ text: String, _ normalized: String) {
    #expect(TextFolding.normalizedForIdentity(text) == Array(normalized.utf8))
  }

  @Test func identityDependsOnTheLocatorNotOnSpacing() {
    let hash = ArticleIdentity.contentHash(text: "A  b", url: "https://x.example/a", source: "a.txt")
    #expect(hash == ArticleIdentity.contentHash(text: " A b\n", url: "https://x.example/a", source: "b.txt"))
    #expect(hash != ArticleIdentity.contentHash(text: "A b", url: nil, source: "a.txt"))
    #expect(
      ArticleIdentity.contentHash(text: "A b", url: " ", source: "a.txt")
        == ArticleIdentity.contentHash(text: "A b", url: nil, source: "a.txt"))
    #expect(hash.utf8.count == 64)
  }
}
