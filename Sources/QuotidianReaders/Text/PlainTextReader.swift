import QuotidianCore

/// Plain text and web-text copies: a title, a byline, a section word, headings.
enum PlainTextReader {
  static func read(bytes: [UInt8], source: String) throws(ReadError) -> Article {
    let text = try TextDecoding.utf8Text(bytes, source: source)
    return Article(text: text, source: source, format: Format.text.name)
  }
}
