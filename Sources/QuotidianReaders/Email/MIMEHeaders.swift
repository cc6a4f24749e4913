import Foundation

/// A header block (RFC 5322 §2.2): unfolded fields in order, looked up case-insensitively.
struct MIMEHeaders {
  var fields: [(name: String, value: String)] = []

  /// The first field named `name` (lower-case), unfolded, not yet RFC 2047-decoded.
  subscript(name: String) -> String? {
    fields.first(where: { $0.name == name })?.value
  }

  /// The first field named `name` with its encoded-words decoded.
  func decoded(_ name: String) -> String? {
    self[name].map { EncodedWords.decode($0).trimmingCharacters(in: .whitespaces) }
  }

  /// Parses the header block at the start of `bytes`; returns the headers and the body.
  /// The block ends at the first empty line. Lines that are not fields are skipped.
  static func parse(_ bytes: ArraySlice<UInt8>) -> (MIMEHeaders, ArraySlice<UInt8>) {
    var headers = MIMEHeaders()
    var index = bytes.startIndex
    var lines: [ArraySlice<UInt8>] = []
    var bodyStart = bytes.endIndex
    while index < bytes.endIndex {
      var lineEnd = index
      while lineEnd < bytes.endIndex && bytes[lineEnd] != 0x0A { lineEnd += 1 }
      var contentEnd = lineEnd
      if contentEnd > index && bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
      let next = lineEnd < bytes.endIndex ? lineEnd + 1 : lineEnd
      if contentEnd == index {
        bodyStart = next
        break
      }
      lines.append(bytes[index..<contentEnd])
      index = next
      if index == bytes.endIndex { bodyStart = index }
    }
    var currentName: String?
    var currentValue: [UInt8] = []
    func flush() {
      if let name = currentName {
        headers.fields.append((name, decodeRaw(currentValue).trimmingCharacters(in: .whitespaces)))
      }
      currentName = nil
      currentValue = []
    }
    for (lineNumber, line) in lines.enumerated() {
      guard let first = line.first else { continue }
      if first == 0x20 || first == 0x09 {
        if currentName != nil { currentValue.append(contentsOf: line) }
        continue
      }
      flush()
      if lineNumber == 0 && line.starts(with: Array("From ".utf8)) { continue }  // mbox envelope
      guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
        line[line.startIndex..<colon].allSatisfy({ $0 > 0x20 && $0 < 0x7F })
      else { continue }
      currentName = String(decoding: line[line.startIndex..<colon], as: UTF8.self).lowercased()
      currentValue = Array(line[(colon + 1)...])
    }
    flush()
    return (headers, bytes[bodyStart...])
  }

  /// Raw header bytes: UTF-8 when valid (RFC 6532), else Windows-1252.
  private static func decodeRaw(_ bytes: [UInt8]) -> String {
    Charset.validUTF8(bytes) ?? Charset.windows1252(bytes)
  }
}
