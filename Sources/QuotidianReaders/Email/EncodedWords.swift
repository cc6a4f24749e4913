/// RFC 2047 encoded-words in header values: `=?charset?B?…?=` and `=?charset?Q?…?=`.
enum EncodedWords {
  /// Decodes every encoded-word in `value`. White space between two adjacent encoded-words
  /// is dropped (RFC 2047 §6.2); a malformed word is kept as written.
  static func decode(_ value: String) -> String {
    let bytes = Array(value.utf8)
    guard bytes.count >= 8, value.contains("=?") else { return value }
    var output = ""
    var literalStart = 0
    var index = 0
    var lastWasEncoded = false
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: "="), index + 1 < bytes.count,
        bytes[index + 1] == UInt8(ascii: "?"),
        let (text, end) = word(in: bytes, at: index)
      {
        let literal = String(decoding: bytes[literalStart..<index], as: UTF8.self)
        let isOnlySpace = literal.utf8.allSatisfy {
          $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A
        }
        if !(lastWasEncoded && isOnlySpace) { output += literal }
        output += text
        index = end
        literalStart = end
        lastWasEncoded = true
        continue
      }
      if !(bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D
        || bytes[index] == 0x0A)
      {
        lastWasEncoded = false
      }
      index += 1
    }
    output += String(decoding: bytes[literalStart...], as: UTF8.self)
    return output
  }

  /// Parses one encoded-word starting at `start` ("=?"); returns its text and the end offset.
  private static func word(in bytes: [UInt8], at start: Int) -> (String, Int)? {
    var index = start + 2
    let charsetStart = index
    while index < bytes.count, bytes[index] != UInt8(ascii: "?") {
      if bytes[index] <= 0x20 || index - charsetStart > 40 { return nil }
      index += 1
    }
    guard index + 2 < bytes.count, bytes[index + 2] == UInt8(ascii: "?") else { return nil }
    var charset = String(decoding: bytes[charsetStart..<index], as: UTF8.self)
    // RFC 2231 language
    if let star = charset.firstIndex(of: "*") { charset = String(charset[..<star]) }
    let encoding = bytes[index + 1] | 0x20
    let textStart = index + 3
    index = textStart
    while index + 1 < bytes.count,
      !(bytes[index] == UInt8(ascii: "?") && bytes[index + 1] == UInt8(ascii: "="))
    {
      if bytes[index] == 0x20 || bytes[index] == 0x0A { return nil }
      index += 1
    }
    guard index + 1 < bytes.count else { return nil }
    let encoded = bytes[textStart..<index]
    let decoded: [UInt8]
    switch encoding {
    case UInt8(ascii: "b"):
      guard let value = try? TransferEncoding.base64(encoded) else { return nil }
      decoded = value
    case UInt8(ascii: "q"):
      decoded = TransferEncoding.quotedPrintable(encoded, isHeader: true)
    default:
      return nil
    }
    return (Charset.decode(decoded, charset: charset), index + 2)
  }
}
