import Foundation

/// The text comparisons every store shares, so that backends agree on what "the same" means.
package enum TextFolding {
  /// The article text as hashed for identity: Unicode NFC, whitespace runs collapsed to one
  /// space, trimmed. UTF-8 bytes.
  package static func normalizedForIdentity(_ text: String) -> [UInt8] {
    collapsingWhitespace(text.precomposedStringWithCanonicalMapping.unicodeScalars)
  }

  /// A key for case- and accent-insensitive equality ("Le Monde" = "LE MONDE", "Benitez" =
  /// "Benítez"): canonical decomposition, combining marks dropped, lower-cased, whitespace
  /// collapsed and trimmed.
  package static func key(_ text: String) -> String {
    let bare = String(String.UnicodeScalarView(strippingMarks(text))).lowercased()
    return String(decoding: collapsingWhitespace(bare.unicodeScalars), as: UTF8.self)
  }

  /// The words of `text` as FTS5's `unicode61 remove_diacritics 2` tokenizer sees them:
  /// letters, numbers and private-use characters, diacritics removed, lower-cased.
  package static func words(_ text: String) -> [String] {
    let bare = String(String.UnicodeScalarView(strippingMarks(text))).lowercased()
    var words: [String] = []
    var current = String.UnicodeScalarView()
    for scalar in bare.unicodeScalars {
      if isWordScalar(scalar) {
        current.append(scalar)
      } else if !current.isEmpty {
        words.append(String(current))
        current = String.UnicodeScalarView()
      }
    }
    if !current.isEmpty { words.append(String(current)) }
    return words
  }

  private static func strippingMarks(_ text: String) -> [Unicode.Scalar] {
    text.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
      $0.properties.generalCategory != .nonspacingMark
    }
  }

  private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      let value = scalar.value
      return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value)
        || (0x61...0x7A).contains(value)
    }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .decimalNumber, .letterNumber, .otherNumber, .privateUse:
      return true
    default:
      return false
    }
  }

  private static func collapsingWhitespace<Scalars: Sequence<Unicode.Scalar>>(_ scalars: Scalars)
    -> [UInt8]
  {
    var bytes: [UInt8] = []
    var pendingSpace = false
    for scalar in scalars {
      if scalar.properties.isWhitespace {
        pendingSpace = !bytes.isEmpty
        continue
      }
      if pendingSpace {
        bytes.append(0x20)
        pendingSpace = false
      }
      UTF8.encode(scalar) { bytes.append($0) }
    }
    return bytes
  }
}

extension TextFolding {
  /// `text`, or nil when it is nil or only whitespace.
  package static func nonBlank(_ text: String?) -> String? {
    guard let text, text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
      return nil
    }
    return text
  }
}
