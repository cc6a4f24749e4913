import QuotidianCore

/// mbox mailboxes.
enum MboxReader {
  static func read(bytes: [UInt8], source: String) throws(ReadError) -> [Article] {
    throw ReadError(source: source, kind: .unsupportedFormat("mbox"))
  }
}
