/// Why a file or a record could not be read. Carries the source (path or URL) and the problem.
public struct ReadError: Error, Hashable, Sendable, CustomStringConvertible {
  public enum Kind: Hashable, Sendable {
    /// The bytes are not UTF-8 (or the declared charset); the offset of the first bad byte.
    case invalidUTF8(byteOffset: Int)
    /// The content looks binary (NUL bytes, control characters).
    case binary
    /// Nothing to read: zero bytes, or only white space, or no article text.
    case empty
    /// Larger than the configured cap.
    case tooLarge(bytes: Int, limit: Int)
    /// One article's text is longer than analysis accepts (``Readers/articleTextLimit``).
    case textTooLong(bytes: Int, limit: Int)
    /// The file could not be opened or read (permissions, missing, a directory).
    case unreadable(reason: String)
    /// The format is recognised but broken (bad MIME, truncated gzip, malformed feed…).
    case malformed(reason: String)
    /// No reader understands this content.
    case unsupportedFormat(String)
  }

  public var source: String
  public var kind: Kind

  public init(source: String, kind: Kind) {
    self.source = source
    self.kind = kind
  }

  /// The problem in words, without the source.
  public var message: String {
    switch kind {
    case .invalidUTF8(let offset): "invalid UTF-8 at byte \(offset)"
    case .binary: "binary content, not text"
    case .empty: "empty: no article text"
    case .tooLarge(let bytes, let limit): "too large: \(bytes) bytes (limit \(limit))"
    case .textTooLong(let bytes, let limit):
      "article text too long: \(bytes) bytes (limit \(limit) for one article; split it into articles)"
    case .unreadable(let reason): "cannot read: \(reason)"
    case .malformed(let reason): "malformed: \(reason)"
    case .unsupportedFormat(let format): "unsupported format: \(format)"
    }
  }

  /// Compiler style: `path: error: message`.
  public var description: String { "\(source): error: \(message)" }
}
