import QuotidianCore

/// WARC web archives.
enum WARCReader {
  static func read(bytes: [UInt8], source: String) throws(ReadError) -> [Article] {
    throw ReadError(source: source, kind: .unsupportedFormat("warc"))
  }
}
