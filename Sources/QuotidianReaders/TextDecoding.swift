/// Validates and decodes UTF-8 text, rejecting binary content.
///
/// One pass over the bytes: an ASCII fast path, a hand-written UTF-8 validator (RFC 3629:
/// no overlong forms, no surrogates, nothing above U+10FFFF) and a count of control bytes.
enum TextDecoding {
  /// Share of control bytes (other than tab, LF, CR, FF, VT, ESC) above which content is binary.
  static let maximumControlShare = 0.01

  /// The validated bytes without a byte-order mark.
  static func validatedUTF8(_ bytes: [UInt8], source: String) throws(ReadError) -> ArraySlice<UInt8> {
    let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    let body = bytes[start...]
    let result = bytes.withUnsafeBufferPointer { buffer in scan(buffer, from: start) }
    switch result {
    case .empty: throw ReadError(source: source, kind: .empty)
    case .binary: throw ReadError(source: source, kind: .binary)
    case .invalid(let offset): throw ReadError(source: source, kind: .invalidUTF8(byteOffset: offset))
    case .valid: return body
    }
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
      if width == 0 { return .invalid(offset: index) }
      index += width
    }
    if !sawText { return .empty }
    let length = count - start
    if controls > 8 && Double(controls) > Double(length) * maximumControlShare { return .binary }
    return .valid
  }

  /// The length of the valid multi-byte sequence at `index`, or 0 when it is not valid.
  @inline(__always)
  static func multibyteWidth(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    let count = buffer.count
    let lead = buffer[index]
    @inline(__always) func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
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
