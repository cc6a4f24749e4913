import QuotidianCore

/// HTML pages: main text and metadata (libxml2).
enum HTMLReader {
  static func read(bytes: [UInt8], source: String) throws(ReadError) -> Article {
    throw ReadError(source: source, kind: .unsupportedFormat("html"))
  }
}
