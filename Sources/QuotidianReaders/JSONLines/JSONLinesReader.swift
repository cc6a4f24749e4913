import QuotidianCore

/// JSON Lines, one article per line.
enum JSONLinesReader {
  static func read(bytes: [UInt8], source: String) throws(ReadError) -> [Article] {
    throw ReadError(source: source, kind: .unsupportedFormat("jsonl"))
  }
}
