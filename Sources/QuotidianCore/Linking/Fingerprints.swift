/// What cross-article linking keeps of an article: MinHash over 4-word shingles of its
/// folded words, and the band keys that find its near copies by look-up.
public struct ArticleFingerprint: Hashable, Sendable {
  /// Words per shingle.
  public static let shingleSize = 4
  /// Hash functions per signature.
  public static let hashCount = 128
  /// LSH banding: 32 bands of 4 rows finds a pair at similarity 0.6 with probability 0.99,
  /// at 0.8 with 1.0, at 0.3 with 0.23 and at 0.1 with 0.003 (candidates are then checked
  /// against the signature).
  public static let bands = 32
  public static let rows = 4

  public var signature: MinHashSignature
  public var bandKeys: [Int64]

  public init(words: [String]) {
    signature = MinHashSignature(
      members: Shingles.hashes(words, size: Self.shingleSize), count: Self.hashCount)
    bandKeys = words.isEmpty ? [] : signature.bandKeys(bands: Self.bands, rows: Self.rows)
  }

  public init(signature: MinHashSignature) {
    self.signature = signature
    bandKeys = signature.bandKeys(bands: Self.bands, rows: Self.rows)
  }
}

/// What linking keeps of a quote: its folded words, the exact key they make, and band keys
/// over its content words (function words dropped) that find the same statement reworded.
public struct QuoteFingerprint: Hashable, Sendable {
  public static let hashCount = 16
  public static let bands = 8
  public static let rows = 2
  /// Fewer content words than this and the quote is matched by its exact key only.
  public static let minimumContentWords = 3

  public var words: [String]
  /// The folded words joined by spaces: equal keys are the same wording.
  public var key: String
  public var bandKeys: [Int64]

  public init(text: String) {
    words = LinkText.words(text)
    key = words.joined(separator: " ")
    let content = Array(Set(words.filter { !LinkText.isFunctionWord($0) }))
    if content.count >= Self.minimumContentWords {
      let signature = MinHashSignature(members: content.map(LinkText.hash), count: Self.hashCount)
      bandKeys = signature.bandKeys(bands: Self.bands, rows: Self.rows)
    } else {
      bandKeys = []
    }
  }
}
