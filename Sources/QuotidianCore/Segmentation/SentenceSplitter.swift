/// Splits paragraphs into sentences.
///
/// A sentence ends at `.`, `?`, `!` or `…` (with any closing quotation marks and brackets
/// after it) when the next token starts a sentence: a capitalised word, an opening
/// quotation mark or a number. A period after an abbreviation ("Mr.", "Gov."), an initial
/// ("W.") or an initialism ("U.S.") ends a sentence only before a word that cannot start a
/// name ("The", "He"). Sentences never cross paragraphs. O(tokens).
public struct SentenceSplitter: Component {
  public let lexicon: Lexicon
  public init(lexicon: Lexicon = .english) { self.lexicon = lexicon }

  public var name: String { "sentences" }
  public var requires: Set<Layer> { [.paragraphs, .tokens] }
  public var provides: Set<Layer> { [.sentences] }

  public func process(_ document: inout Document) {
    document.sentences = sentences(in: document)
    let snapshot = document
    document.indexCache = Bytes.with(snapshot.text) { DocumentIndex(document: snapshot, bytes: $0) }
  }

  func sentences(in document: Document) -> [TextRange] {
    Bytes.with(document.text) { bytes in
      var result: [TextRange] = []
      let tokens = document.tokens
      var t = 0
      for paragraph in document.paragraphs {
        while t < tokens.count, tokens[t].range.upperBound <= paragraph.lowerBound { t += 1 }
        var first = t
        var end = t
        while end < tokens.count, tokens[end].range.lowerBound < paragraph.upperBound { end += 1 }
        var i = first
        while i < end {
          if let stop = boundary(after: i, end: end, tokens: tokens, bytes: bytes) {
            result.append(TextRange(tokens[first].range.lowerBound, tokens[stop].range.upperBound))
            first = stop + 1
            i = stop + 1
          } else {
            i += 1
          }
        }
        if first < end {
          result.append(TextRange(tokens[first].range.lowerBound, tokens[end - 1].range.upperBound))
        }
        t = end
      }
      return result
    }
  }

  /// If a sentence ends at token `i`, the index of its last token (after closing marks).
  func boundary(after i: Int, end: Int, tokens: [Token], bytes: UnsafeBufferPointer<UInt8>) -> Int?
  {
    let token = tokens[i]
    if token.kind == .word, token.range.utf8Count > 2, bytes[token.range.upperBound - 1] == 0x2E,
      i + 1 < end
    {
      let next = tokens[i + 1]
      if next.kind == .word, next.isCapitalized,
        lexicon.nonNameWords.contains(WordKey(bytes, next.range.lowerBound, next.range.upperBound))
      {
        return i
      }
      return nil
    }
    guard token.kind == .punctuation else { return nil }
    let byte = bytes[token.range.lowerBound]
    let isEllipsis =
      byte == 0xE2 && token.range.utf8Count == 3 && bytes[token.range.lowerBound + 2] == 0xA6
    guard byte == 0x2E || byte == 0x3F || byte == 0x21 || isEllipsis else {
      // An initialism token ("U.S.") carries its own period.
      return nil
    }
    var last = i
    while last + 1 < end {
      let next = tokens[last + 1]
      if next.kind == .quotationMark, isClosing(next, bytes: bytes) {
        last += 1
      } else if next.kind == .punctuation,
        bytes[next.range.lowerBound] == 0x29 || bytes[next.range.lowerBound] == 0x5D
          || bytes[next.range.lowerBound] == 0x2E || bytes[next.range.lowerBound] == 0x3F
          || bytes[next.range.lowerBound] == 0x21
      {
        last += 1
      } else {
        break
      }
    }
    guard last + 1 < end else { return nil }
    let next = tokens[last + 1]
    let startsSentence: Bool
    switch next.kind {
    case .word: startsSentence = next.isCapitalized
    case .number: startsSentence = true
    case .quotationMark:
      startsSentence = !isClosing(next, bytes: bytes) || bytes[next.range.lowerBound] == 0x22
    case .punctuation:
      let b = bytes[next.range.lowerBound]
      startsSentence =
        b == 0x28 || b == 0x5B || b == 0x2D || (b == 0xE2 && next.range.utf8Count == 3)
    default: startsSentence = true
    }
    guard startsSentence else { return nil }
    if byte == 0x2E, i > 0, last == i {
      let previous = tokens[i - 1]
      if previous.kind == .word, previous.range.upperBound == token.range.lowerBound {
        let key = WordKey(bytes, previous.range.lowerBound, previous.range.upperBound)
        let isInitial = previous.range.utf8Count == 1 && previous.isCapitalized
        if lexicon.abbreviations.contains(key) || isInitial || lexicon.titles[key] != nil {
          if next.kind == .word,
            lexicon.nonNameWords.contains(
              WordKey(bytes, next.range.lowerBound, next.range.upperBound))
          {
            return last
          }
          return nil
        }
      }
    }
    return last
  }

  func isClosing(_ token: Token, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let mark = Bytes.mark(bytes, token.range.lowerBound) else { return false }
    switch mark {
    case .rightDouble, .rightSingle, .rightGuillemet: return true
    case .straightDouble, .straightSingle:
      // Closing when glued to the previous character.
      let before = token.range.lowerBound - 1
      guard before >= 0 else { return false }
      let (cls, _) = Bytes.classify(bytes, Bytes.previousStart(bytes, token.range.lowerBound))
      return cls != .space && cls != .newline
    default: return false
    }
  }
}
