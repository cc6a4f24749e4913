/// Finds quotations: spans of reproduced speech between quotation marks.
///
/// Implements the unit of `GOLD_FORMAT.md`: “Each maximal span enclosed in a pair of
/// quotation marks … that reproduces words someone spoke or wrote.” Curly, straight and
/// single marks pair up (single marks as primary quotes in headlines); apostrophes inside
/// or at the edge of words are not marks. “A quote that runs over several paragraphs (the
/// paragraph ends with no closing mark and the next paragraph opens with a quotation mark)
/// is one unit.” An unclosed mark ends at its paragraph, and no quote runs past
/// ``maxParagraphs`` paragraphs or ``maxUTF8Count`` bytes. Nested quotes stay inside the
/// outer one.
///
/// Marked spans that are not speech are dropped by context: titles of works, nicknames,
/// terms and slogans (a naming word before the mark: "the film", "known as", "so-called"),
/// quoted modifiers ("a “clean-up” activity"), attribute values in markup (`id="…"`, as in
/// embedded tweets), and short quoted phrases with no speech cue
/// in their sentence — unless the same words are quoted as speech elsewhere (a headline
/// echoing a quote).
public struct QuoteFinder: Component {
  public let lexicon: Lexicon
  public init(lexicon: Lexicon = .english) { self.lexicon = lexicon }

  public static let maxParagraphs = 12
  public static let maxUTF8Count = 12_000
  /// An unclosed quote within one paragraph keeps only the sentences that fit this many bytes.
  public static let maxUnclosedUTF8Count = 600
  /// Quotes of at most this many words need a speech cue nearby.
  static let shortWordCount = 6

  public var name: String { "quotes" }
  public var requires: Set<Layer> { [.paragraphs, .tokens, .sentences] }
  public var provides: Set<Layer> { [.quotes] }

  public func process(_ document: inout Document) {
    let (quotes, diagnostics) = quotes(in: document)
    document.quotes = quotes
    document.diagnostics += diagnostics
  }

  struct Candidate {
    var open: Int
    var close: Int?
    var content: TextRange
    var isSingle: Bool
    var keep = true
    var isNaming = false
    var isShort = false
    var words: [WordKey] = []
    /// The raw keys of `words`, sorted once for the containment checks between echoes.
    var sortedWords: [UInt64] = []
  }

  enum Role { case open, close, either, none }

  func quotes(in document: Document) -> ([Quote], [Diagnostic]) {
    Bytes.with(document.text) { bytes in
      let index = DocumentIndex.of(document, bytes: bytes)
      var diagnostics: [Diagnostic] = []
      var candidates = pair(index: index, bytes: bytes, diagnostics: &diagnostics)
      classify(&candidates, index: index, bytes: bytes)
      var quotes: [Quote] = []
      for candidate in candidates where candidate.keep {
        let spanStart = index.tokens[candidate.open].range.lowerBound
        let spanEnd =
          candidate.close.map { index.tokens[$0].range.upperBound } ?? candidate.content.upperBound
        let kind = self.kind(of: candidate, index: index, bytes: bytes)
        quotes.append(
          Quote(
            content: candidate.content, span: TextRange(spanStart, max(spanStart, spanEnd)),
            kind: kind, hasClosingMark: candidate.close != nil))
      }
      return (quotes, diagnostics)
    }
  }

  // MARK: Pairing

  func role(of t: Int, index: DocumentIndex, bytes: UnsafeBufferPointer<UInt8>) -> (
    isDouble: Bool, role: Role
  ) {
    let range = index.tokens[t].range
    guard let mark = Bytes.mark(bytes, range.lowerBound) else { return (false, .none) }
    let prevWordish: Bool = {
      guard range.lowerBound > 0 else { return false }
      let p = Bytes.previousStart(bytes, range.lowerBound)
      let (cls, _) = Bytes.classify(bytes, max(p, 0))
      switch cls {
      case .space, .newline, .ignorable: return false
      case .punctuation:
        let b = bytes[p]
        return !(b == 0x28 || b == 0x5B || b == 0x7B || b == 0x2D || b == 0xE2)
      case .quote: return false
      default: return true
      }
    }()
    let nextWordish: Bool = {
      guard range.upperBound < bytes.count else { return false }
      let (cls, _) = Bytes.classify(bytes, range.upperBound)
      switch cls {
      case .space, .newline, .ignorable: return false
      case .punctuation:
        let b = bytes[range.upperBound]
        return
          !(b == 0x2C || b == 0x2E || b == 0x3B || b == 0x3A || b == 0x21 || b == 0x3F || b == 0x29
          || b == 0x5D)
      default: return true
      }
    }()
    switch mark {
    case .leftDouble, .lowDouble, .leftGuillemet: return (true, .open)
    case .rightDouble, .rightGuillemet: return (true, .close)
    case .straightDouble:
      if nextWordish && !prevWordish { return (true, .open) }
      if prevWordish && !nextWordish { return (true, .close) }
      return (true, .either)
    case .leftSingle:
      if range.upperBound < bytes.count,
        bytes[range.upperBound] >= 0x30 && bytes[range.upperBound] <= 0x39
      {
        return (false, .none)
      }
      return (false, .open)
    case .rightSingle, .straightSingle:
      if prevWordish && !nextWordish { return (false, .close) }
      if mark == .straightSingle && nextWordish && !prevWordish { return (false, .open) }
      return (false, .none)
    }
  }

  func pair(
    index: DocumentIndex, bytes: UnsafeBufferPointer<UInt8>, diagnostics: inout [Diagnostic]
  ) -> [Candidate] {
    struct Open {
      var token: Int
      var isSingle: Bool
      var depth: Int
      var paragraph: Int
      var paragraphs: Int
    }
    var result: [Candidate] = []
    var open: Open?
    let tokens = index.tokens

    func contentRange(from t: Int, to end: Int) -> TextRange? {
      var lower = tokens[t].range.upperBound
      var upper = max(lower, end)
      while lower < upper {
        let (cls, length) = Bytes.classify(bytes, lower)
        if cls == .space || cls == .newline || cls == .ignorable { lower += length } else { break }
      }
      while upper > lower {
        let p = Bytes.previousStart(bytes, upper)
        let (cls, _) = Bytes.classify(bytes, max(p, lower))
        if cls == .space || cls == .newline || cls == .ignorable {
          upper = max(p, lower)
        } else {
          break
        }
      }
      return lower < upper ? TextRange(lower, upper) : nil
    }
    func emit(_ o: Open, close: Int?, end: Int) {
      if let content = contentRange(from: o.token, to: end) {
        result.append(
          Candidate(open: o.token, close: close, content: content, isSingle: o.isSingle))
      }
    }
    func closeUnclosed(_ o: Open) {
      guard !o.isSingle, o.paragraph < index.paragraphs.count else { return }
      var end = index.paragraphs[o.paragraph].upperBound
      let start = tokens[o.token].range.lowerBound
      if o.paragraphs == 1, end - start > QuoteFinder.maxUnclosedUTF8Count {
        // A single paragraph with an unclosed mark: keep the sentences that fit the cap
        // (at least the mark's own sentence).
        let s = Int(index.sentenceOfToken[o.token])
        if s >= 0, s < index.sentences.count {
          var k = s
          var capped = min(end, index.sentences[s].upperBound)
          while k + 1 < index.sentences.count, index.sentences[k + 1].upperBound <= end,
            index.sentences[k + 1].upperBound - start <= QuoteFinder.maxUnclosedUTF8Count
          {
            k += 1
            capped = index.sentences[k].upperBound
          }
          end = max(
            min(capped, start + QuoteFinder.maxUnclosedUTF8Count * 4),
            tokens[o.token].range.upperBound)
        }
      }
      diagnostics.append(
        Diagnostic(
          component: name, message: "unclosed quotation mark; quote ends at its paragraph",
          range: tokens[o.token].range))
      emit(o, close: nil, end: end)
    }
    func closeUnclosedBefore(_ o: Open, _ t: Int) {
      diagnostics.append(
        Diagnostic(
          component: name, message: "unclosed quotation mark", range: tokens[o.token].range))
      emit(o, close: nil, end: tokens[t].range.lowerBound)
    }

    for t in tokens.indices where tokens[t].kind == .quotationMark {
      let paragraph = Int(index.paragraphOfToken[t])
      guard paragraph >= 0 else { continue }
      let (isDouble, role) = self.role(of: t, index: index, bytes: bytes)
      if role == .none { continue }
      if var o = open, paragraph != o.paragraph {
        // The open quote's paragraph ended without a closing mark.
        let continues =
          !o.isSingle && isDouble && (role == .open || role == .either)
          && paragraph == o.paragraph + 1 && index.paragraphTokens[paragraph].lowerBound == t
          && o.paragraphs < QuoteFinder.maxParagraphs
          && index.paragraphs[paragraph].upperBound - tokens[o.token].range.lowerBound
            <= QuoteFinder.maxUTF8Count
        if continues {
          o.paragraph = paragraph
          o.paragraphs += 1
          open = o
          continue
        }
        closeUnclosed(o)
        open = nil
      }
      if var o = open {
        if o.isSingle {
          if isDouble && role != .close {
            open = nil  // a stray single mark; the double mark opens a real quote below
          } else if !isDouble && role == .close {
            emit(o, close: t, end: tokens[t].range.lowerBound)
            open = nil
            continue
          } else {
            continue
          }
        } else {
          guard isDouble else { continue }
          let isCurly = Bytes.mark(bytes, tokens[t].range.lowerBound) != .straightDouble
          if role == .open && isCurly && o.depth == 0 && o.token + 1 < t
            && Bytes.mark(bytes, tokens[o.token].range.lowerBound)
              == Bytes.mark(bytes, tokens[t].range.lowerBound)
          {
            // A second opening mark of the same style before any closing one: the first
            // quote was never closed.
            closeUnclosedBefore(o, t)
            open = Open(token: t, isSingle: false, depth: 0, paragraph: paragraph, paragraphs: 1)
          } else if role == .open && isCurly {
            o.depth += 1
            open = o
          } else if role == .close && o.depth > 0 {
            o.depth -= 1
            open = o
          } else if role == .open {
            // A straight opening mark while open: the earlier quote lacked its closing mark.
            closeUnclosedBefore(o, t)
            open = Open(token: t, isSingle: false, depth: 0, paragraph: paragraph, paragraphs: 1)
          } else {
            emit(o, close: t, end: tokens[t].range.lowerBound)
            open = nil
          }
          continue
        }
      }
      if open == nil {
        if role == .open || (isDouble && role == .either) {
          open = Open(token: t, isSingle: !isDouble, depth: 0, paragraph: paragraph, paragraphs: 1)
        }
      }
    }
    if let o = open { closeUnclosed(o) }

    return result
  }
}
