import QuotidianCore

/// Plain-text copies of email newsletters that forward an article.
enum NewsletterReader {
  static func read(bytes: [UInt8], source: String) throws(ReadError) -> Article {
    let text = try TextDecoding.utf8Text(bytes, source: source)
    return Article(text: text, source: source, format: Format.newsletter.name)
  }
}
