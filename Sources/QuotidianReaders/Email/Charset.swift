import Foundation

/// Decodes bytes in a declared charset to a `String`.
///
/// UTF-8, US-ASCII, ISO-8859-1, ISO-8859-15 and Windows-1252 are decoded by our own tables;
/// a few other single-byte charsets go through Foundation. A label we do not know, or UTF-8
/// that does not validate, falls back to Windows-1252 (the WHATWG rule for Latin-1 labels and
/// the commonest mislabelling in mail), so decoding never fails.
enum Charset {
  /// Normalised charset label: lower-case, no quotes or spaces.
  static func normalize(_ label: String?) -> String? {
    guard let label else { return nil }
    let trimmed = label.trimmingCharacters(in: CharacterSet(charactersIn: "\"' \t")).lowercased()
    return trimmed.isEmpty ? nil : trimmed
  }

  static func decode<C: Collection<UInt8>>(_ bytes: C, charset label: String?) -> String {
    switch normalize(label) {
    case nil, "utf-8", "utf8", "us-ascii", "ascii", "unicode-1-1-utf-8":
      if let text = validUTF8(bytes) { return text }
      return windows1252(bytes)
    case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "iso_8859-1", "cp819", "ibm819":
      // WHATWG: the ISO-8859-1 label means Windows-1252, a superset on printable bytes.
      return windows1252(bytes)
    case "windows-1252", "cp1252", "x-cp1252", "cp-1252":
      return windows1252(bytes)
    case "iso-8859-15", "iso8859-15", "latin9", "latin-9":
      return latin9(bytes)
    case let label?:
      if let encoding = foundationEncodings[label],
        let text = String(bytes: Array(bytes), encoding: encoding)
      {
        return text
      }
      if let text = validUTF8(bytes) { return text }
      return windows1252(bytes)
    }
  }

  /// The text if `bytes` are valid UTF-8 (a leading BOM is dropped).
  static func validUTF8<C: Collection<UInt8>>(_ bytes: C) -> String? {
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    var iterator = body.makeIterator()
    var decoder = UTF8()
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue: continue
      case .emptyInput: return String(decoding: body, as: UTF8.self)
      case .error: return nil
      }
    }
  }

  static func windows1252<C: Collection<UInt8>>(_ bytes: C) -> String {
    var scalars = String.UnicodeScalarView()
    for byte in bytes {
      if byte >= 0x80 && byte < 0xA0 {
        scalars.append(Unicode.Scalar(windows1252High[Int(byte) - 0x80]) ?? "\u{FFFD}")
      } else {
        scalars.append(Unicode.Scalar(byte))
      }
    }
    return String(scalars)
  }

  static func latin9<C: Collection<UInt8>>(_ bytes: C) -> String {
    var scalars = String.UnicodeScalarView()
    for byte in bytes {
      let value: UInt32 =
        switch byte {
        case 0xA4: 0x20AC
        case 0xA6: 0x0160
        case 0xA8: 0x0161
        case 0xB4: 0x017D
        case 0xB8: 0x017E
        case 0xBC: 0x0152
        case 0xBD: 0x0153
        case 0xBE: 0x0178
        default: UInt32(byte)
        }
      scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
    }
    return String(scalars)
  }

  /// Windows-1252 bytes 0x80–0x9F (Microsoft's best-fit table, as WHATWG encodes it;
  /// the five unassigned bytes map to the C1 control of the same value).
  static let windows1252High: [UInt32] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
  ]

  static let foundationEncodings: [String: String.Encoding] = [
    "iso-8859-2": .isoLatin2, "latin2": .isoLatin2,
    "windows-1250": .windowsCP1250, "cp1250": .windowsCP1250,
    "windows-1251": .windowsCP1251, "cp1251": .windowsCP1251,
    "windows-1253": .windowsCP1253, "windows-1254": .windowsCP1254,
    "shift_jis": .shiftJIS, "euc-jp": .japaneseEUC, "iso-2022-jp": .iso2022JP,
    "utf-16": .utf16, "utf-16le": .utf16LittleEndian, "utf-16be": .utf16BigEndian,
    "macintosh": .macOSRoman, "mac": .macOSRoman,
  ]
}
