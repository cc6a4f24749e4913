/// An input format Quotidian reads.
public struct Format: Hashable, Sendable, CustomStringConvertible {
  public let name: String
  public init(_ name: String) { self.name = name }
  public var description: String { name }

  /// Plain text, possibly a web-text copy with a title and byline.
  public static let text = Format("text")
  /// A plain-text copy of an email newsletter (`[[link removed]]` markers, hard wraps).
  public static let newsletter = Format("newsletter")
  public static let html = Format("html")

  public static let all: [Format] = [.text, .newsletter, .html]

  public init?(named name: String) {
    guard let format = Format.all.first(where: { $0.name == name.lowercased() }) else { return nil }
    self = format
  }
}
