/// Finds speech cues: verbs of saying ("said", "told reporters"), "according to", a colon
/// that introduces a quote and a dash that credits one ("— Jane Roe").
public struct CueFinder: Component {
  public let lexicon: Lexicon
  public init(lexicon: Lexicon = .english) { self.lexicon = lexicon }

  public var name: String { "cues" }
  public var requires: Set<Layer> { [.tokens, .sentences, .paragraphs, .quotes] }
  public var provides: Set<Layer> { [.cues] }

  public func process(_ document: inout Document) {
    document.cues = cues(in: document)
  }

  func cues(in document: Document) -> [Cue] {
    Bytes.with(document.text) { bytes in
      let index = DocumentIndex.of(document, bytes: bytes)
      let scanner = CueScanner(lexicon: lexicon)
      var opens = Set<Int>()
      var closes = Set<Int>()
      for quote in document.quotes {
        opens.insert(quote.span.lowerBound)
        closes.insert(quote.span.upperBound)
      }
      var result: [Cue] = []
      var t = 0
      let tokens = index.tokens
      while t < tokens.count {
        if let cue = scanner.cue(at: t, in: index) {
          let end = tokens[t + cue.count - 1].range.upperBound
          result.append(Cue(range: TextRange(tokens[t].range.lowerBound, end), lemma: cue.lemma))
          t += cue.count
          continue
        }
        if tokens[t].kind == .punctuation {
          if bytes[tokens[t].range.lowerBound] == 0x3A, t + 1 < tokens.count,
            opens.contains(tokens[t + 1].range.lowerBound)
          {
            result.append(Cue(range: tokens[t].range, lemma: ":"))
          } else if index.isDash(t, bytes), t > 0, closes.contains(tokens[t - 1].range.upperBound),
            index.isWord(t + 1),
            tokens[t + 1].isCapitalized
          {
            result.append(Cue(range: tokens[t].range, lemma: "—"))
          }
        }
        t += 1
      }
      return result
    }
  }
}
