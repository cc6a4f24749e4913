/// Validates and decodes UTF-8 text, rejecting binary content.
///
/// One pass over the bytes: an ASCII fast path, a hand-written UTF-8 validator (RFC 3629:
/// no overlong forms, no surrogates, nothing above U+10FFFF) and a count of control bytes.
enum TextDecoding {
  /// Share of control bytes (other than tab, LF, CR, FF, VT, ESC) above which content is binary.
  static let maximumControlShare = 0.01

  /// The validated bytes without a byte-order mark.
  static func validatedUTF8(_ bytes: [UInt8], source: String) throws(ReadError) -> ArraySlice<UInt8>
  {
    let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    let body = bytes[start...]
    let result = bytes.withUnsafeBufferPointer { buffer in scan(buffer, from: start) }
    switch result {
    case .empty: throw ReadError(source: source, kind: .empty)
    case .binary: throw ReadError(source: source, kind: .binary)
    case .invalid(let offset):
      throw ReadError(source: source, kind: .invalidUTF8(byteOffset: offset))
    case .valid: return body
    }
  }

  /// UTF-16 text with a byte-order mark (`FF FE` little-endian, `FE FF` big-endian) as
  /// UTF-8 bytes; nil for anything else. Unpaired surrogates become U+FFFD.
  static func utf16ToUTF8(_ bytes: [UInt8]) -> [UInt8]? {
    guard bytes.count >= 2 else { return nil }
    let littleEndian: Bool
    switch (bytes[0], bytes[1]) {
    case (0xFF, 0xFE): littleEndian = true
    case (0xFE, 0xFF): littleEndian = false
    default: return nil
    }
    // "FF FE 00 00" is UTF-32LE's mark; not handled here.
    if littleEndian, bytes.count >= 4, bytes[2] == 0, bytes[3] == 0 { return nil }
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var index = 2
    while index + 1 < bytes.count {
      let pair =
        littleEndian
        ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8
        : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
      units.append(pair)
      index += 2
    }
    return Array(String(decoding: units, as: UTF16.self).utf8)
  }

  /// When `bytes` are not UTF-8 but look like 8-bit text (no NUL, not binary, no UTF-8 mark
  /// and not one valid multi-byte UTF-8 sequence), their Windows-1252 (a superset of
  /// printable Latin-1) decoding as UTF-8 bytes and the byte offset of the first byte that
  /// was not UTF-8. Nil when the bytes are UTF-8, binary, or UTF-8 with damage (then the
  /// UTF-8 error is the better answer).
  static func windows1252Fallback(_ bytes: [UInt8]) -> (bytes: [UInt8], firstInvalid: Int)? {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return nil }
    let verdict: Int? = bytes.withUnsafeBufferPointer { buffer -> Int? in
      guard case .invalid(let offset) = scan(buffer, from: 0) else { return nil }
      var index = 0
      while index < buffer.count {
        if buffer[index] < 0x80 {
          index += 1
          continue
        }
        let width = multibyteWidth(buffer, at: index)
        if width > 0 { return nil }  // real UTF-8 somewhere: damaged UTF-8, not 8-bit text
        index += 1
      }
      return offset
    }
    guard let offset = verdict else { return nil }
    return (Array(Charset.windows1252(bytes).utf8), offset)
  }

  /// The text of `bytes`, validated (see ``validatedUTF8(_:source:)``).
  static func utf8Text(_ bytes: [UInt8], source: String) throws(ReadError) -> String {
    String(decoding: try validatedUTF8(bytes, source: source), as: UTF8.self)
  }

  enum ScanResult: Equatable {
    case valid, empty, binary
    case invalid(offset: Int)
  }

  /// Scans `buffer[from...]`. NUL bytes or too many control bytes make it binary; binary is
  /// reported before invalid UTF-8 only when a NUL comes first.
  static func scan(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> ScanResult {
    let count = buffer.count
    var index = start
    var controls = 0
    var sawText = false
    while index < count {
      let byte = buffer[index]
      if byte < 0x80 {
        if byte < 0x20 {
          switch byte {
          case 0x09, 0x0A, 0x0B, 0x0C, 0x0D: break
          case 0x00: return .binary
          case 0x1B: break
          default: controls += 1
          }
        } else if byte != 0x20 {
          sawText = true
        }
        index += 1
        continue
      }
      sawText = true
      let width = multibyteWidth(buffer, at: index)
      if width == 0 { return looksBinary(buffer, from: start) ? .binary : .invalid(offset: index) }
      index += width
    }
    if !sawText { return .empty }
    let length = count - start
    if controls > 8 && Double(controls) > Double(length) * maximumControlShare { return .binary }
    return .valid
  }

  /// Whether the first 64 KiB hold a NUL byte or many control bytes: binary data is usually
  /// also invalid UTF-8, and "binary" is the better diagnosis then.
  @inline(never)
  static func looksBinary(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
    let end = min(buffer.count, start + 65536)
    guard start < end else { return false }
    // gzip
    if buffer[start] == 0x1F && start + 1 < end && buffer[start + 1] == 0x8B { return true }
    var controls = 0
    for index in start..<end {
      let byte = buffer[index]
      if byte == 0 { return true }
      if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C && byte != 0x1B
      {
        controls += 1
      }
    }
    return controls > 8 && Double(controls) > Double(end - start) * maximumControlShare
  }

  /// The length of the valid multi-byte sequence at `index`, or 0 when it is not valid.
  @inline(__always)
  static func multibyteWidth(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    let count = buffer.count
    let lead = buffer[index]
    @inline(__always) func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF)
      -> Bool
    {
      let position = index + offset
      guard position < count else { return false }
      let byte = buffer[position]
      return byte >= low && byte <= high
    }
    switch lead {
    case 0xC2...0xDF:
      return continuation(1) ? 2 : 0
    case 0xE0:
      return continuation(1, 0xA0, 0xBF) && continuation(2) ? 3 : 0
    case 0xE1...0xEC, 0xEE...0xEF:
      return continuation(1) && continuation(2) ? 3 : 0
    case 0xED:
      return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : 0
    case 0xF0:
      return continuation(1, 0x90, 0xBF) && continuation(2) && continuation(3) ? 4 : 0
    case 0xF1...0xF3:
      return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
    case 0xF4:
      return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : 0
    default:
      return 0
    }
  }

  /// `bytes` with CRLF and lone CR turned into LF and surrounding white space trimmed.
  static func normalizedLines(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var previousCR = false
    for byte in bytes {
      if byte == 0x0D {
        output.append(0x0A)
        previousCR = true
        continue
      }
      if byte == 0x0A && previousCR {
        previousCR = false
        continue
      }
      previousCR = false
      output.append(byte)
    }
    return ByteText.trimmed(output[...]).map { Array($0) } ?? []
  }
}
