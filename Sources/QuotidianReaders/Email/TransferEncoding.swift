/// Content-Transfer-Encoding decoders (RFC 2045 §6): quoted-printable and base64.
enum TransferEncoding {
  /// Decodes quoted-printable. Soft line breaks (`=` at line end) are removed; a malformed
  /// escape is kept literally, as RFC 2045 §6.7 recommends for robustness.
  static func quotedPrintable<C: Collection<UInt8>>(_ input: C, isHeader: Bool = false) -> [UInt8] {
    let bytes = Array(input)
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "=") {
        // Soft line break: "=" then optional white space then CRLF or LF.
        var next = index + 1
        while next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x09 { next += 1 }
        if next < bytes.count, bytes[next] == 0x0D, next + 1 < bytes.count, bytes[next + 1] == 0x0A
        {
          index = next + 2
          continue
        }
        if next < bytes.count, bytes[next] == 0x0A {
          index = next + 1
          continue
        }
        if next >= bytes.count {
          index = next
          continue
        }
        if index + 2 < bytes.count, let high = hexValue(bytes[index + 1]),
          let low = hexValue(bytes[index + 2])
        {
          output.append(high << 4 | low)
          index += 3
          continue
        }
        output.append(byte)
        index += 1
      } else if isHeader && byte == UInt8(ascii: "_") {
        output.append(0x20)
        index += 1
      } else {
        output.append(byte)
        index += 1
      }
    }
    return output
  }

  /// Why base64 decoding failed.
  struct Base64Error: Error, Equatable {
    var byteOffset: Int
    var byte: UInt8
  }

  /// Decodes base64, ignoring white space and line breaks; stops at the first `=` padding.
  /// Any other byte outside the alphabet is an error (garbage is not silently dropped).
  static func base64<C: Collection<UInt8>>(_ input: C) throws(Base64Error) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(input.count * 3 / 4)
    var accumulator: UInt32 = 0
    var bitCount = 0
    var offset = 0
    var isPadding = false
    for byte in input {
      defer { offset += 1 }
      if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A { continue }
      if byte == UInt8(ascii: "=") {
        isPadding = true
        continue
      }
      guard let value = base64Value(byte) else { throw Base64Error(byteOffset: offset, byte: byte) }
      if isPadding {
        // Data after padding: a second concatenated encoding; restart the quantum.
        isPadding = false
        accumulator = 0
        bitCount = 0
      }
      accumulator = accumulator << 6 | UInt32(value)
      bitCount += 6
      if bitCount >= 8 {
        bitCount -= 8
        output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bitCount)))
        accumulator &= (1 << UInt32(bitCount)) - 1
      }
    }
    return output
  }

  @inline(__always)
  static func base64Value(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - UInt8(ascii: "A")
    case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - UInt8(ascii: "a") + 26
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0") + 52
    case UInt8(ascii: "+"), UInt8(ascii: "-"): 62
    case UInt8(ascii: "/"), UInt8(ascii: "_"): 63
    default: nil
    }
  }

  @inline(__always)
  static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    default: nil
    }
  }
}
