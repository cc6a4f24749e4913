/// Byte-level classification of UTF-8 text: the shared vocabulary of the scanners.
enum Bytes {
  /// Calls `body` with the contiguous UTF-8 bytes of `text` (copying only if needed).
  static func with<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
    return slowWith(text, body)
  }

  @inline(never)
  static func slowWith<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    let array = Array(text.utf8)
    return array.withUnsafeBufferPointer(body)
  }

  /// Length of the UTF-8 sequence that starts with `lead` (1 for stray continuation bytes).
  @inline(__always)
  static func sequenceLength(_ lead: UInt8) -> Int {
    if lead < 0xC0 { return 1 }
    if lead < 0xE0 { return 2 }
    if lead < 0xF0 { return 3 }
    return 4
  }

  /// The kind of character that starts at `index`.
  enum Class: UInt8 {
    case space, newline, letter, digit, punctuation, quote, symbol, ignorable
  }

  /// Classifies the character at `index` and returns its length in bytes (≥ 1, in bounds).
  @inline(__always)
  static func classify(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> (Class, Int) {
    let byte = bytes[index]
    if byte < 0x80 {
      // Two apostrophes are one double quotation mark (''…'', AP and NYT wire style).
      if byte == 0x27, index + 1 < bytes.count, bytes[index + 1] == 0x27 { return (.quote, 2) }
      return (asciiClass(byte), 1)
    }
    return classifyNonASCII(bytes, index)
  }

  @inline(__always)
  static func asciiClass(_ byte: UInt8) -> Class {
    switch byte {
    case 0x0A, 0x0D: return .newline
    case 0x09, 0x0B, 0x0C, 0x20: return .space
    case 0x30...0x39: return .digit
    case 0x41...0x5A, 0x61...0x7A: return .letter
    case 0x22, 0x27: return .quote
    case 0x00...0x08, 0x0E...0x1F, 0x7F: return .ignorable
    case 0x23, 0x24, 0x25, 0x26, 0x2B, 0x3C, 0x3D, 0x3E, 0x40, 0x5E, 0x60, 0x7C, 0x7E:
      return .symbol
    default: return .punctuation
    }
  }

  @inline(never)
  static func classifyNonASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> (Class, Int) {
    let lead = bytes[index]
    let length = min(sequenceLength(lead), bytes.count - index)
    if lead < 0xC0 { return (.ignorable, 1) }
    if length < 2 { return (.ignorable, length) }
    let b1 = bytes[index + 1]
    if lead == 0xC2 {
      switch b1 {
      case 0xA0: return (.space, length)
      case 0xAB, 0xBB: return (.quote, length)
      case 0xAD: return (.ignorable, length)
      default: return (.symbol, length)
      }
    }
    if lead == 0xC3, b1 == 0x97 || b1 == 0xB7 { return (.symbol, length) }
    if lead == 0xE2, length == 3 {
      let b2 = bytes[index + 2]
      if b1 == 0x80 {
        switch b2 {
        case 0x80...0x8A, 0xAF: return (.space, length)
        case 0x8B...0x8F, 0xAA...0xAE: return (.ignorable, length)
        case 0x90...0x95, 0xA2, 0xA4...0xA7: return (.punctuation, length)
        case 0x98...0x9F, 0xB9, 0xBA: return (.quote, length)
        case 0xA8, 0xA9: return (.newline, length)
        default: return (.symbol, length)
        }
      }
      if b1 == 0x81, b2 >= 0xA0 && b2 <= 0xAF { return (.ignorable, length) }
      return (.symbol, length)
    }
    if lead == 0xE3, b1 == 0x80, length == 3 {
      let b2 = bytes[index + 2]
      if b2 == 0x80 { return (.space, length) }
      if b2 >= 0x81 && b2 <= 0x91 { return (.punctuation, length) }
    }
    if lead == 0xEF, b1 == 0xBB, length == 3, bytes[index + 2] == 0xBF {
      return (.ignorable, length)
    }
    if lead == 0xEF, b1 == 0xB8 || b1 == 0xBC { return (.symbol, length) }
    if lead >= 0xF0 { return (.symbol, length) }
    return (.letter, length)
  }

  /// True when the letter starting at `index` is upper case (ASCII fast path).
  @inline(__always)
  static func isUppercase(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
    let byte = bytes[index]
    if byte < 0x80 { return byte >= 0x41 && byte <= 0x5A }
    return isUppercaseNonASCII(bytes, index)
  }

  @inline(never)
  static func isUppercaseNonASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
    let length = min(sequenceLength(bytes[index]), bytes.count - index)
    var decoder = UTF8()
    var iterator = UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]).makeIterator()
    if case .scalarValue(let scalar) = decoder.decode(&iterator) {
      return scalar.properties.isUppercase
    }
    return false
  }

  /// Quotation marks by their UTF-8 bytes.
  enum Mark: UInt8 {
    case straightDouble, straightSingle, leftDouble, rightDouble, leftSingle, rightSingle,
      lowDouble, leftGuillemet, rightGuillemet
  }

  /// The quotation mark at `index`, if any.
  static func mark(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Mark? {
    let byte = bytes[index]
    if byte == 0x22 { return .straightDouble }
    if byte == 0x27 {
      return index + 1 < bytes.count && bytes[index + 1] == 0x27 ? .straightDouble : .straightSingle
    }
    if byte == 0xC2, index + 1 < bytes.count {
      if bytes[index + 1] == 0xAB { return .leftGuillemet }
      if bytes[index + 1] == 0xBB { return .rightGuillemet }
      return nil
    }
    guard byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80 else { return nil }
    switch bytes[index + 2] {
    case 0x98: return .leftSingle
    case 0x99: return .rightSingle
    case 0x9C: return .leftDouble
    case 0x9D: return .rightDouble
    case 0x9E: return .lowDouble
    default: return nil
    }
  }

  /// Index of the start of the character before `index` (or -1).
  @inline(__always)
  static func previousStart(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
    var i = index - 1
    var steps = 0
    while i > 0, bytes[i] & 0xC0 == 0x80, steps < 3 {
      i -= 1
      steps += 1
    }
    return i
  }
}
