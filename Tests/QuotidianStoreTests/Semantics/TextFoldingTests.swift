import Testing

@testable import QuotidianStore

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

  @Test(arguments: [
    ("A  b", " a B\n", true),
    ("“We will,” she said.", "\"We will\" she said", true),
    ("Beni\u{0301}tez said", "BENÍTEZ said", true),
    ("won’t", "won't", true),
    ("A b", "A b c", false),
    ("won't", "wont", false),
  ])
  func contentKeyIgnoresEverythingButTheWords(_ text: String, _ other: String, _ same: Bool) {
    let key = ArticleIdentity.contentKey(text: text)
    #expect((key == ArticleIdentity.contentKey(text: other)) == same)
    #expect(key.utf8.count == 64)
  }

  @Test(arguments: [
    ("./fixtures//a.txt", "fixtures/a.txt"),
    ("fixtures/./a.txt", "fixtures/a.txt"),
    ("fixtures/x/../a.txt", "fixtures/a.txt"),
    ("box.mbox#3", "box.mbox#3"),
  ])
  func aSourceSpelledOtherwiseIsTheSameFile(_ source: String, _ same: String) {
    #expect(ArticleIdentity.sourceKey(source) == ArticleIdentity.sourceKey(same))
    #expect(ArticleIdentity.sourceKey("https://x.example/a") == "https://x.example/a")
  }
}
