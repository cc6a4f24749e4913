import Foundation
import QuotidianCore

/// JSON Feed 1.0/1.1 (https://jsonfeed.org/version/1.1).
enum JSONFeed {
  static func readBatch(bytes: [UInt8], source: String) -> ReadBatch {
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
    } catch {
      return ReadBatch(errors: [
        ReadError(source: source, kind: .malformed(reason: "JSON Feed is not valid JSON"))
      ])
    }
    guard let feed = object as? [String: Any], let items = feed["items"] as? [Any] else {
      return ReadBatch(errors: [
        ReadError(source: source, kind: .malformed(reason: "JSON Feed without an items array"))
      ])
    }
    let outlet = string(feed["title"])
    let feedAuthors = authors(feed)
    let feedItems = items.map { value -> FeedItem in
      guard let item = value as? [String: Any] else { return FeedItem() }
      var result = FeedItem()
      result.title = string(item["title"])
      result.link = string(item["url"]) ?? string(item["external_url"])
      result.contentHTML = string(item["content_html"])
      result.contentText = string(item["content_text"])
      result.summaryHTML = string(item["summary"]).map(XMLElement.escape)
      result.authors = authors(item)
      if result.authors.isEmpty { result.authors = feedAuthors }
      result.published = string(item["date_published"]) ?? string(item["date_modified"])
      return result
    }
    return FeedItem.batch(feedItems, outlet: outlet, source: source)
  }

  static func string(_ value: Any?) -> String? {
    guard let text = value as? String else { return nil }
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    return trimmed.isEmpty ? nil : trimmed
  }

  /// `authors` (1.1) or `author` (1.0).
  static func authors(_ object: [String: Any]) -> [String] {
    if let list = object["authors"] as? [Any] {
      return list.compactMap { ($0 as? [String: Any]).flatMap { string($0["name"]) } }
    }
    if let author = object["author"] as? [String: Any], let name = string(author["name"]) {
      return [name]
    }
    return []
  }
}
