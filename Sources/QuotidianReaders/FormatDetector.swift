/// Guesses a format from the first bytes and the file name.
enum FormatDetector {
  static func detect(bytes: [UInt8], name: String) -> Format {
    let lower = name.lowercased()
    if lower.hasSuffix(".html") || lower.hasSuffix(".htm") { return .html }
    let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
    if head.contains("[[link removed]]") || head.contains("[link removed]") { return .newsletter }
    let trimmed = head.drop(while: { $0.isWhitespace }).lowercased()
    if trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html") { return .html }
    return .text
  }
}
