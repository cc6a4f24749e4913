#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decides how to decode an HTML page's bytes: byte-order mark, declared charset
/// (`<meta charset>`, `http-equiv` content type, XML declaration) and a validity check,
/// so that a page whose declaration is wrong (Latin-1 bytes declared UTF-8 and vice versa)
/// still reads correctly.
enum HTMLCharset: Equatable {
  /// Valid UTF-8; hand to libxml2 as is.
  case utf8
  /// UTF-8 with a few bad bytes (a stray Latin-1 byte in a UTF-8 page): each bad byte
  /// becomes U+FFFD, the rest stays UTF-8.
  case utf8Repairing
  /// Windows-1252 (a superset of the printable ISO-8859-1); converted to UTF-8 by us.
  case windows1252
  /// Another charset libxml2 (iconv) knows, by its label.
  case other(String)

  /// How many leading bytes are searched for a declaration.
  static let sniffLimit = 16384

  /// The decoding to use for `bytes` and the number of BOM bytes to skip.
  static func detect(_ bytes: UnsafeBufferPointer<UInt8>) -> (HTMLCharset, bomLength: Int) {
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return (.utf8, 3) }
    if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return (.other("UTF-16LE"), 2) }
    if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return (.other("UTF-16BE"), 2) }
    let declared = declaredLabel(in: bytes).map(normalized)
    let (isValid, hasMultibyte) = utf8Validity(bytes)
    switch declared {
    case nil, "utf-8":
      if isValid { return (.utf8, 0) }
      // Latin-1 text almost never forms valid multibyte sequences; UTF-8 text with a few
      // bad bytes has many good ones.
      let (good, bad) = utf8SequenceCounts(bytes)
      return (good >= 2 * bad || (good > 0 && bad <= 3) ? .utf8Repairing : .windows1252, 0)
    case "windows-1252":
      // Multibyte sequences that are all valid UTF-8 almost never arise from Latin-1 text.
      return (isValid && hasMultibyte ? .utf8 : .windows1252, 0)
    case let label?:
      if isValid && hasMultibyte { return (.utf8, 0) }
      if isValid && !hasMultibyte { return (.utf8, 0) }  // plain ASCII reads the same
      return (.other(label), 0)
    }
  }

  /// Maps charset labels to the names used here (WHATWG treats Latin-1 labels as 1252).
  static func normalized(_ label: String) -> String {
    switch label.lowercased() {
    case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": "utf-8"
    case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "windows-1252", "cp1252", "x-cp1252",
      "us-ascii", "ascii", "iso-8859-15", "iso8859-15", "cp819", "ibm819", "iso_8859-1":
      "windows-1252"
    case let other: other
    }
  }

  /// The charset named by the first `charset=` of a `<meta>` tag (its own attribute or its
  /// content type) or the XML declaration's `encoding=` in the first bytes; a `charset` on a
  /// `<script>` names the script's encoding, not the page's.
  static func declaredLabel(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
    let limit = min(bytes.count, sniffLimit)
    var index = 0
    while index + 8 < limit {
      let byte = bytes[index] | 0x20
      if byte == UInt8(ascii: "c") || byte == UInt8(ascii: "e") {
        let word: [UInt8] =
          byte == UInt8(ascii: "c") ? Array("charset".utf8) : Array("encoding".utf8)
        if matches(bytes, at: index, word, limit: limit),
          isInside(byte == UInt8(ascii: "c") ? "<meta" : "<?xml", bytes, at: index)
        {
          var cursor = index + word.count
          while cursor < limit, bytes[cursor] == 0x20 { cursor += 1 }
          guard cursor < limit, bytes[cursor] == UInt8(ascii: "=") else {
            index += 1
            continue
          }
          cursor += 1
          while cursor < limit,
            bytes[cursor] == 0x20 || bytes[cursor] == 0x22 || bytes[cursor] == 0x27
          {
            cursor += 1
          }
          let start = cursor
          while cursor < limit, isLabelByte(bytes[cursor]) { cursor += 1 }
          if cursor > start, cursor - start < 40 {
            return String(
              decoding: UnsafeBufferPointer(rebasing: bytes[start..<cursor]), as: UTF8.self)
          }
        }
      }
      index += 1
    }
    return nil
  }

  /// Whether the tag around `index` (from the last `<` before it) starts with `opening`.
  private static func isInside(
    _ opening: StaticString, _ bytes: UnsafeBufferPointer<UInt8>, at index: Int
  ) -> Bool {
    var start = index - 1
    let floor = max(0, index - 2048)
    while start >= floor, bytes[start] != UInt8(ascii: "<") {
      if bytes[start] == UInt8(ascii: ">") { return false }
      start -= 1
    }
    guard start >= floor else { return false }
    let length = opening.utf8CodeUnitCount
    guard start + length <= index else { return false }
    let letters = opening.utf8Start
    for offset in 0..<length where bytes[start + offset] | 0x20 != letters[offset] | 0x20 {
      return false
    }
    return true
  }

  private static func matches(
    _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ word: [UInt8], limit: Int
  ) -> Bool {
    guard index + word.count <= limit else { return false }
    for (offset, expected) in word.enumerated() where bytes[index + offset] | 0x20 != expected {
      return false
    }
    return true
  }

  private static func isLabelByte(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
      || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
      || byte == UInt8(ascii: ".")
  }

  /// Whether `bytes` are valid UTF-8, and whether they contain any multibyte sequence.
  static func utf8Validity(_ bytes: UnsafeBufferPointer<UInt8>) -> (
    isValid: Bool, hasMultibyte: Bool
  ) {
    var index = 0
    let count = bytes.count
    var hasMultibyte = false
    let base = bytes.baseAddress
    while index < count {
      if let base, index + 8 <= count,
        UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
      {
        index += 8
        continue
      }
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      hasMultibyte = true
      let length: Int
      var minimum: UInt32
      var scalar: UInt32
      switch lead {
      case 0xC2...0xDF: (length, minimum, scalar) = (2, 0x80, UInt32(lead & 0x1F))
      case 0xE0...0xEF: (length, minimum, scalar) = (3, 0x800, UInt32(lead & 0x0F))
      case 0xF0...0xF4: (length, minimum, scalar) = (4, 0x10000, UInt32(lead & 0x07))
      default: return (false, true)
      }
      guard index + length <= count else {
        // A sequence cut by the end of the file (a truncated page) is not a charset error.
        return (true, true)
      }
      for offset in 1..<length {
        let next = bytes[index + offset]
        guard next & 0xC0 == 0x80 else { return (false, true) }
        scalar = scalar << 6 | UInt32(next & 0x3F)
      }
      if scalar < minimum || scalar > 0x10FFFF || (scalar >= 0xD800 && scalar <= 0xDFFF) {
        return (false, true)
      }
      index += length
    }
    return (true, hasMultibyte)
  }

  /// The numbers of valid multibyte UTF-8 sequences and of bytes that start no valid sequence.
  static func utf8SequenceCounts(_ bytes: UnsafeBufferPointer<UInt8>) -> (good: Int, bad: Int) {
    var good = 0
    var bad = 0
    var index = 0
    while index < bytes.count {
      if bytes[index] < 0x80 {
        index += 1
        continue
      }
      let length = validSequenceLength(bytes, at: index)
      if length > 0 {
        good += 1
        index += length
      } else {
        bad += 1
        index += 1
      }
    }
    return (good, bad)
  }

  /// The length of the valid multibyte UTF-8 sequence at `index`, or 0.
  @inline(__always)
  static func validSequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    let lead = bytes[index]
    let length: Int
    var minimum: UInt32
    var scalar: UInt32
    switch lead {
    case 0xC2...0xDF: (length, minimum, scalar) = (2, 0x80, UInt32(lead & 0x1F))
    case 0xE0...0xEF: (length, minimum, scalar) = (3, 0x800, UInt32(lead & 0x0F))
    case 0xF0...0xF4: (length, minimum, scalar) = (4, 0x10000, UInt32(lead & 0x07))
    default: return 0
    }
    guard index + length <= bytes.count else { return 0 }
    for offset in 1..<length {
      let next = bytes[index + offset]
      guard next & 0xC0 == 0x80 else { return 0 }
      scalar = scalar << 6 | UInt32(next & 0x3F)
    }
    if scalar < minimum || scalar > 0x10FFFF || (scalar >= 0xD800 && scalar <= 0xDFFF) { return 0 }
    return length
  }

  /// UTF-8 with every byte that starts no valid sequence replaced by U+FFFD.
  static func repairedUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 64)
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte < 0x80 {
        out.append(byte)
        index += 1
        continue
      }
      let length = validSequenceLength(bytes, at: index)
      if length > 0 {
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<index + length]))
        index += length
      } else {
        out.append(contentsOf: [0xEF, 0xBF, 0xBD])
        index += 1
      }
    }
    return out
  }

  /// The iconv name for a declared legacy charset: WHATWG's reading of the label (a page
  /// declared GB2312 is decoded as GB18030, its superset, Shift_JIS as Windows-31J, EUC-KR as
  /// Windows-949), or the label itself.
  static func iconvName(_ label: String) -> String {
    switch label.lowercased() {
    case "gb2312", "gbk", "x-gbk", "gb_2312-80", "gb_2312", "chinese", "csgb2312", "iso-ir-58",
      "cp936",
      "windows-936", "gb18030":
      "GB18030"
    case "big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5": "BIG5-HKSCS"
    case "shift_jis", "shift-jis", "sjis", "ms_kanji", "x-sjis", "windows-31j", "csshiftjis",
      "ms932", "cp932":
      "CP932"
    case "euc-kr", "ks_c_5601-1987", "windows-949", "cseuckr", "ks_c_5601-1989", "ksc5601", "cp949":
      "CP949"
    case "windows-1251", "cp1251", "x-cp1251": "CP1251"
    case "koi8-r", "koi8_r", "cskoi8r", "koi": "KOI8-R"
    case "koi8-u", "koi8-ru": "KOI8-U"
    case let other: other.uppercased()
    }
  }

  /// Decodes `bytes` in the charset `label` with iconv; bytes iconv cannot read become
  /// U+FFFD. Nil when iconv does not know the charset.
  static func utf8(from bytes: UnsafeBufferPointer<UInt8>, label: String) -> [UInt8]? {
    let handle = iconv_open("UTF-8", iconvName(label))
    guard unsafeBitCast(handle, to: Int.self) != -1 else { return nil }
    defer { iconv_close(handle) }
    guard let base = bytes.baseAddress, bytes.count > 0 else { return [] }
    var output = [UInt8](repeating: 0, count: bytes.count * 2 + 64)
    var written = 0
    var input = UnsafeMutablePointer(mutating: base).withMemoryRebound(
      to: CChar.self, capacity: bytes.count
    ) { $0 }
    var inputLeft = bytes.count
    var steps = 0
    while inputLeft > 0, steps < 1 << 24 {
      steps += 1
      if output.count - written < 64 {
        output.append(contentsOf: repeatElement(0, count: output.count))
      }
      var outputLeft = output.count - written
      let result = output.withUnsafeMutableBufferPointer { buffer -> Int in
        var cursor: UnsafeMutablePointer<CChar>? = buffer.baseAddress.map {
          UnsafeMutableRawPointer($0 + written).assumingMemoryBound(to: CChar.self)
        }
        var inputCursor: UnsafeMutablePointer<CChar>? = input
        let result = iconv(handle, &inputCursor, &inputLeft, &cursor, &outputLeft)
        if let inputCursor { input = inputCursor }
        return result
      }
      written = output.count - outputLeft
      if result != -1 { break }
      switch errno {
      case E2BIG: continue
      case EILSEQ:
        output.replaceSubrange(written..<min(written + 3, output.count), with: [0xEF, 0xBF, 0xBD])
        written += 3
        input += 1
        inputLeft -= 1
      default:  // EINVAL: a sequence cut by the end of the page
        inputLeft = 0
      }
    }
    output.removeSubrange(written...)
    return output
  }

  /// Converts Windows-1252 bytes to UTF-8.
  static func utf8(fromWindows1252 bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + bytes.count / 8)
    for byte in bytes {
      if byte < 0x80 {
        out.append(byte)
        continue
      }
      var scalar = UInt32(byte)
      if byte < 0xA0 {
        // The shared table maps the five unassigned bytes to their C1 controls; a page
        // shows them as U+FFFD.
        scalar = Charset.windows1252High[Int(byte) - 0x80]
        if scalar < 0xA0 { scalar = 0xFFFD }
      }
      if scalar < 0x800 {
        out.append(UInt8(0xC0 | (scalar >> 6)))
        out.append(UInt8(0x80 | (scalar & 0x3F)))
      } else {
        out.append(UInt8(0xE0 | (scalar >> 12)))
        out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (scalar & 0x3F)))
      }
    }
    return out
  }
}
