import Foundation
import QuotidianCore
import QuotidianReaders
import Testing

@Suite struct HTMLReaderTests {
  static func fixture(_ name: String) throws -> [UInt8] {
    let base = try #require(Bundle.module.resourceURL)
    let url = base.appendingPathComponent("Fixtures/html/\(name)")
    return [UInt8](try Data(contentsOf: url))
  }

  static func read(_ name: String) throws -> Article {
    let articles = try Readers.read(bytes: fixture(name), source: name, format: .html)
    return try #require(articles.first)
  }

  @Test(arguments: [
    "The Kestrel Bridge in Morrowby reopened to traffic on Friday morning",
    "“We promised the town it would be open before the spring market, and it is,” said Mayor",
    "Repairs ran over budget",
    "because steel had to be brought in from the mainland.",
    "the committee added.\nResidents can follow the works online.",
  ])
  func newsPageKeepsArticleText(_ expected: String) throws {
    #expect(try Self.read("news.html").text.contains(expected))
  }

  @Test(arguments: [
    "Home", "We use cookies", "Share on Facebook", "Advertisement", "Buy a boat", "Related stories",
    "Storm damage closes bridge", "Reader42", "Most read", "Sign up for our morning newsletter",
    "All rights reserved", "Photo: Herald archive", "By Ilse Varga", "color: red",
    "Harbour bridge reopens after storm repairs",
  ])
  func newsPageDropsFurniture(_ unwanted: String) throws {
    #expect(!(try Self.read("news.html").text.contains(unwanted)))
  }

  @Test func newsPageParagraphsAreSeparatedByBlankLines() throws {
    let paragraphs = try Self.read("news.html").text.components(separatedBy: "\n\n")
    #expect(paragraphs.count == 5)
    #expect(paragraphs.first?.hasPrefix("The Kestrel Bridge") == true)
    #expect(paragraphs[2] == "Repairs ran over budget")
  }

  @Test func newsPageMetadataComesFromJSONLDOpenGraphAndLinks() throws {
    let article = try Self.read("news.html")
    let metadata = article.metadata
    #expect(article.format == "html")
    #expect(metadata.title == "Harbour bridge reopens after storm repairs")
    #expect(metadata.authors == ["Ilse Varga", "Tomas Brennick"])
    #expect(metadata.published == "2031-03-14")
    #expect(metadata.modified == "2031-03-14T11:02:00Z")
    #expect(metadata.outlet == "The Morrowby Herald")
    #expect(metadata.url == "https://herald.example/news/harbour-bridge-reopens")
    #expect(metadata.language == "en-GB")
    #expect(metadata.description == "The Kestrel Bridge carries traffic again after six weeks.")
  }

  @Test func blogPageStopsBeforeTeasersOfOtherPosts() throws {
    withKnownIssue("issue 20: the teasers of other posts after a blog post are kept") {
      let text = try Self.read("blog-with-teasers.html").text
      #expect(text.hasPrefix("For twelve years the Haldane orchard"))
      #expect(text.hasSuffix("We will keep the new calendar next year and report back."))
      for teaser in [
        "You might also enjoy", "Grafting with the neighbours", "eleven families", "windfalls",
        "two hives",
      ] {
        #expect(!text.contains(teaser), "teaser kept: \(teaser)")
      }

    }
  }

  @Test func modalDialogIsNeverTheArticleEvenWhenLonger() throws {
    withKnownIssue("issue 20: a long consent dialog's text is kept with the article") {
      let text = try Self.read("cookie-modal.html").text
      #expect(text.hasPrefix("The Vantor 300 is light"))
      #expect(!text.contains("Privacy overview"))
      #expect(!text.contains("consent"))

    }
  }

  @Test func scriptsStylesCommentsAndGraphicsNeverBecomeText() throws {
    let html = """
      <html><head><title>Ferry</title>
      <script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry timetable changes",
      "author":{"@type":"Person","name":"Oona Pell"}}</script>
      <style>p::after { content: "<p>styled words</p>"; }</style>
      <SCRIPT>document.write("<p>Written by a script, long enough to look like a paragraph.</p>");</SCRIPT>
      </head><body><article>
      <!-- <p>A commented-out paragraph about the old timetable, long enough to count.</p> -->
      <p>The Lindholm ferry will run every forty minutes from Monday, the island council said on Friday.</p>
      <svg viewBox="0 0 10 10"><text>chart label</text></svg><svg/>
      <p>Councillor Edda Morn said the change follows two years of complaints about crowded boats.</p>
      <noscript><p>Please enable scripts to see the timetable.</p></noscript>
      <p>An unclosed comment follows. <!-- it never ends</p>
      </article></body></html>
      """
    let article = try #require(
      try Readers.read(bytes: Array(html.utf8), source: "ferry.html", format: .html).first)
    #expect(article.text.hasPrefix("The Lindholm ferry will run every forty minutes"))
    #expect(article.text.contains("Councillor Edda Morn said"))
    for unwanted in [
      "styled words", "Written by a script", "commented-out", "chart label", "enable scripts",
      "never ends",
    ] {
      #expect(!article.text.contains(unwanted), "kept: \(unwanted)")
    }
    #expect(article.metadata.authors == ["Oona Pell"])
  }

  @Test(arguments: ["story-dek", "subhead", "article-standfirst", "keyPoints", "detail--abstract"])
  func standfirstAboveTheStoryStaysInTheTextAndIsTheDescription(_ className: String) throws {
    let standfirst =
      "The Brackwater quarry will reopen in June after a two-year closure, bringing back forty jobs."
    let html = """
      <html><body><article><h1>Quarry reopens</h1>
      <div class="\(className)">\(standfirst)</div>
      <div class="story-body">
      <p>The Brackwater quarry will reopen in June, its new owners said on Tuesday, ending a closure that began after a landslip.</p>
      <p>“We have rebuilt the access road and the northern wall,” said site manager Ilka Dorne. Forty workers will be rehired.</p>
      <p>The landslip two winters ago buried the lower road and damaged three homes in the village, and residents had opposed an early reopening.</p>
      <p>The council's planning committee approved the new safety plan last month after an independent survey of the slope, the owners said.</p>
      </div></article></body></html>
      """
    let article = try #require(
      try Readers.read(bytes: Array(html.utf8), source: "quarry.html", format: .html).first)
    #expect(
      article.text.hasPrefix(
        standfirst + "\n\nThe Brackwater quarry will reopen in June, its new owners said"))
    #expect(article.text.hasSuffix("after an independent survey of the slope, the owners said."))
    #expect(article.metadata.title == "Quarry reopens")
    if className != "keyPoints" { #expect(article.metadata.description == standfirst) }
  }

  @Test(arguments: ["latin1-declared-utf8.html", "utf8-declared-latin1.html"])
  func wrongDeclaredCharsetStillDecodes(_ name: String) throws {
    let text = try Self.read(name).text
    #expect(text.contains("l’accord du préfet"))
    #expect(text.contains("« Nous avons"))
    #expect(text.contains("Hélène Dufresnoy"))
    #expect(!text.contains("\u{FFFD}"))
    #expect(!text.contains("Ã"))
  }

  @Test func truncatedPageKeepsWhatArrived() throws {
    let text = try Self.read("truncated.html").text
    #expect(text.contains("la rénovation de la halle aux grains"))
  }

  @Test func deeplyNestedPageDoesNotCrashAndKeepsItsText() throws {
    let depth = 5000
    let html =
      String(repeating: "<div><span>", count: depth)
      + "<p>The ferry to Lindholm Island was cancelled again on Tuesday because of high winds, the operator said.</p>"
      + String(repeating: "</span></div>", count: depth)
    let articles = try Readers.read(bytes: Array(html.utf8), source: "nested.html", format: .html)
    let text = try #require(articles.first).text
    #expect(text.contains("The ferry to Lindholm Island was cancelled again on Tuesday"))
  }

  @Test(arguments: [
    "", "   \n",
    "<html><head><title>x</title></head><body><nav><a href=/>Home</a></nav></body></html>",
  ])
  func pageWithoutTextIsEmptyError(_ html: String) throws {
    #expect(throws: ReadError(source: "empty.html", kind: .empty)) {
      try Readers.read(bytes: Array(html.utf8), source: "empty.html", format: .html)
    }
  }

  @Test(
    arguments: [
      // not UTF-8: read as Windows-1252
      ([UInt8]([0x3C, 0x70, 0x3E, 0xFF, 0xFE, 0x00, 0x3C]), "ÿþ"),
      (Array("<html><body><nav><a href=/>Home</a></nav>\u{0}".utf8), nil),
      (Array("<p>unclosed <b><i>tags & <<>> \u{0}".utf8), "unclosed tags &"),
      (Array("<html><body><table><tr><td><p>cell".utf8), "cell"),
    ] as [([UInt8], String?)])
  func malformedBytesGiveTextOrAnEmptyError(_ bytes: [UInt8], _ expected: String?) throws {
    if let expected {
      let article = try #require(
        try Readers.read(bytes: bytes, source: "bad.html", format: .html).first)
      #expect(article.text.contains(expected))
    } else {
      #expect(throws: ReadError(source: "bad.html", kind: .empty)) {
        try Readers.read(bytes: bytes, source: "bad.html", format: .html)
      }
    }
  }
}
