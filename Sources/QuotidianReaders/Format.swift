/// An input format Quotidian reads.
public struct Format: Hashable, Sendable, CustomStringConvertible {
  public let name: String
  init(_ name: String) { self.name = name }
  public var description: String { name }

  /// Plain text, possibly a web-text copy with a title and byline.
  public static let text = Format("text")
  /// A plain-text copy of an email newsletter (`[[link removed]]` markers, hard wraps).
  public static let newsletter = Format("newsletter")
  /// An HTML page: main text and metadata.
  public static let html = Format("html")
  /// One email message (`.eml`, MIME).
  public static let email = Format("eml")
  /// An mbox mailbox of many messages.
  public static let mbox = Format("mbox")
  /// RSS 2.0, Atom 1.0 or JSON Feed.
  public static let feed = Format("feed")
  /// WARC 1.0/1.1 web archive.
  public static let warc = Format("warc")
  /// JSON Lines, one article per line.
  public static let jsonLines = Format("jsonl")

  public static let all: [Format] = [
    .text, .newsletter, .html, .email, .mbox, .feed, .warc, .jsonLines,
  ]

  public init?(named name: String) {
    guard let format = Format.all.first(where: { $0.name == name.lowercased() }) else { return nil }
    self = format
  }
}
