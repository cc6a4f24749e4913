/// Small byte-level helpers shared by the text readers. All work on UTF-8 bytes.
enum ByteText {
  @inline(__always) static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
  }
  @inline(__always) static func isASCIILower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
  @inline(__always) static func isASCIIUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
  @inline(__always) static func isASCIILetter(_ byte: UInt8) -> Bool { isASCIILower(byte | 0x20) }
  @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
  @inline(__always) static func lowered(_ byte: UInt8) -> UInt8 {
    isASCIIUpper(byte) ? byte | 0x20 : byte
  }

  /// `slice` without leading and trailing ASCII white space, or nil when nothing is left.
  static func trimmed(_ slice: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
    var lower = slice.startIndex
    var upper = slice.endIndex
    while lower < upper, isSpace(slice[lower]) { lower += 1 }
    while upper > lower, isSpace(slice[upper - 1]) { upper -= 1 }
    return lower < upper ? slice[lower..<upper] : nil
  }

  /// Whether `bytes` at `index` starts with the lowercase ASCII `pattern`, ignoring ASCII case.
  @inline(__always)
  static func matchesFolded<C: RandomAccessCollection<UInt8>>(
    _ bytes: C, at index: C.Index, _ pattern: StaticString
  ) -> Bool {
    let length = pattern.utf8CodeUnitCount
    guard bytes.distance(from: index, to: bytes.endIndex) >= length else { return false }
    return pattern.withUTF8Buffer { pattern in
      var position = index
      for expected in pattern {
        if lowered(bytes[position]) != expected { return false }
        position = bytes.index(after: position)
      }
      return true
    }
  }

  /// Whether `bytes` starts with the lowercase ASCII `pattern`, ignoring ASCII case.
  static func hasFoldedPrefix(_ bytes: [UInt8], _ pattern: [UInt8]) -> Bool {
    guard bytes.count >= pattern.count else { return false }
    for index in 0..<pattern.count where lowered(bytes[index]) != pattern[index] { return false }
    return true
  }

  /// The scalar starting at `index` (for the first letter of a line); nil on bad input.
  static func scalar<C: RandomAccessCollection<UInt8>>(in bytes: C, at index: C.Index) -> Unicode
    .Scalar?
  where C.Index == Int {
    guard index >= bytes.startIndex, index < bytes.endIndex else { return nil }
    let lead = bytes[index]
    if lead < 0x80 { return Unicode.Scalar(lead) }
    let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
    guard index + width <= bytes.endIndex else { return nil }
    var value = UInt32(lead) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
    for offset in 1..<width { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
    return Unicode.Scalar(value)
  }

  /// The last scalar of `bytes`, if any.
  static func lastScalar(in bytes: ArraySlice<UInt8>) -> Unicode.Scalar? {
    guard !bytes.isEmpty else { return nil }
    var start = bytes.endIndex - 1
    while start > bytes.startIndex, bytes[start] & 0xC0 == 0x80 { start -= 1 }
    return scalar(in: bytes, at: start)
  }

  /// Closing quotation marks and brackets that may follow a sentence end.
  static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "\"", "'", ")", "]", "\u{201D}", "\u{2019}", "\u{00BB}", "*", "_": true
    default: false
    }
  }

  /// Whether `bytes` ends a sentence: `.`, `!`, `?`, `…` or `:`, possibly followed by closing
  /// quotation marks or brackets.
  static func endsSentence(_ bytes: ArraySlice<UInt8>) -> Bool {
    var end = bytes.endIndex
    var steps = 0
    while end > bytes.startIndex, steps < 6 {
      steps += 1
      guard let last = lastScalar(in: bytes[bytes.startIndex..<end]) else { return false }
      switch last {
      case ".": return steps > 1 || !endsWithAbbreviation(bytes[bytes.startIndex..<end])
      case "!", "?", "\u{2026}", ":": return true
      default:
        guard isCloser(last) else { return false }
        end -= UTF8.width(last)
      }
    }
    return false
  }

  /// Whether `bytes` (ending with a period) ends with an abbreviation: initials such as
  /// "U.S." or "J." or a title such as "Sen." that rarely ends a sentence.
  static func endsWithAbbreviation(_ bytes: ArraySlice<UInt8>) -> Bool {
    guard bytes.last == 0x2E else { return false }
    var start = bytes.endIndex - 1
    while start > bytes.startIndex, !isSpace(bytes[start - 1]) { start -= 1 }
    let word = bytes[start..<(bytes.endIndex - 1)]
    guard !word.isEmpty else { return false }
    // Initials: "U.S", "J", "D.C".
    let pieces = word.split(separator: 0x2E, omittingEmptySubsequences: false)
    if pieces.allSatisfy({ $0.count == 1 && isASCIIUpper($0[$0.startIndex]) }) { return true }
    return TextLexicon.titleAbbreviations.contains(String(decoding: word, as: UTF8.self))
  }

  /// Whether the text starting at `bytes[0]` opens a new sentence: an uppercase letter, a
  /// digit, an opening quotation mark or bracket, a dash or a bullet.
  static func startsSentence(_ bytes: [UInt8]) -> Bool {
    if let lead = bytes.first, lead < 0x80 {
      return isASCIIUpper(lead) || isDigit(lead) || lead == 0x22 || lead == 0x27 || lead == 0x28
        || lead == 0x5B
        || lead == 0x2D || lead == 0x2A || lead == 0x5F || lead == 0x24 || lead == 0x23
    }
    guard let first = scalar(in: bytes, at: 0) else { return false }
    if first.properties.isUppercase { return true }
    switch first {
    case "0"..."9", "\"", "'", "(", "[", "\u{201C}", "\u{2018}", "\u{00AB}", "\u{2014}", "\u{2013}",
      "-",
      "*", "\u{2022}", "_", "$", "#":
      return true
    default: return false
    }
  }

  /// Whether the first scalar of `bytes` is a lowercase letter.
  static func startsLowercase(_ bytes: [UInt8]) -> Bool {
    if let lead = bytes.first, lead < 0x80 { return isASCIILower(lead) }
    guard let first = scalar(in: bytes, at: 0) else { return false }
    return first.properties.isLowercase
  }

  /// Splits `text` into lines at LF (CR already normalised away by the caller, or stripped here).
  static func lineRanges(_ bytes: [UInt8]) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    ranges.reserveCapacity(bytes.count / 48 + 1)
    var start = 0
    bytes.withUnsafeBufferPointer { buffer in
      for index in 0..<buffer.count where buffer[index] == 0x0A {
        var end = index
        if end > start, buffer[end - 1] == 0x0D { end -= 1 }
        ranges.append(start..<end)
        start = index + 1
      }
      var end = buffer.count
      if end > start, buffer[end - 1] == 0x0D { end -= 1 }
      if start < buffer.count { ranges.append(start..<end) }
    }
    return ranges
  }

  /// Whether a byte-count string has no ASCII lowercase letters and at least one uppercase one.
  static func isAllCaps(_ bytes: [UInt8]) -> Bool {
    var sawUpper = false
    for byte in bytes {
      if isASCIILower(byte) { return false }
      if isASCIIUpper(byte) { sawUpper = true }
    }
    guard sawUpper else { return false }
    // Non-ASCII lowercase letters (é, ñ) also rule it out.
    return !String(decoding: bytes, as: UTF8.self).unicodeScalars.contains {
      $0.properties.isLowercase
    }
  }
}
