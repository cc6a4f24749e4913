import Foundation
import QuotidianCore

/// RSS 2.0 (and RSS 1.0/RDF), Atom 1.0 and JSON Feed 1.x: one ``Article`` per item.
///
/// The text is the item's full content when the feed carries it (`content:encoded`, Atom
/// `content`, JSON Feed `content_html`/`content_text`). An item with only a summary yields
/// the summary as text with ``ArticleMetadata/isExcerpt`` set and `metadata.url` the item's
/// link, so a fetcher can later replace it with the page. The outlet is the feed's title.
public enum FeedReader {
  static let contentNamespace = "http://purl.org/rss/1.0/modules/content/"
  static let dublinCore = "http://purl.org/dc/elements/1.1/"
  static let atomNamespace = "http://www.w3.org/2005/Atom"

  /// Whether `bytes` start (after a BOM, an XML declaration, comments) with an RSS, RDF or
  /// Atom root element, or are a JSON Feed object.
  public static func sniff(_ bytes: [UInt8]) -> Bool {
    let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
    let trimmed = head.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" })
    if trimmed.hasPrefix("{") { return head.contains("jsonfeed.org/version") }
    guard trimmed.hasPrefix("<") else { return false }
    guard let root = firstElementName(in: Substring(trimmed)) else { return false }
    switch root.lowercased() {
    case "rss", "rdf:rdf": return true
    case "feed":
      return head.contains(atomNamespace) || head.contains("<entry") || head.contains("<title")
    default: return false
    }
  }

  /// The name of the first element after prolog, comments, doctype and processing instructions.
  static func firstElementName(in text: Substring) -> String? {
    var rest = text
    for _ in 0..<50 {
      rest = rest.drop(while: { $0.isWhitespace })
      guard rest.hasPrefix("<") else { return nil }
      if rest.hasPrefix("<?") || rest.hasPrefix("<!") {
        let terminator = rest.hasPrefix("<!--") ? "-->" : ">"
        guard let end = rest.range(of: terminator) else { return nil }
        rest = rest[end.upperBound...]
        continue
      }
      let name = rest.dropFirst().prefix(while: { !$0.isWhitespace && $0 != ">" && $0 != "/" })
      return name.isEmpty ? nil : String(name)
    }
    return nil
  }

  static func read(bytes: [UInt8], source: String) throws(ReadError) -> [Article] {
    try readBatch(bytes: bytes, source: source).articlesOrThrow(source: source)
  }

  /// Every item of the feed; an item with neither text nor a link is an error for `path#n`.
  public static func readBatch(bytes: [UInt8], source: String) -> ReadBatch {
    let head = bytes.prefix(256).drop(while: {
      $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF
    })
    if head.first == UInt8(ascii: "{") { return JSONFeed.readBatch(bytes: bytes, source: source) }
    guard let root = XMLParsing.parse(bytes) else {
      return ReadBatch(errors: [
        ReadError(source: source, kind: .malformed(reason: "not a well-formed XML feed"))
      ])
    }
    let items: [FeedItem]
    let outlet: String?
    switch root.name.lowercased() {
    case "rss":
      let channel = root.child("channel") ?? root
      outlet = channel.child("title")?.trimmedText
      items = channel.children("item").map(rssItem)
    case "rdf":
      outlet = root.child("channel")?.child("title")?.trimmedText
      items = root.children("item").map(rssItem)
    case "feed":
      outlet = root.child("title").flatMap(atomText)
      let feedAuthors = root.children("author").compactMap { $0.child("name")?.trimmedText }
      items = root.children("entry").map { atomItem($0, feedAuthors: feedAuthors) }
    default:
      return ReadBatch(errors: [
        ReadError(source: source, kind: .unsupportedFormat("XML root <\(root.name)> is not a feed"))
      ])
    }
    return FeedItem.batch(items, outlet: outlet, source: source)
  }

  static func rssItem(_ item: XMLElement) -> FeedItem {
    var result = FeedItem()
    result.title = item.child("title")?.trimmedText.map(FeedItem.plainTitle)
    result.link = item.child("link")?.trimmedText
    if result.link == nil, let guid = item.child("guid"), guid.attributes["isPermaLink"] != "false",
      let value = guid.trimmedText, value.hasPrefix("http")
    {
      result.link = value
    }
    result.contentHTML = item.child("encoded", namespace: contentNamespace)?.trimmedText
    result.summaryHTML = item.child("description")?.trimmedText
    result.authors = item.children("creator", namespace: dublinCore).compactMap(\.trimmedText)
    if result.authors.isEmpty, let author = item.child("author")?.trimmedText {
      result.authors = [FeedItem.rssAuthor(author)]
    }
    if let date = item.child("pubDate")?.trimmedText {
      result.published = MailDate.parse(date)?.iso8601 ?? date
    } else if let date = item.child("date", namespace: dublinCore)?.trimmedText {
      result.published = date
    }
    return result
  }

  static func atomItem(_ entry: XMLElement, feedAuthors: [String]) -> FeedItem {
    var result = FeedItem()
    result.title = entry.child("title").flatMap(atomText)
    let links = entry.children("link")
    result.link =
      (links.first { ($0.attributes["rel"] ?? "alternate") == "alternate" } ?? links.first)?
      .attributes["href"]
    if let content = entry.child("content"), content.attributes["src"] == nil {
      result.contentHTML = atomHTML(content)
    }
    result.summaryHTML = entry.child("summary").flatMap(atomHTML)
    result.authors = entry.children("author").compactMap { $0.child("name")?.trimmedText }
    if result.authors.isEmpty { result.authors = feedAuthors }
    result.published = entry.child("published")?.trimmedText ?? entry.child("updated")?.trimmedText
    return result
  }

  /// An Atom text construct as HTML (RFC 4287 §3.1).
  static func atomHTML(_ element: XMLElement) -> String? {
    switch element.attributes["type"]?.lowercased() {
    case "html", "text/html": return element.trimmedText
    case "xhtml": return element.innerXML
    default: return element.trimmedText.map(XMLElement.escape)
    }
  }

  static func atomText(_ element: XMLElement) -> String? {
    switch element.attributes["type"]?.lowercased() {
    case "html", "xhtml": atomHTML(element).map(HTMLFragment.text).flatMap { $0.isEmpty ? nil : $0 }
    default: element.trimmedText
    }
  }
}

/// One feed item before it becomes an ``Article``.
struct FeedItem {
  var title: String?
  var link: String?
  var authors: [String] = []
  var published: String?
  /// Full content, HTML.
  var contentHTML: String?
  /// Full content, plain text (JSON Feed `content_text`).
  var contentText: String?
  /// Summary or description, HTML.
  var summaryHTML: String?

  /// Items → articles; an item with no text is an error for `source#n` (1-based).
  /// Most items read from one feed: a feed lists recent items (tens, rarely thousands); the
  /// rest of a longer one is left out with a warning that says how many.
  static let itemLimit = 10_000

  static func batch(_ items: [FeedItem], outlet: String?, source: String) -> ReadBatch {
    var batch = ReadBatch()
    if items.isEmpty {
      batch.errors.append(ReadError(source: source, kind: .empty))
      return batch
    }
    if items.count > itemLimit {
      batch.warnings.append(
        "\(source): warning: \(items.count) items; only the first \(itemLimit) are read "
          + "(the limit for one feed)")
    }
    for (index, item) in items.prefix(itemLimit).enumerated() {
      let itemSource = "\(source)#\(index + 1)"
      if let article = item.article(outlet: outlet, source: itemSource) {
        batch.articles.append(article)
      } else {
        batch.errors.append(ReadError(source: itemSource, kind: .empty))
      }
    }
    return batch
  }

  func article(outlet: String?, source: String) -> Article? {
    var metadata = ArticleMetadata(
      title: title, authors: authors, published: published, outlet: outlet, url: link)
    let summary = summaryHTML.map(HTMLFragment.text).flatMap { $0.isEmpty ? nil : $0 }
    metadata.description = summary
    var text =
      contentHTML.map(HTMLFragment.text) ?? contentText?.trimmingCharacters(
        in: .whitespacesAndNewlines) ?? ""
    if text.isEmpty {
      guard let summary else { return nil }
      text = summary
      metadata.isExcerpt = true
    }
    return Article(text: text, metadata: metadata, source: source, format: Format.feed.name)
  }

  /// Titles sometimes carry markup or entities: "Council &amp; mayor" → "Council & mayor".
  static func plainTitle(_ title: String) -> String {
    guard title.contains("<") || title.contains("&") else { return title }
    let text = HTMLFragment.text(title)
    return text.isEmpty ? title : text
  }

  /// RSS `author` is "email (Name)" or a name.
  static func rssAuthor(_ value: String) -> String {
    if let open = value.firstIndex(of: "("), let close = value.lastIndex(of: ")"), open < close {
      let name = value[value.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
      if !name.isEmpty { return name }
    }
    return value
  }
}
