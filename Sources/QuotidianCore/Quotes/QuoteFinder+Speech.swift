/// Deciding whether a marked span is speech, and whether it is direct or partial.
extension QuoteFinder {
  /// How many neighbouring candidates an echo may be looked for in.
  static let echoWindow = 60

  func classify(
    _ candidates: inout [Candidate], index: DocumentIndex, bytes: UnsafeBufferPointer<UInt8>
  ) {
    let cues = CueScanner(lexicon: lexicon)
    // Token spans of each candidate, to tell which cue belongs to which quote.
    for c in candidates.indices {
      let first = candidates[c].open + 1
      let last =
        candidates[c].close ?? index.firstToken(atOrAfter: candidates[c].content.upperBound)
      var words: [WordKey] = []
      var t = first
      while t < min(last, index.tokens.count) {
        if index.tokens[t].kind == .word || index.tokens[t].kind == .number {
          words.append(index.keys[t])
        }
        t += 1
      }
      candidates[c].words = words
      candidates[c].sortedWords = words.map(\.raw).sorted()
      // A whole sentence (capital … final mark) of four words or more stands on its own.
      let content = candidates[c].content
      // An opening "¿" or "¡" (Spanish) comes before the capital.
      var head = content.lowerBound
      if head + 2 < content.upperBound, bytes[head] == 0xC2,
        bytes[head + 1] == 0xBF || bytes[head + 1] == 0xA1
      {
        head += 2
      }
      let startsUpper = Bytes.isUppercase(bytes, head)
      let lastByte = bytes[content.upperBound - 1]
      let endsSentence =
        lastByte == UInt8(ascii: ".") || lastByte == UInt8(ascii: "?")
        || lastByte == UInt8(ascii: "!")
      let isSentence = startsUpper && endsSentence && words.count >= 4
      candidates[c].isShort = words.count <= QuoteFinder.shortWordCount && !isSentence
    }
    var primary: [Bool] = []
    for c in candidates.indices {
      let candidate = candidates[c]
      if candidate.words.isEmpty {
        candidates[c].keep = false
        candidates[c].isNaming = true
        primary.append(false)
        continue
      }
      // An attribute value in markup (<tweet id="…" author="…">): not speech.
      let markStart = index.tokens[candidate.open].range.lowerBound
      if markStart > 0, bytes[markStart - 1] == UInt8(ascii: "=") {
        candidates[c].keep = false
        primary.append(false)
        continue
      }
      if isNamed(candidate, index: index, bytes: bytes) {
        candidates[c].keep = false
        candidates[c].isNaming = true
        primary.append(false)
        continue
      }
      var keep = true
      if candidate.isShort {
        keep = hasCue(c, candidates, cues: cues, index: index, bytes: bytes)
      }
      candidates[c].keep = keep
      primary.append(keep)
    }
    // Repeats of a name: a span quoting exactly the words of a span judged a name is a name.
    for c in candidates.indices where candidates[c].keep && candidates[c].words.count <= 8 {
      let window =
        max(0, c - QuoteFinder.echoWindow)..<min(candidates.count, c + QuoteFinder.echoWindow + 1)
      for other in window
      where other != c && candidates[other].isNaming
        && candidates[other].words.count == candidates[c].words.count
        && QuoteFinder.containsSorted(candidates[other].sortedWords, candidates[c].sortedWords)
      {
        candidates[c].keep = false
        candidates[c].isNaming = true
        primary[c] = false
        break
      }
    }
    // Echoes: a short span whose words are all quoted in another span shares its fate.
    for c in candidates.indices where candidates[c].isShort && !candidates[c].isNaming {
      var anyKept = false
      var anyPartner = false
      // Echoes sit in the same article: look at the neighbouring candidates only (bounded).
      let window =
        max(0, c - QuoteFinder.echoWindow)..<min(candidates.count, c + QuoteFinder.echoWindow + 1)
      // The nearest earlier term it repeats decides ("the designation … as a “weapon of …”" …
      // "calling it a “weapon”"); otherwise any span quoting the same words as speech.
      var nearestEarlierNaming = false
      for other in window
      where other != c && candidates[other].words.count >= candidates[c].words.count {
        guard QuoteFinder.containsSorted(candidates[other].sortedWords, candidates[c].sortedWords)
        else { continue }
        anyPartner = true
        if primary[other] { anyKept = true }
        if other < c { nearestEarlierNaming = candidates[other].isNaming }
      }
      guard anyPartner else { continue }
      if nearestEarlierNaming {
        candidates[c].keep = false
      } else if anyKept {
        candidates[c].keep = true
      } else if candidates[c].words.count <= 3 {
        candidates[c].keep = false
      }
    }
  }

  /// True when every word of `part` (with multiplicity) is in `container`. Sorts copies of
  /// the raw keys and merges: no hashing, O((m + n) log(m + n)).
  static func contains(_ container: [WordKey], _ part: [WordKey]) -> Bool {
    if part.count > container.count { return false }
    return containsSorted(container.map(\.raw).sorted(), part.map(\.raw).sorted())
  }

  /// `contains` on raw keys already sorted: one merge, O(m + n).
  static func containsSorted(_ big: [UInt64], _ small: [UInt64]) -> Bool {
    if small.count > big.count { return false }
    var i = 0
    for word in small {
      while i < big.count, big[i] < word { i += 1 }
      guard i < big.count, big[i] == word else { return false }
      i += 1
    }
    return true
  }

  /// A title, nickname, term or quoted modifier, judged by the words around the marks.
  func isNamed(_ candidate: Candidate, index: DocumentIndex, bytes: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    let open = candidate.open
    let sentence = index.sentenceOfToken[open]
    let sentenceStart = sentence >= 0 ? index.sentenceTokens[Int(sentence)].lowerBound : open
    // Look back over at most three words for a naming word.
    var t = open - 1
    var seen = 0
    while t >= sentenceStart, seen < 4 {
      let token = index.tokens[t]
      if token.kind == .word {
        let key = index.keys[t]
        if lexicon.namingWords.contains(key) {
          // "dubbed"/"labeled" with a real agent is speech; passive or agentless is naming.
          return true
        }
        if let lemma = lexicon.speechVerbs[key], lexicon.namingLemmas.contains(lemma) {
          return isAgentless(verb: t, sentenceStart: sentenceStart, index: index)
        }
        if index.keys[t] == WordKey("known") { return true }
        seen += 1
      } else if token.kind == .punctuation {
        let b = bytes[token.range.lowerBound]
        if b != 0x2C { break }
      } else if token.kind == .quotationMark {
        break
      }
      t -= 1
    }
    // A designation: "the designation of X as a “…”", "classified X as “…”" — "as" (and an
    // article) right before the mark, with a naming word earlier in the clause.
    if candidate.isShort || candidate.words.count <= 8,
      designates(before: open, sentenceStart: sentenceStart, index: index)
    {
      return true
    }
    // A name used as a modifier of a naming noun: "the “…” campaign", "its “…” ad campaign".
    if let close = candidate.close, candidate.words.count <= 8, open > sentenceStart,
      index.isWord(open - 1), lexicon.attributiveOpeners.contains(index.keys[open - 1]),
      namingNounFollows(close: close, index: index)
    {
      return true
    }
    // A name announced by the sentence before: "The tagline? “…”", "Their slogan: “…”".
    if open == sentenceStart || (open - 1 >= 0 && index.sentenceOfToken[open - 1] != sentence),
      announcedByNamingWord(before: open, index: index, bytes: bytes)
    {
      return true
    }
    // A quoted modifier: determiner + “…” + noun.
    if let close = candidate.close, candidate.isShort, open > sentenceStart {
      let before = open - 1
      let after = close + 1
      if index.isWord(before), lexicon.attributiveOpeners.contains(index.keys[before]),
        index.isWord(after),
        !index.tokens[after].isCapitalized, !lexicon.nonNameWords.contains(index.keys[after]),
        lexicon.speechVerbs[index.keys[after]] == nil,
        index.tokens[after].range.lowerBound == index.tokens[close].range.upperBound + 1
      {
        return true
      }
    }
    return false
  }

  /// A naming noun ("campaign", "slogan") as the first or second word right after the closing
  /// mark, with no punctuation between ("the “…” ad campaign").
  func namingNounFollows(close: Int, index: DocumentIndex) -> Bool {
    var t = close + 1
    var words = 0
    while t < index.tokens.count, words < 2, index.isWord(t) {
      if lexicon.namingWords.contains(index.keys[t]) { return true }
      words += 1
      t += 1
    }
    return false
  }

  /// The words before `open` end, after a question mark or a colon, with a naming noun:
  /// "Just what is this slogan? “…”", "The tagline: “…”".
  func announcedByNamingWord(
    before open: Int, index: DocumentIndex, bytes: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    var t = open - 1
    guard t >= 1, index.tokens[t].kind == .punctuation else { return false }
    let mark = bytes[index.tokens[t].range.lowerBound]
    guard mark == UInt8(ascii: "?") || mark == UInt8(ascii: ":") else { return false }
    t -= 1
    return index.isWord(t) && lexicon.namingWords.contains(index.keys[t])
  }

  /// "… designation of the drug as a “…”": `as` + optional article before the mark and a
  /// naming word (designation, label, classify…) at most ten words before it.
  func designates(before open: Int, sentenceStart: Int, index: DocumentIndex) -> Bool {
    var t = open - 1
    if t >= sentenceStart, index.isWord(t),
      lexicon.indefiniteDeterminers.contains(index.keys[t])
        || lexicon.definiteDeterminers.contains(index.keys[t])
    {
      t -= 1
    }
    guard t >= sentenceStart, index.isWord(t), index.keys[t] == WordKey("as") else { return false }
    var words = 0
    t -= 1
    while t >= sentenceStart, words < 10 {
      if index.tokens[t].kind == .quotationMark { return false }
      if index.isWord(t) {
        if lexicon.designationWords.contains(index.keys[t]) { return true }
        words += 1
      }
      t -= 1
    }
    return false
  }

  func isAgentless(verb: Int, sentenceStart: Int, index: DocumentIndex) -> Bool {
    var t = verb - 1
    var steps = 0
    while t >= sentenceStart, steps < 2 {
      if index.isWord(t) {
        if lexicon.agentlessMarkers.contains(index.keys[t]) { return true }
        steps += 1
      }
      t -= 1
    }
    return t < sentenceStart && steps == 0
  }

  /// Is there a speech cue for candidate `c` in its sentence(s)?
  func hasCue(
    _ c: Int, _ candidates: [Candidate], cues: CueScanner, index: DocumentIndex,
    bytes: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    let candidate = candidates[c]
    let open = candidate.open
    let close = candidate.close ?? index.firstToken(atOrAfter: candidate.content.upperBound) - 1
    let firstSentence = index.sentenceOfToken[open]
    let lastSentence = index.sentenceOfToken[max(open, min(close, index.tokens.count - 1))]
    guard firstSentence >= 0 else { return false }
    let start = index.sentenceTokens[Int(firstSentence)].lowerBound
    let end = index.sentenceTokens[Int(max(firstSentence, lastSentence))].upperBound
    // A colon or dash right before the opening mark introduces speech.
    if open - 1 >= start, index.isPunctuation(open - 1, 0x3A, bytes) { return true }
    if close + 1 < index.tokens.count, index.isDash(close + 1, bytes), index.isWord(close + 2),
      index.tokens[close + 2].isCapitalized
    {
      return true
    }
    // A whole sentence right after another quote of the same speaker, with only the
    // attribution between them ("“…,” Roe said. “Not this year.”").
    if c > 0, candidates[c - 1].keep, let previousClose = candidates[c - 1].close,
      previousClose < open,
      index.paragraphOfToken[previousClose] == index.paragraphOfToken[open],
      Bytes.isUppercase(bytes, candidate.content.lowerBound), endsSentence(candidate, bytes),
      open - previousClose <= 8
    {
      var hasVerb = false
      for u in (previousClose + 1)..<open where cues.cue(at: u, in: index) != nil { hasVerb = true }
      if hasVerb { return true }
    }
    // Spans of the other candidates in the sentence.
    var others: [(Int, Int)] = []
    for o in max(0, c - 8)..<min(candidates.count, c + 9) where o != c {
      let other = candidates[o]
      let otherClose = other.close ?? other.open
      if otherClose >= start && other.open < end { others.append((other.open, otherClose)) }
    }
    func inside(_ t: Int) -> Bool { others.contains { t > $0.0 && t < $0.1 } }
    var t = start
    while t < end {
      if t >= open && t <= close {
        t = close + 1
        continue
      }
      if inside(t) {
        t += 1
        continue
      }
      if let cue = cues.cue(at: t, in: index) {
        // A verb directly introducing another quote ("say, “…”") belongs to that one.
        var n = t + cue.count
        while n < end, index.tokens[n].kind == .punctuation, n < t + cue.count + 2 { n += 1 }
        let introducesOther = others.contains { $0.0 == n } && n != open
        // A verb right after this quote's closing mark, or introducing it, is ours.
        // So is the verb of the sentence when this quote sits in the reported clause before
        // it ("X faces “…” from Y, the official said: “…”").
        let reportedBefore =
          t > close && (close + 1..<t).contains { index.isPunctuation($0, 0x2C, bytes) }
          && !(close + 1..<t).contains { inside($0) }
        let isOurs = (t > close && t <= close + 6) || n == open || reportedBefore
        if isOurs || !introducesOther { return true }
        t += cue.count
        continue
      }
      t += 1
    }
    return false
  }

  func endsSentence(_ candidate: Candidate, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let last = bytes[candidate.content.upperBound - 1]
    return last == UInt8(ascii: ".") || last == UInt8(ascii: "?") || last == UInt8(ascii: "!")
  }

  func kind(of candidate: Candidate, index: DocumentIndex, bytes: UnsafeBufferPointer<UInt8>)
    -> Quote.Kind
  {
    let open = candidate.open
    let sentence = index.sentenceOfToken[open]
    let sentenceStart = sentence >= 0 ? index.sentenceTokens[Int(sentence)].lowerBound : open
    let first =
      Bytes.isUppercase(bytes, candidate.content.lowerBound)
      || !(Bytes.classify(bytes, candidate.content.lowerBound).0 == .letter)
    if !first { return .partial }
    if open == sentenceStart { return .direct }
    let before = open - 1
    if index.isPunctuation(before, 0x3A, bytes) || index.isPunctuation(before, 0x2C, bytes) {
      return .direct
    }
    if index.isWord(before), cuesIntroduce(before, index: index) { return .direct }
    return candidate.words.count > QuoteFinder.shortWordCount ? .direct : .partial
  }

  func cuesIntroduce(_ t: Int, index: DocumentIndex) -> Bool {
    lexicon.speechVerbs[index.keys[t]] != nil
  }
}
