import Foundation
import QuotidianCore
import Testing

@_spi(Training) @testable import QuotidianReaders

/// The learned block classifier: its blocks, its shipped weights, the main region it keeps,
/// and readers' comments on request. Pages are written for these tests (fictional news).
@Suite struct HTMLBlockModelTests {
  static func blocks(_ html: String) throws -> HTMLBlocks {
    let tree = try #require(HTMLReader.parse(Array(html.utf8)))
    return HTMLBlocks(tree: tree, articleBody: nil)
  }

  static func texts(_ blocks: HTMLBlocks) -> [String] {
    blocks.blocks.map { String(decoding: $0.text, as: UTF8.self) }
  }

  @Test func shippedModelLoads() {
    let model = HTMLBlockModel(json: Array(HTMLBlockModel.shippedJSON.utf8))
    #expect(model != nil)
    #expect(model?.dense.count == HTMLBlocks.denseCount)
    #expect(model?.hashed.count == HTMLBlocks.hashBuckets)
  }

  @Test(arguments: [
    "", "{}", "[1, 2]",
    #"{"dense": [1], "hashed": [], "bias": 0, "sequence": [0,1,0,0,0,0], "padding": -4, "region_threshold": 0.5, "keep_threshold": 0.3}"#,
  ])
  func malformedModelIsRefused(_ json: String) {
    #expect(HTMLBlockModel(json: Array(json.utf8)) == nil)
  }

  @Test func treesThatPointOutsideTheirArraysAreRefused() throws {
    var object = try #require(
      try JSONSerialization.jsonObject(with: Data(HTMLBlockModel.shippedJSON.utf8))
        as? [String: Any])
    object["trees"] = [
      "roots": [0], "feature": [0, -1], "threshold": [0.5, 0], "left": [7, 0], "right": [1, 0],
      "value": [0, 1], "bias": 0,
    ]
    let json = try JSONSerialization.data(withJSONObject: object)
    #expect(HTMLBlockModel(json: Array(json)) == nil)
  }

  @Test func textAroundANestedParagraphMakesSeparateBlocks() throws {
    let blocks = try Self.blocks(
      "<html><body><div>Before the pier. <p>Inside the pier story.</p> After the pier.</div>"
        + "<div style=\"display:none\">Hidden pier note</div></body></html>")
    #expect(
      Self.texts(blocks) == ["Before the pier.", "Inside the pier story.", "After the pier."])
    #expect(blocks.dense.count == 3 * HTMLBlocks.denseCount)
    #expect(blocks.hashedStart.count == 4)
  }

  @Test func textOutsideAnyElementMakesABlock() throws {
    let tree = try #require(HTMLReader.parse(Array("The pier story, with no markup.".utf8)))
    let blocks = HTMLBlocks(tree: tree, articleBody: nil)
    #expect(Self.texts(blocks) == ["The pier story, with no markup."])
  }

  @Test func lineBreaksStayInsideABlock() throws {
    let blocks = try Self.blocks("<html><body><p>First line<br>second line</p></body></html>")
    #expect(Self.texts(blocks) == ["First line\nsecond line"])
  }

  @Test func linkTextIsMeasured() throws {
    let blocks = try Self.blocks(
      "<html><body><p>A pier story with <a href=\"/x\">one link</a>.</p>"
        + "<p><a href=\"/a\">Ferry fares</a></p></body></html>")
    let feature = HTMLBlocks.DenseFeature.linkDensity.rawValue
    #expect(blocks.denseFeatures(0)[feature] > 0)
    #expect(blocks.denseFeatures(0)[feature] < 0.5)
    #expect(blocks.denseFeatures(1)[HTMLBlocks.denseCount + feature] == 1)
  }

  @Test func sequenceStepSeesTheMeanScoreOfEachBlocksParentAndGrandparent() throws {
    // Two teasers (a heading and a line each) in one list, then a paragraph of their own.
    let blocks = try Self.blocks(
      "<html><body><ul><li><h3>Ferry fares</h3><p>Up in spring.</p></li>"
        + "<li><h3>Storm</h3><p>The road shuts.</p></li></ul><div><p>The pier story.</p></div>"
        + "</body></html>")
    #expect(blocks.blocks.count == 5)
    let model = HTMLBlockModel.standard
    let first: [Float] = [1, 2, 3, 4, 10]
    let context = model.context(blocks, first)
    let width = HTMLBlockModel.contextCount
    #expect(context.count == 5 * width)
    func input(_ block: Int, _ slot: Int) -> Float { context[block * width + slot] }
    // Own score and neighbours, padded past the ends.
    #expect(input(0, 0) == 1 && input(0, 1) == model.padding && input(0, 2) == 2)
    #expect(input(4, 2) == model.padding && input(4, 3) == 3)
    // Parent: the heading and the line of a teaser share their <li>.
    #expect(input(0, 5) == 1.5 && input(1, 5) == 1.5 && input(2, 5) == 3.5)
    // Grandparent: every teaser block shares the <ul>; the paragraph is alone under its div's parent.
    #expect(input(0, 6) == 2.5 && input(3, 6) == 2.5)
    #expect(input(4, 6) == 10)
    // The window -4…+4 and the page's highest score.
    #expect(input(0, 7) == 4 && input(4, 8) == 10)
  }

  @Test func commentBlocksAreMarked() throws {
    let blocks = try Self.blocks(
      "<html><body><p>The story.</p><div class=\"comment-list\"><p>A reader's view.</p></div>"
        + "</body></html>")
    #expect(blocks.blocks.map(\.isComments) == [false, true])
  }

  static let article = [
    "The Tessaly county council voted on Tuesday to rebuild the old grain pier at Marrow Bay, ending a dispute that had run for three years.",
    "“This pier fed the town for a century, and it will again,” said councillor Rhona Vell, who led the campaign to save it from demolition.",
    "Work will start in April and is expected to cost 4.2 million crowns, paid in part by a regional fund for harbours and fisheries.",
    "Opponents had argued that the money would be better spent on the coastal road, which floods several times each winter.",
  ]

  static let comment =
    "I grew up next to that pier and I think the council is making a costly mistake, honestly, and I will say so at the next meeting of the harbour board."

  static let page = """
    <html><head><title>Pier vote</title></head><body>
    <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
    <li><a href="/sport">Sport</a></li></ul></nav>
    <article><h1>Council votes to rebuild the grain pier</h1>
    <div class="story-body">\(article.map { "<p>\($0)</p>" }.joined())</div></article>
    <section class="related"><h2>Related stories</h2><ul>
    <li><a href="/a">Ferry fares to rise in spring as fuel costs climb</a></li>
    <li><a href="/b">Harbour master retires after forty years at Marrow Bay</a></li>
    <li><a href="/c">Storm closes the coastal road for a third time this winter</a></li></ul></section>
    <div id="comments" class="comments-area"><h2>3 comments</h2><ol>
    <li class="comment"><p>\(comment)</p></li>
    <li class="comment"><p>The pier was always the heart of the bay, and I am glad the council finally listened to the fishing families.</p></li>
    </ol></div>
    <footer><p>© 2031 The Tessaly Courier. All rights reserved.</p></footer></body></html>
    """

  @Test(.bug(id: 20))
  func relatedLinksAndCommentsStayOutByDefault() throws {
    let text = try #require(
      try Readers.read(bytes: Array(Self.page.utf8), source: "pier.html", format: .html).first
    ).text
    for paragraph in Self.article { #expect(text.contains(paragraph)) }
    #expect(!text.contains("Ferry fares"))
    #expect(!text.contains("costly mistake"))
    #expect(!text.contains("All rights reserved"))
  }

  @Test(.bug(id: 20))
  func commentsAreKeptOnRequest() throws {
    let text = try #require(
      try Readers.read(
        bytes: Array(Self.page.utf8), source: "pier.html", format: .html,
        options: ReadOptions(includeComments: true)
      ).first
    ).text
    for paragraph in Self.article { #expect(text.contains(paragraph)) }
    #expect(text.contains(Self.comment))
    #expect(!text.contains("Ferry fares"))
  }
}
