import Foundation
import QuotidianCore
import QuotidianReaders
import Testing

/// Main-text extraction on small pages written for these tests (fictional news): what the text
/// must contain and what it must not, per kind of page furniture.
@Suite struct HTMLExtractionTests {
  static func read(_ html: String, source: String = "page.html") throws -> Article {
    try #require(try Readers.read(bytes: Array(html.utf8), source: source, format: .html).first)
  }

  static func fixture(_ name: String) throws -> Article {
    let bytes = try Fixture.bytes("html/\(name)")
    return try #require(try Readers.read(bytes: bytes, source: name, format: .html).first)
  }

  static let paragraphs = [
    "The Tessaly county council voted on Tuesday to rebuild the old grain pier at Marrow Bay, ending a dispute that had run for three years.",
    "“This pier fed the town for a century, and it will again,” said councillor Rhona Vell, who led the campaign to save it from demolition.",
    "Work will start in April and is expected to cost 4.2 million crowns, paid in part by a regional fund for harbours and fisheries.",
    "Opponents had argued that the money would be better spent on the coastal road, which floods several times each winter.",
  ]

  /// An article whose body holds `inserted` between its second and third paragraphs.
  static func article(inserting inserted: String, after: String = "") -> String {
    """
    <html><head><title>Pier vote</title></head><body>
    <nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <article><h1>Council votes to rebuild the grain pier</h1>
    <div class="story-body">
    <p>\(paragraphs[0])</p><p>\(paragraphs[1])</p>
    \(inserted)
    <p>\(paragraphs[2])</p><p>\(paragraphs[3])</p>
    \(after)
    </div></article>
    <footer>© 2031 The Tessaly Courier</footer></body></html>
    """
  }

  struct Furniture: Sendable, CustomTestStringConvertible {
    let html: String
    let unwanted: String
    var testDescription: String { unwanted }
  }

  static let furniture: [Furniture] = [
    Furniture(
      html: "<p>Read also: Ferry fares to rise in spring</p>", unwanted: "Ferry fares to rise"),
    Furniture(
      html: "<p>Lesen Sie auch: Neue Fähre nach Korvik</p>", unwanted: "Neue Fähre nach Korvik"),
    Furniture(
      html: "<p>Lea también: Cierran el puerto de Valdemar</p>", unwanted: "Cierran el puerto"),
    Furniture(html: "<p>Zobacz także</p>", unwanted: "Zobacz także"),
    Furniture(
      html: "<p>Subscribe now to our morning edition for the full story.</p>",
      unwanted: "morning edition"),
    Furniture(
      html: "<p>For the latest news download the Courier app for iOS and Android.</p>",
      unwanted: "Courier app"),
    Furniture(
      html: "<p>Jetzt abonnieren und keine Nachricht verpassen!</p>", unwanted: "abonnieren"),
    Furniture(
      html: "<p>¿Ya conoces nuestro canal de Telegram? Únete aquí.</p>", unwanted: "Telegram"),
    Furniture(html: "<p>Was this article helpful?</p>", unwanted: "helpful"),
    Furniture(html: "<p>Photo: Ivo Sandqvist</p>", unwanted: "Ivo Sandqvist"),
    Furniture(html: "<p>SOURCE: Harbour agencies</p>", unwanted: "Harbour agencies"),
    Furniture(html: "<p>Updated 14 March 2031, 10:02</p>", unwanted: "14 March 2031"),
    Furniture(html: "<p>Erstellt am Dienstag 6. Mai 2031</p>", unwanted: "Erstellt am"),
    Furniture(html: "<p>2 hours ago</p>", unwanted: "hours ago"),
    Furniture(html: "<p>- Anzeige -</p>", unwanted: "Anzeige"),
    Furniture(html: "<p>/</p>", unwanted: "\n\n/\n\n"),
    Furniture(
      html: "<p>Views: 1120 | Added by: Oskar Lind | Tags: harbour</p>", unwanted: "Added by"),
  ]

  @Test(arguments: furniture)
  func boilerplateLinesInsideTheBodyAreDropped(_ item: Furniture) throws {
    let text = try Self.read(Self.article(inserting: item.html)).text
    #expect(!text.contains(item.unwanted))
    for paragraph in Self.paragraphs { #expect(text.contains(paragraph)) }
  }

  @Test(arguments: [
    "Readers who subscribe to the harbour newsletter heard of the vote first, the council said, a sign of how the town follows the pier.",
    "The vote came two hours ago in a packed hall, and the result was read out by the clerk to applause from the fishing families.",
  ])
  func sentencesThatOnlyMentionBoilerplateWordsStay(_ sentence: String) throws {
    let text = try Self.read(Self.article(inserting: "<p>\(sentence)</p>")).text
    #expect(text.contains(sentence))
  }

  @Test func leadAboveTheBodyStaysInTheText() throws {
    let lead = "The Tessaly pier will be rebuilt after all, the council decided on Tuesday."
    let html = """
      <html><body><article><h1>Council votes to rebuild the grain pier</h1>
      <div class="article-lead"><p>\(lead)</p></div>
      <div class="story-body">\(Self.paragraphs.map { "<p>\($0)</p>" }.joined())</div>
      </article></body></html>
      """
    let article = try Self.read(html)
    #expect(article.text.hasPrefix(lead))
    #expect(article.text.hasSuffix(Self.paragraphs[3]))
    #expect(article.metadata.title == "Council votes to rebuild the grain pier")
    #expect(article.metadata.description == lead)
  }

  @Test func longCommentThreadDoesNotReplaceTheArticle() throws {
    let comment =
      "<li class=\"comment\"><p>I grew up next to that pier and I think the council is making a costly mistake, honestly, and I will say so at the next meeting.</p></li>"
    let html = Self.article(
      inserting: "",
      after: "<div class=\"comments-area post-comments\"><h2>Comments</h2><ol>"
        + String(repeating: comment, count: 12) + "</ol></div>")
    let text = try Self.read(html).text
    for paragraph in Self.paragraphs { #expect(text.contains(paragraph)) }
    #expect(!text.contains("costly mistake"))
  }

  @Test func pageBuilderWhoseBlocksAreAllWidgetsStillYieldsTheArticle() throws {
    let blocks = Self.paragraphs.map {
      "<div class=\"builder-widget builder-widget-text\"><div class=\"widget-container\"><p>\($0)</p></div></div>"
    }
    let html = "<html><body><div class=\"builder-section\">\(blocks.joined())</div></body></html>"
    let text = try Self.read(html).text
    for paragraph in Self.paragraphs { #expect(text.contains(paragraph)) }
  }

  @Test func gallerySlidesMarkedHiddenByClassStillYieldText() throws {
    let slides = Self.paragraphs.enumerated().map { index, text in
      "<div class=\"gallery-slide\(index > 0 ? " hidden" : "")\"><p>\(text)</p></div>"
    }
    let html =
      "<html><body><main><div class=\"gallery\">\(slides.joined())</div></main></body></html>"
    let text = try Self.read(html).text
    for paragraph in Self.paragraphs { #expect(text.contains(paragraph)) }
  }

  @Test func scriptRenderedPageFallsBackToTheJSONLDArticleBody() throws {
    let body = Self.paragraphs.joined(separator: "\\n")  // JSON's escaped newline
    let json =
      #"{"@context":"https://schema.org","@type":"NewsArticle","headline":"Pier vote","articleBody":"\#(body)"}"#
    let html = """
      <html><head><script type="application/ld+json">\(json)</script></head>
      <body><div id="app"><p>Loading…</p></div></body></html>
      """
    let article = try Self.read(html)
    #expect(article.text == Self.paragraphs.joined(separator: "\n\n"))
    #expect(article.metadata.title == "Pier vote")
  }

  @Test func pageWithOnlyADescriptionYieldsTheDescription() throws {
    let html = """
      <html><head><meta name="description" content="The Tessaly council will rebuild the grain pier.">
      </head><body><nav><a href="/">Home</a></nav></body></html>
      """
    #expect(try Self.read(html).text == "The Tessaly council will rebuild the grain pier.")
  }

  @Test(arguments: [
    ("Bür\u{00AD}ger\u{00AD}meister Rhona Vell", "Bürgermeister Rhona Vell"),
    ("the\u{200B}pier", "thepier"),
    ("Ame\u{0301}lie Sorel", "Am\u{00E9}lie Sorel"),
  ])
  func invisibleCharactersGoAndTextIsNFC(_ written: String, _ expected: String) throws {
    let sentence =
      "The vote was announced by \(written) at the harbour office on Tuesday, after a long debate."
    let text = try Self.read(Self.article(inserting: "<p>\(sentence)</p>")).text
    // Scalars, not Characters: String comparison would treat "e" + U+0301 as "é".
    let scalars = text.unicodeScalars.map(\.value)
    let wanted = expected.unicodeScalars.map(\.value)
    #expect(!scalars.contains(0xAD) && !scalars.contains(0x200B) && !scalars.contains(0x301))
    #expect(scalars.indices.contains { start in scalars[start...].starts(with: wanted) })
  }

  @Test(arguments: [
    ("legacy-gb2312.html", "县长王明远表示"), ("legacy-big5.html", "縣長王明遠表示"),
    ("legacy-shift_jis.html", "町長の山田花子氏"), ("legacy-euc-kr.html", "김민호 군수는"),
    ("legacy-koi8-r.html", "глава района Пётр Лукин"),
    ("legacy-windows-1251.html", "«Мы ждали этого дня много лет»"),
  ])
  func legacyCJKAndCyrillicCharsetsAreDecoded(_ name: String, _ expected: String) throws {
    let text = try Self.fixture(name).text
    #expect(text.contains(expected))
    #expect(!text.contains("\u{FFFD}"))
  }

  @Test func utf8PageWithAStrayByteStaysUTF8() throws {
    let text = try Self.fixture("utf8-stray-byte.html").text
    #expect(text.contains("la maire Hélène Dufresnoy"))
    #expect(text.contains("l’architecte Paul Marnier"))
    #expect(text.contains("Caf\u{FFFD} compris."))
    #expect(!text.contains("Ã"))
  }
}
