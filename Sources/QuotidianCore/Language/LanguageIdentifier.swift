/// Identifies the language of an article by its function words.
///
/// A text's most frequent words are its articles, prepositions and pronouns, and those differ
/// between languages; the identifier counts, over the first ``sampleUTF8Count`` bytes, the
/// words of each language's profile (`Lexicon/Languages+StopWords.swift`), a word shared by
/// several profiles counting as a fraction for each, and names the language with the
/// largest share when it leads the next by ``minimumLead``. Too few profile words (a
/// headline alone, a table of numbers, a script no profile covers) or a near tie give nil:
/// the caller then keeps a declared language or says "und".
public struct LanguageIdentifier: Sendable {
  /// Only the start of a long text is read: a few thousand words decide any article.
  public static let sampleUTF8Count = 32_768
  /// Fewer profile words than this decide nothing (one sentence has a few).
  public static let minimumEvidence = 1.5
  /// The best language's score must be at least this many times the runner-up's.
  public static let minimumLead = 1.4

  /// Profile word → (language index, weight) pairs.
  let weights: [WordKey: [(language: Int, weight: Double)]]
  /// ISO 639-1 codes, by language index.
  public let languages: [String]

  public init() {
    var languages: [String] = []
    var owners: [WordKey: [Int]] = [:]
    for (code, words) in LanguageProfiles.stopWords {
      let index = languages.count
      languages.append(code)
      for word in Set(words) { owners[WordKey(word), default: []].append(index) }
    }
    self.languages = languages
    weights = owners.mapValues { list in
      list.map { (language: $0, weight: 1.0 / Double(list.count)) }
    }
  }

  public static let standard = LanguageIdentifier()

  /// The ISO 639-1 code of `text`'s language, or nil when the text says too little.
  public func language(of text: String) -> String? {
    Bytes.with(text) { language(of: $0) }
  }

  func language(of bytes: UnsafeBufferPointer<UInt8>) -> String? {
    let scores = self.scores(of: bytes)
    guard let best = scores.indices.max(by: { scores[$0] < scores[$1] }),
      scores[best] >= Self.minimumEvidence
    else { return nil }
    let runnerUp = scores.indices.filter { $0 != best }.map { scores[$0] }.max() ?? 0
    guard scores[best] >= Self.minimumLead * runnerUp else { return nil }
    return languages[best]
  }

  /// Each language's weighted count of profile words in the sample.
  func scores(of bytes: UnsafeBufferPointer<UInt8>) -> [Double] {
    var scores = [Double](repeating: 0, count: languages.count)
    let end = min(bytes.count, Self.sampleUTF8Count)
    var index = 0
    while index < end {
      // A word: a run of ASCII letters and non-ASCII letters (any multi-byte scalar that is
      // not punctuation such as curly quotes or dashes, which start with 0xE2).
      let start = index
      while index < end, Self.isWordByte(bytes[index], bytes, index) { index += 1 }
      if index > start {
        if index - start <= 12, let owners = weights[WordKey(bytes, start, index)] {
          for owner in owners { scores[owner.language] += owner.weight }
        }
      } else {
        index += 1
      }
    }
    return scores
  }

  @inline(__always)
  static func isWordByte(_ byte: UInt8, _ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
    if byte < 0x80 {
      return (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }
    if byte >= 0xC0 { return byte != 0xE2 }
    // A continuation byte belongs to the word when its lead byte did.
    var lead = index
    while lead > 0, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
    return bytes[lead] >= 0xC0 && bytes[lead] != 0xE2
  }
}
