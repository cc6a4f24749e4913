import QuotidianCore

/// RSS 2.0, Atom 1.0, JSON Feed.
enum FeedReader {
  static func read(bytes: [UInt8], source: String) throws(ReadError) -> [Article] {
    throw ReadError(source: source, kind: .unsupportedFormat("feed"))
  }
}
