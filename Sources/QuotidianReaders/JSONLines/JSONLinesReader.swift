import Foundation
import QuotidianCore

/// JSON Lines: one article per line, an object with `text` or `html` and optional `title`,
/// `url`, `published` (or `date`), `outlet`, `authors` (a list or one string; `author` too).
/// A bad line is an error named `path:line N`; the other lines are still read.
public enum JSONLinesReader {
  /// Whether the first non-empty line is a JSON object with a `text` or `html` member.
  public static func sniff(_ bytes: [UInt8]) -> Bool {
    let head = bytes.prefix(1 << 16)
    for line in head.split(separator: 0x0A).prefix(3) {
      let trimmed = line.drop(while: {
        $0 == 0x20 || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF
      })
      if trimmed.isEmpty || trimmed.allSatisfy({ $0 == 0x0D || $0 == 0x20 }) { continue }
      guard trimmed.first == UInt8(ascii: "{"),
        let object = try? JSONSerialization.jsonObject(with: Data(trimmed)) as? [String: Any]
      else { return false }
      return object["text"] is String || object["html"] is String
    }
    return false
  }

  static func read(bytes: [UInt8], source: String) throws(ReadError) -> [Article] {
    try readBatch(bytes: bytes, source: source).articlesOrThrow(source: source)
  }

  public static func readBatch(bytes: [UInt8], source: String) -> ReadBatch {
    var batch = ReadBatch()
    var lineNumber = 0
    var lineStart = 0
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { lineStart = 3 }
    while lineStart < bytes.count {
      lineNumber += 1
      var lineEnd = lineStart
      while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
      let line = bytes[lineStart..<lineEnd]
      lineStart = lineEnd + 1
      if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
      let lineSource = "\(source):line \(lineNumber)"
      do {
        batch.articles.append(try article(line, source: lineSource))
      } catch {
        batch.errors.append(error)
      }
    }
    if batch.articles.isEmpty && batch.errors.isEmpty {
      batch.errors.append(ReadError(source: source, kind: .empty))
    }
    return batch
  }

  static func article(_ line: ArraySlice<UInt8>, source: String) throws(ReadError) -> Article {
    if Charset.validUTF8(line) == nil {
      throw ReadError(source: source, kind: .malformed(reason: "line is not valid UTF-8"))
    }
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: Data(line), options: [])
    } catch {
      throw ReadError(source: source, kind: .malformed(reason: "not valid JSON"))
    }
    guard let fields = object as? [String: Any] else {
      throw ReadError(source: source, kind: .malformed(reason: "expected a JSON object"))
    }
    var article: Article
    if let text = string(fields["text"]) {
      article = Article(text: text, source: source, format: Format.jsonLines.name)
    } else if let html = string(fields["html"]) {
      article = try MailArticle.fromHTML(html, source: source)
    } else {
      throw ReadError(source: source, kind: .malformed(reason: "no \"text\" or \"html\" member"))
    }
    article.source = source
    article.format = Format.jsonLines.name
    var metadata = article.metadata
    metadata.title = string(fields["title"]) ?? metadata.title
    metadata.url = string(fields["url"]) ?? metadata.url
    metadata.published = string(fields["published"]) ?? string(fields["date"]) ?? metadata.published
    metadata.outlet = string(fields["outlet"]) ?? metadata.outlet
    metadata.language = string(fields["language"]) ?? metadata.language
    metadata.description = string(fields["description"]) ?? metadata.description
    if let authors = fields["authors"] ?? fields["author"] {
      if let list = authors as? [Any] {
        metadata.authors = list.compactMap(string)
      } else if let one = string(authors) {
        metadata.authors = [one]
      } else {
        throw ReadError(
          source: source, kind: .malformed(reason: "\"authors\" must be a list of strings"))
      }
    }
    article.metadata = metadata
    return article
  }

  private static func string(_ value: Any?) -> String? {
    guard let text = value as? String else { return nil }
    // Trimmed on Unicode scalars: Foundation's trimming copies a large text through UTF-16.
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return nil }
    if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) {
      return text
    }
    return String(scalars[first...last])
  }
}
