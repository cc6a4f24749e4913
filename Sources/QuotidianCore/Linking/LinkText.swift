import Foundation

/// The words of a text as cross-article linking compares them: letters and digits, accents
/// removed, lower-cased, an apostrophe inside a word kept (typographic ones folded to `'`),
/// everything else a separator. Two texts with the same words are the same content whatever
/// their whitespace, punctuation, quotation marks, case or Unicode form.
public enum LinkText {
  /// The folded words of `text`, in order.
  public static func words(_ text: String) -> [String] {
    var text = text
    text.makeContiguousUTF8()
    return text.utf8.withContiguousStorageIfAvailable(words(in:))
      ?? Array(text.utf8).withUnsafeBufferPointer(words(in:))
  }

  private static func words(in bytes: UnsafeBufferPointer<UInt8>) -> [String] {
    var words: [String] = []
    var current: [UInt8] = []
    current.reserveCapacity(32)
    var pendingApostrophe = false
    func flush() {
      if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
      current.removeAll(keepingCapacity: true)
      pendingApostrophe = false
    }
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte < 0x80 {
        index += 1
        if isASCIIAlphanumeric(byte) {
          if pendingApostrophe {
            current.append(0x27)
            pendingApostrophe = false
          }
          current.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        } else if byte == 0x27, !current.isEmpty, !pendingApostrophe {
          pendingApostrophe = true
        } else {
          flush()
        }
        continue
      }
      // A non-ASCII scalar: decode it.
      let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
      var value =
        UInt32(byte) & (length == 4 ? 0x07 : length == 3 ? 0x0F : length == 2 ? 0x1F : 0x7F)
      var next = index + 1
      while next < min(bytes.count, index + length), bytes[next] & 0xC0 == 0x80 {
        value = value << 6 | UInt32(bytes[next] & 0x3F)
        next += 1
      }
      index = max(next, index + 1)
      guard let scalar = Unicode.Scalar(value) else {
        flush()
        continue
      }
      if scalar == "\u{2019}" {
        if !current.isEmpty, !pendingApostrophe { pendingApostrophe = true } else { flush() }
        continue
      }
      if scalar.properties.generalCategory == .nonspacingMark { continue }
      guard isWordScalar(scalar) else {
        flush()
        continue
      }
      if pendingApostrophe {
        current.append(0x27)
        pendingApostrophe = false
      }
      appendFolded(scalar, to: &current)
    }
    flush()
    return words
  }

  /// Appends `scalar` without its accents, lower-cased.
  @inline(never)
  private static func appendFolded(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
    for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
    where part.properties.generalCategory != .nonspacingMark {
      for lowered in part.properties.lowercaseMapping.unicodeScalars {
        UTF8.encode(lowered) { bytes.append($0) }
      }
    }
  }

  /// The content of `text` as compared for identity: its words joined by single spaces.
  public static func identityKey(_ text: String) -> String { words(text).joined(separator: " ") }

  @inline(__always)
  static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
      || (byte >= 0x61 && byte <= 0x7A)
  }

  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return isASCIIAlphanumeric(UInt8(scalar.value)) }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .decimalNumber, .letterNumber, .otherNumber:
      return true
    default:
      return false
    }
  }

  /// 64-bit FNV-1a of a word.
  static func hash(_ word: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in word.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return hash
  }

  /// True for words that carry little content on their own (function words); used to pick
  /// salient terms and quote keys.
  public static func isFunctionWord(_ word: String) -> Bool {
    English.linkingStopwords.contains(word)
  }

  /// True for words common to news about anything ("asked", "whether", "week"): left out of
  /// the terms that tell stories apart.
  public static func isGenericWord(_ word: String) -> Bool {
    English.genericNewsWords.contains(word)
  }
}
