/// Look-up tables over a document's tokens, sentences and paragraphs, built once per
/// component run in O(n): word keys, and the sentence and paragraph of every token.
struct DocumentIndex {
  let tokens: [Token]
  let keys: [WordKey]
  let sentences: [TextRange]
  let paragraphs: [TextRange]
  /// Sentence index of each token (-1 when outside every sentence).
  let sentenceOfToken: [Int32]
  let paragraphOfToken: [Int32]
  /// Token index range of each sentence / paragraph.
  let sentenceTokens: [Range<Int>]
  let paragraphTokens: [Range<Int>]

  /// The document's cached index when it still describes the document's layers, else a new one.
  static func of(_ document: Document, bytes: UnsafeBufferPointer<UInt8>) -> DocumentIndex {
    if let cached = document.indexCache, cached.tokens.count == document.tokens.count,
      cached.sentences == document.sentences, cached.paragraphs.count == document.paragraphs.count
    {
      return cached
    }
    return DocumentIndex(document: document, bytes: bytes)
  }

  init(document: Document, bytes: UnsafeBufferPointer<UInt8>) {
    tokens = document.tokens
    sentences = document.sentences
    paragraphs = document.paragraphs
    var keys: [WordKey] = []
    keys.reserveCapacity(tokens.count)
    for token in tokens {
      if token.kind == .word || token.kind == .number {
        keys.append(WordKey(bytes, token.range.lowerBound, token.range.upperBound))
      } else {
        keys.append(.empty)
      }
    }
    self.keys = keys
    (sentenceOfToken, sentenceTokens) = DocumentIndex.assign(tokens, to: sentences)
    (paragraphOfToken, paragraphTokens) = DocumentIndex.assign(tokens, to: paragraphs)
  }

  static func assign(_ tokens: [Token], to ranges: [TextRange]) -> ([Int32], [Range<Int>]) {
    var owner = [Int32](repeating: -1, count: tokens.count)
    var spans: [Range<Int>] = []
    spans.reserveCapacity(ranges.count)
    var t = 0
    for (index, range) in ranges.enumerated() {
      while t < tokens.count, tokens[t].range.lowerBound < range.lowerBound { t += 1 }
      let start = t
      while t < tokens.count, tokens[t].range.upperBound <= range.upperBound {
        owner[t] = Int32(index)
        t += 1
      }
      spans.append(start..<t)
    }
    return (owner, spans)
  }

  /// Index of the first token whose start is ≥ `utf8Offset`.
  func firstToken(atOrAfter utf8Offset: Int) -> Int {
    var low = 0
    var high = tokens.count
    while low < high {
      let mid = (low + high) / 2
      if tokens[mid].range.lowerBound < utf8Offset { low = mid + 1 } else { high = mid }
    }
    return low
  }

  /// Index of the range in `ranges` containing `utf8Offset`, or nil.
  static func index(of utf8Offset: Int, in ranges: [TextRange]) -> Int? {
    var low = 0
    var high = ranges.count
    while low < high {
      let mid = (low + high) / 2
      if ranges[mid].upperBound <= utf8Offset { low = mid + 1 } else { high = mid }
    }
    return low < ranges.count && ranges[low].lowerBound <= utf8Offset ? low : nil
  }

  func key(_ index: Int) -> WordKey? {
    index >= 0 && index < keys.count ? keys[index] : nil
  }

  func isWord(_ index: Int) -> Bool {
    index >= 0 && index < tokens.count && tokens[index].kind == .word
  }

  /// The first byte of token `index` (0 when out of range).
  func firstByte(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
    guard index >= 0, index < tokens.count else { return 0 }
    return bytes[tokens[index].range.lowerBound]
  }

  func isPunctuation(_ index: Int, _ byte: UInt8, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    index >= 0 && index < tokens.count && tokens[index].kind == .punctuation
      && bytes[tokens[index].range.lowerBound] == byte
  }

  /// True for an em or en dash token.
  func isDash(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard index >= 0, index < tokens.count, tokens[index].kind == .punctuation else { return false }
    let r = tokens[index].range
    if r.utf8Count == 1 { return bytes[r.lowerBound] == 0x2D }
    return r.utf8Count == 3 && bytes[r.lowerBound] == 0xE2 && bytes[r.lowerBound + 1] == 0x80
      && (bytes[r.lowerBound + 2] == 0x93 || bytes[r.lowerBound + 2] == 0x94)
  }
}
