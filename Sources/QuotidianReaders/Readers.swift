public import QuotidianCore
import Foundation

/// Reads files and bytes into ``Article``s, detecting the format by content and name.
public enum Readers {
  /// Largest input accepted, in bytes.
  public static let defaultByteLimit = 64 << 20

  /// Reads the file at `path`. One file may hold several articles (mbox, feeds, WARC).
  public static func read(
    fileAt path: String, format: Format? = nil, byteLimit: Int = defaultByteLimit
  ) throws(ReadError) -> [Article] {
    let bytes = try FileInput.bytes(atPath: path, byteLimit: byteLimit)
    return try read(bytes: bytes, source: path, format: format)
  }

  /// Reads `bytes` that came from `source` (a path or URL, used in errors and output).
  public static func read(bytes: [UInt8], source: String, format: Format? = nil) throws(ReadError) -> [Article] {
    let format = format ?? FormatDetector.detect(bytes: bytes, name: source)
    switch format {
    case .html: return [try HTMLReader.read(bytes: bytes, source: source)]
    case .email: return [try EmailReader.read(bytes: bytes, source: source)]
    case .mbox: return try MboxReader.read(bytes: bytes, source: source)
    case .feed: return try FeedReader.read(bytes: bytes, source: source)
    case .warc: return try WARCReader.read(bytes: bytes, source: source)
    case .jsonLines: return try JSONLinesReader.read(bytes: bytes, source: source)
    case .newsletter: return [try NewsletterReader.read(bytes: bytes, source: source)]
    default: return [try PlainTextReader.read(bytes: bytes, source: source)]
    }
  }
}
