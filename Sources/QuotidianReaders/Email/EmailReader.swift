import QuotidianCore

/// One MIME message (`.eml`).
enum EmailReader {
  static func read(bytes: [UInt8], source: String) throws(ReadError) -> Article {
    throw ReadError(source: source, kind: .unsupportedFormat("eml"))
  }
}
