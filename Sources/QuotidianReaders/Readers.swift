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
    case .html:
      throw ReadError(source: source, kind: .unsupportedFormat("html"))
    default:
      let text = try TextDecoding.utf8Text(bytes, source: source)
      return [Article(text: text, source: source, format: format.name)]
    }
  }
}
