import Foundation

/// Unicode normal form of the text a page yields: NFC, so that "é" written as "e" + U+0301
/// and as U+00E9 read the same downstream (search, shingles, speaker names).
enum HTMLNormalization {
  /// `text` in NFC. Most pages need no work: a quick scan over the scalars returns the text
  /// untouched unless a scalar outside the ranges known to be stable under NFC appears.
  static func nfc(_ text: String) -> String {
    var needsWork = false
    for scalar in text.unicodeScalars where !isStable(scalar.value) {
      needsWork = true
      break
    }
    guard needsWork else { return text }
    return text.precomposedStringWithCanonicalMapping
  }

  /// Scalars that NFC never changes and that never combine with what precedes them.
  @inline(__always)
  static func isStable(_ value: UInt32) -> Bool {
    switch value {
    case 0..<0x0300: true  // ASCII, Latin-1, Latin Extended-A/B, IPA, spacing modifiers
    case 0x0400...0x0482, 0x048A...0x052F: true  // Cyrillic letters
    case 0x05D0...0x05EA: true  // Hebrew letters
    case 0x0621...0x064A: true  // Arabic letters
    case 0x2010...0x2027, 0x2030...0x205E: true  // punctuation
    case 0x20A0...0x20C0: true  // currency signs
    case 0x3000...0x3098, 0x309B...0x30FF: true  // CJK punctuation, kana
    case 0x4E00...0x9FFF: true  // CJK unified ideographs
    case 0xAC00...0xD7A3: true  // Hangul syllables
    case 0xFF01...0xFFEF: true  // half- and full-width forms
    case 0x1F300...0x1FAFF: true  // pictographs and emoji
    default: false
    }
  }
}
