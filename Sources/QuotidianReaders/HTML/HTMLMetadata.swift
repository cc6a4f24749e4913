import Foundation
import QuotidianCore

/// Metadata from JSON-LD (schema.org articles, `@graph` included), OpenGraph and `<meta>`
/// tags, the canonical link and `<html lang>`, in that order of trust.
struct HTMLMetadata {
  var title: String?
  var authors: [String] = []
  var published: String?
  var modified: String?
  var outlet: String?
  var url: String?
  var language: String?
  var description: String?
  /// `articleBody` from JSON-LD, when the publisher provides it.
  var articleBody: String?

  static let articleTypes: Set<String> = [
    "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "scholarlyarticle",
    "techarticle", "socialmediaposting", "liveblogposting", "report", "posting", "webpage",
  ]

  init(tree: HTMLTree) {
    for script in tree.jsonLD { readJSONLD(script) }
    var metas: [String: String] = [:]
    for (key, value) in tree.metas where metas[key] == nil {
      let trimmed = Self.trimmed(value)
      if !trimmed.isEmpty { metas[key] = trimmed }
    }
    func first(_ keys: [String]) -> String? { keys.lazy.compactMap { metas[$0] }.first }
    let (headline, standfirst) = Self.headlineAndStandfirst(in: tree)
    title =
      title ?? first(["og:title", "twitter:title", "dc.title", "headline", "title"]) ?? headline
      ?? tree.title.map(Self.clean)
    outlet = outlet ?? first(["og:site_name", "application-name", "publisher", "dc.publisher"])
    if authors.isEmpty,
      let author = first([
        "author", "article:author", "dc.creator", "byl", "sailthru.author",
        "parsely-author", "cxenseparse:author",
      ])
    {
      authors = Self.splitAuthors(author).filter { !$0.contains("://") && !$0.hasPrefix("@") }
    }
    if published == nil {
      published = first([
        "article:published_time", "datepublished", "og:published_time", "publish-date", "pubdate",
        "date", "dc.date", "dc.date.issued", "sailthru.date", "parsely-pub-date",
        "article.published",
        "publishdate", "displaydate", "dcterms.created", "citation_publication_date",
      ]).flatMap(Self.isoDate)
    }
    if modified == nil {
      modified = first([
        "article:modified_time", "og:updated_time", "datemodified", "dcterms.modified",
      ])
      .flatMap(Self.isoDate)
    }
    url = tree.canonical ?? url ?? first(["og:url", "twitter:url"])
    description =
      description ?? first(["og:description", "description", "twitter:description"]) ?? standfirst
    language =
      tree.language.map(Self.trimmed).flatMap { $0.isEmpty ? nil : $0 }
      ?? language ?? first(["og:locale", "content-language", "language", "dc.language"])
    if let title, let outlet { self.title = Self.strip(outlet: outlet, from: title) }
  }

  /// The page's first visible `h1` and the first block whose class names a standfirst.
  static func headlineAndStandfirst(in tree: HTMLTree) -> (headline: String?, standfirst: String?) {
    var headline: String?
    var standfirst: String?
    var hidden = Array(repeating: false, count: tree.nodes.count)
    for index in 1..<tree.nodes.count where headline == nil || standfirst == nil {
      let node = tree.nodes[index]
      hidden[index] =
        node.isHidden || node.tag == .head || (node.parent > 0 && hidden[Int(node.parent)])
      guard node.tag != .text, !hidden[index] else { continue }
      if headline == nil, node.tag == .h1 {
        let text = tree.subtreeText(index, limit: 400)
        if !text.isEmpty, text.utf8.count <= 300 { headline = text }
      } else if standfirst == nil, node.hint.isStandfirst, node.tag != .h1 {
        let text = tree.subtreeText(index, limit: 800)
        if text.utf8.count >= 20, text.utf8.count <= 600 { standfirst = text }
      }
    }
    return (headline, standfirst)
  }

  var articleMetadata: ArticleMetadata {
    ArticleMetadata(
      title: title, authors: authors, published: published, outlet: outlet, url: url,
      language: language, description: description)
  }

  // MARK: JSON-LD

  private mutating func readJSONLD(_ script: [UInt8]) {
    // The JSON between the first opening and the last closing bracket (drops `<!--`, `;`).
    guard
      let first = script.firstIndex(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "[") }),
      let last = script.lastIndex(where: { $0 == UInt8(ascii: "}") || $0 == UInt8(ascii: "]") }),
      first < last
    else { return }
    let data = Data(script[first...last])
    guard let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    else { return }
    var queue: [Any] = [json]
    var visited = 0
    var bestRank = Int.max
    var best: [String: Any]?
    while let item = queue.popLast(), visited < 200 {
      visited += 1
      if let array = item as? [Any] {
        queue.append(contentsOf: array.reversed())
        continue
      }
      guard let object = item as? [String: Any] else { continue }
      if let graph = object["@graph"] { queue.append(graph) }
      let types = Self.strings(object["@type"]).map { $0.lowercased() }
      guard types.contains(where: Self.articleTypes.contains) else { continue }
      let rank = types.contains("webpage") ? 1 : 0
      if rank < bestRank {
        bestRank = rank
        best = object
      }
    }
    guard let object = best else { return }
    if title == nil { title = Self.text(object["headline"]) ?? Self.text(object["name"]) }
    if authors.isEmpty { authors = Self.people(object["author"]) }
    if published == nil { published = Self.text(object["datePublished"]).flatMap(Self.isoDate) }
    if modified == nil { modified = Self.text(object["dateModified"]).flatMap(Self.isoDate) }
    if outlet == nil {
      if let publisher = object["publisher"] as? [String: Any] {
        outlet = Self.text(publisher["name"])
      } else if let publishers = object["publisher"] as? [[String: Any]] {
        outlet = publishers.lazy.compactMap { Self.text($0["name"]) }.first
      } else {
        outlet = Self.text(object["publisher"])
      }
    }
    if url == nil {
      url =
        Self.text(object["url"])
        ?? (object["mainEntityOfPage"] as? [String: Any]).flatMap { Self.text($0["@id"]) }
        ?? Self.text(object["mainEntityOfPage"])
    }
    if description == nil { description = Self.text(object["description"]) }
    if language == nil { language = Self.text(object["inLanguage"]) }
    // Kept with its line breaks: they are the paragraphs.
    if articleBody == nil, let body = object["articleBody"] as? String, !Self.trimmed(body).isEmpty
    {
      articleBody = Self.trimmed(body)
    }
  }

  private static func strings(_ value: Any?) -> [String] {
    if let string = value as? String { return [string] }
    if let array = value as? [Any] { return array.compactMap { $0 as? String } }
    return []
  }

  private static func text(_ value: Any?) -> String? {
    guard let string = value as? String else { return nil }
    let trimmed = clean(string)
    return trimmed.isEmpty ? nil : trimmed
  }

  /// Author names from a string, a Person/Organization object, or an array of either.
  private static func people(_ value: Any?) -> [String] {
    var names: [String] = []
    var queue: [Any] = value.map { [$0] } ?? []
    var steps = 0
    while !queue.isEmpty, steps < 50 {
      steps += 1
      let item = queue.removeFirst()
      if let string = item as? String {
        names += splitAuthors(string)
      } else if let object = item as? [String: Any] {
        if let name = text(object["name"]) { names += splitAuthors(name) }
      } else if let array = item as? [Any] {
        queue.append(contentsOf: array)
      }
    }
    var seen: Set<String> = []
    return names.filter { !$0.contains("://") && seen.insert($0).inserted }
  }

  // MARK: Normalisation

  /// Without leading and trailing white space.
  static func trimmed(_ text: String) -> String {
    let bytes = text.utf8
    guard let first = bytes.firstIndex(where: { $0 > 0x20 }),
      let last = bytes.lastIndex(where: { $0 > 0x20 })
    else { return "" }
    if first == bytes.startIndex && last == bytes.index(before: bytes.endIndex) { return text }
    return String(text[first...last])
  }

  /// Collapses white space.
  static func clean(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  /// "By Ana Ruiz and Tom Hale" → ["Ana Ruiz", "Tom Hale"].
  static func splitAuthors(_ text: String) -> [String] {
    var value = clean(text)
    for prefix in ["By ", "by ", "BY "] where value.hasPrefix(prefix) {
      value = String(value.dropFirst(prefix.count))
    }
    let parts = value.replacingOccurrences(of: " and ", with: ",").replacingOccurrences(
      of: " & ", with: ","
    )
    .split(separator: ",").map { trimmed(String($0)) }
    return parts.filter { !$0.isEmpty && $0.count <= 80 }
  }

  /// Keeps ISO 8601 dates ("2019-11-18", "2019-11-18T10:00:00Z"); accepts "2019/11/18".
  static func isoDate(_ value: String) -> String? {
    let trimmed = trimmed(value)
    let bytes = Array(trimmed.utf8)
    guard bytes.count >= 10 else { return nil }
    func digits(_ range: Range<Int>) -> Bool {
      bytes[range].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
    guard digits(0..<4), digits(5..<7), digits(8..<10) else { return nil }
    let separator = bytes[4]
    guard
      (separator == UInt8(ascii: "-") || separator == UInt8(ascii: "/")) && bytes[7] == separator
    else {
      return nil
    }
    return separator == UInt8(ascii: "/")
      ? trimmed.replacingOccurrences(of: "/", with: "-") : trimmed
  }

  /// "Storm hits coast | The Daily Bugle" → "Storm hits coast" when the outlet is "The Daily Bugle".
  static func strip(outlet: String, from title: String) -> String {
    for separator in [" | ", " - ", " – ", " — ", " :: ", " · "] {
      if title.hasSuffix(separator + outlet) {
        return String(title.dropLast(separator.count + outlet.count))
      }
      if title.hasPrefix(outlet + separator) {
        return String(title.dropFirst(separator.count + outlet.count))
      }
    }
    return title
  }
}
