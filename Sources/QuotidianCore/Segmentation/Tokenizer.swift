/// Splits text into words, numbers, punctuation and quotation marks.
///
/// Words keep inner apostrophes and hyphens ("don’t", "U.S.-backed") and inner periods of
/// abbreviations ("U.S."); the possessive clitic is its own token ("Trump" "’s"). White
/// space and invisible characters are skipped. One pass over the UTF-8 bytes, O(n).
public struct Tokenizer: Component {
  public let lexicon: Lexicon
  public init(lexicon: Lexicon = .english) { self.lexicon = lexicon }

  public var name: String { "tokens" }
  public var requires: Set<Layer> { [] }
  public var provides: Set<Layer> { [.tokens] }

  public func process(_ document: inout Document) {
    document.tokens = tokens(in: document.text)
  }

  func tokens(in text: String) -> [Token] {
    Bytes.with(text) { Tokenizer.scan($0) }
  }

  static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
    var tokens: [Token] = []
    tokens.reserveCapacity(bytes.count / 5)
    let count = bytes.count
    var i = 0
    while i < count {
      let (cls, length) = Bytes.classify(bytes, i)
      switch cls {
      case .space, .newline, .ignorable:
        i += length
      case .letter, .digit:
        let end = wordEnd(bytes, from: i)
        let isNumber = cls == .digit
        tokens.append(
          Token(
            range: TextRange(i, end), kind: isNumber ? .number : .word,
            isCapitalized: !isNumber && Bytes.isUppercase(bytes, i)))
        i = end
      case .quote:
        // A clitic ’s / 's after a word: its own word token.
        if i > 0, isWordByte(bytes, Bytes.previousStart(bytes, i)), bytes[i] == 0x27 || length == 3,
          i + length < count, bytes[i + length] == 0x73 || bytes[i + length] == 0x53,
          i + length + 1 >= count || !isWordByte(bytes, i + length + 1),
          Bytes.mark(bytes, i) == .straightSingle || Bytes.mark(bytes, i) == .rightSingle
        {
          tokens.append(Token(range: TextRange(i, i + length + 1), kind: .word))
          i += length + 1
          continue
        }
        // ’90s: an elided century is part of the number.
        if Bytes.mark(bytes, i) == .rightSingle || bytes[i] == 0x27, i + length < count,
          bytes[i + length] >= 0x30 && bytes[i + length] <= 0x39,
          i == 0 || !isWordByte(bytes, Bytes.previousStart(bytes, i))
        {
          let end = wordEnd(bytes, from: i + length)
          tokens.append(Token(range: TextRange(i, end), kind: .number))
          i = end
          continue
        }
        tokens.append(Token(range: TextRange(i, i + length), kind: .quotationMark))
        i += length
      case .punctuation:
        if bytes[i] == 0x40 || bytes[i] == 0x23, i + 1 < count, isWordByte(bytes, i + 1) {
          let end = wordEnd(bytes, from: i + 1)
          tokens.append(Token(range: TextRange(i, end), kind: .word))
          i = end
          continue
        }
        tokens.append(Token(range: TextRange(i, i + length), kind: .punctuation))
        i += length
      case .symbol:
        if bytes[i] == 0x40 || bytes[i] == 0x23, i + 1 < count, isWordByte(bytes, i + 1) {
          let end = wordEnd(bytes, from: i + 1)
          tokens.append(Token(range: TextRange(i, end), kind: .word))
          i = end
          continue
        }
        tokens.append(Token(range: TextRange(i, i + length), kind: .symbol))
        i += length
      }
    }
    return tokens
  }

  @inline(__always)
  static func isWordByte(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
    guard index >= 0, index < bytes.count else { return false }
    let (cls, _) = Bytes.classify(bytes, index)
    return cls == .letter || cls == .digit
  }

  /// End of the word starting at `start`: letters and digits, joined by inner apostrophes,
  /// hyphens and periods.
  static func wordEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    let count = bytes.count
    var i = start
    var innerPeriods = 0
    var segment = 0
    var maxSegment = 0
    while i < count {
      let (cls, length) = Bytes.classify(bytes, i)
      if cls == .letter || cls == .digit {
        i += length
        segment += 1
        continue
      }
      maxSegment = max(maxSegment, segment)
      let next = i + length
      let byte = bytes[i]
      // Inner apostrophe (don’t) — but not the possessive clitic ’s at the end of the word.
      if cls == .quote, byte == 0x27 || Bytes.mark(bytes, i) == .rightSingle,
        isWordByte(bytes, next)
      {
        if (bytes[next] == 0x73 || bytes[next] == 0x53) && !isWordByte(bytes, next + 1) { return i }
        i = next
        continue
      }
      // Inner hyphen, period, slash, ampersand or comma/period between digits.
      if byte == 0x2D || byte == 0x2E || byte == 0x2F || byte == 0x26
        || (byte == 0x2C && segment > 0),
        isWordByte(bytes, next)
      {
        if byte == 0x2C,
          !(bytes[i - 1] >= 0x30 && bytes[i - 1] <= 0x39 && bytes[next] >= 0x30
            && bytes[next] <= 0x39)
        {
          return i
        }
        if byte == 0x2E { innerPeriods += 1 }
        segment = 0
        i = next
        continue
      }
      // Trailing period of an initialism (U.S.).
      if byte == 0x2E, innerPeriods > 0, maxSegment <= 2, segment <= 2 {
        return i + 1
      }
      return i
    }
    return i
  }
}
