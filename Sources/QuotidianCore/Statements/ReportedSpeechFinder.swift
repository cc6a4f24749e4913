/// Finds reported speech without quotation marks: "X said (that) …", "told reporters that …",
/// and "…, X said." Each clause gets its speaker (through the entity layer) and its `said`.
///
/// Sentences that contain a quote are left to the quote layer, so a statement is never both.
public struct ReportedSpeechFinder: Component {
  public let lexicon: Lexicon
  public init(lexicon: Lexicon = .english) { self.lexicon = lexicon }

  public var name: String { "reported" }
  public var requires: Set<Layer> { [.quotes, .cues, .mentions, .entities, .dates, .sentences] }
  public var provides: Set<Layer> { [.reported] }

  public func process(_ document: inout Document) {
    document.reported = reported(in: document)
  }

  func reported(in document: Document) -> [ReportedSpeech] {
    Bytes.with(document.text) { bytes in
      let index = DocumentIndex.of(document, bytes: bytes)
      let context = StatementContext(
        document: document, index: index, bytes: bytes,
        tables: .named(lexicon.languageCode))
      var scanner = ReportedSpeechScanner(context: context)
      return scanner.scan()
    }
  }
}

struct ReportedSpeechScanner {
  let context: StatementContext
  var index: DocumentIndex { context.index }
  var document: Document { context.document }
  var tables: StatementTables { context.tables }
  /// Mentions sorted by start; index of the mention ending at each token end offset.
  let mentionByEnd: [Int: Int]
  let mentionByStart: [Int: Int]

  init(context: StatementContext) {
    self.context = context
    var byEnd: [Int: Int] = [:]
    var byStart: [Int: Int] = [:]
    for (m, mention) in context.document.mentions.enumerated() {
      if let existing = byEnd[mention.range.upperBound],
        context.document.mentions[existing].range.utf8Count >= mention.range.utf8Count
      {
      } else {
        byEnd[mention.range.upperBound] = m
      }
      if let existing = byStart[mention.range.lowerBound],
        context.document.mentions[existing].range.utf8Count >= mention.range.utf8Count
      {
      } else {
        byStart[mention.range.lowerBound] = m
      }
    }
    mentionByEnd = byEnd
    mentionByStart = byStart
  }

  mutating func scan() -> [ReportedSpeech] {
    var result: [ReportedSpeech] = []
    var lastEnd = -1
    for cue in document.cues where tables.reportingLemmas.contains(cue.lemma) {
      guard cue.range.lowerBound >= lastEnd, let item = reported(cue) else { continue }
      result.append(item)
      lastEnd = Swift.max(item.content.upperBound, item.cue.upperBound)
    }
    return result.sorted { $0.content < $1.content }
  }

  func reported(_ cue: Cue) -> ReportedSpeech? {
    guard let s = DocumentIndex.index(of: cue.range.lowerBound, in: index.sentences) else {
      return nil
    }
    let sentence = index.sentences[s]
    guard !context.sentenceOverlapsQuote(sentence) else { return nil }
    let tokens = index.sentenceTokens[s]
    let first = index.firstToken(atOrAfter: cue.range.lowerBound)
    var end = first
    while end < tokens.upperBound, index.tokens[end].range.upperBound <= cue.range.upperBound {
      end += 1
    }
    guard first < end else { return nil }
    // Content ends before the sentence's closing punctuation.
    var contentEnd = tokens.upperBound
    while contentEnd > end, index.tokens[contentEnd - 1].kind == .punctuation { contentEnd -= 1 }

    // X said (that) …
    if let subject = subject(endingBefore: first, in: tokens),
      let item = reportedAfter(
        cue, subject: subject, first: first, end: end, contentEnd: contentEnd)
    {
      return item
    }
    return reportedBefore(cue, first: first, end: end, contentEnd: contentEnd, tokens: tokens)
  }

  /// "X said (that) …", "X told reporters that …".
  func reportedAfter(_ cue: Cue, subject: Int, first: Int, end: Int, contentEnd: Int)
    -> ReportedSpeech?
  {
    do {
      var u = end
      var thatAt: Int?
      var v = u
      while v < Swift.min(contentEnd, u + 10) {
        if index.keys[v] == tables.that {
          thatAt = v
          break
        }
        if index.tokens[v].kind == .punctuation, !context.bytesAreDash(v) { break }
        v += 1
      }
      if let thatAt {
        u = thatAt + 1
      } else if cue.lemma == "tell" {
        return nil
      } else {
        // Skip a date right after the cue ("said Tuesday the army …").
        while u < contentEnd, let date = dateCovering(u) {
          u = index.firstToken(atOrAfter: date.upperBound)
        }
        guard u < contentEnd, index.tokens[u].kind == .word,
          tables.subjectStarts.contains(index.keys[u])
            || (index.tokens[u].isCapitalized && u > first)
        else { return nil }
      }
      guard contentEnd - u >= 4, wordCount(u, contentEnd) >= 4 else { return nil }
      let content = TextRange(
        index.tokens[u].range.lowerBound, index.tokens[contentEnd - 1].range.upperBound)
      return ReportedSpeech(
        content: content, cue: cue.range, speaker: speaker(subject),
        speakerMention: document.mentions[subject].range,
        said: context.said(cue: cue.range, span: content))
    }
  }

  /// "…, X said." and "…, said X."
  func reportedBefore(_ cue: Cue, first: Int, end: Int, contentEnd: Int, tokens: Range<Int>)
    -> ReportedSpeech?
  {
    var speakerIndex: Int?
    var commaAt: Int?
    var u = first - 1
    while u >= tokens.lowerBound, u >= first - 8 {
      if index.tokens[u].kind == .punctuation {
        if context.bytes[index.tokens[u].range.lowerBound] == 0x2C { commaAt = u }
        break
      }
      u -= 1
    }
    guard let commaAt, commaAt - tokens.lowerBound >= 4 else { return nil }
    if let m = subject(endingBefore: first, in: commaAt + 1..<tokens.upperBound) {
      speakerIndex = m
    } else if end < contentEnd + 1, end < index.tokens.count,
      let m = mentionByStart[index.tokens[end].range.lowerBound]
    {
      speakerIndex = m
    }
    guard let subject = speakerIndex else { return nil }
    // Nothing but the subject, a date or an occasion may follow the cue.
    let subjectEnd = document.mentions[subject].range.upperBound
    let tail = index.firstToken(atOrAfter: Swift.max(subjectEnd, cue.range.upperBound))
    if tail < contentEnd, dateCovering(tail) == nil, index.keys[tail] != tables.on,
      index.keys[tail] != WordKey("in"),
      index.keys[tail] != WordKey("at")
    {
      return nil
    }
    let content = TextRange(
      index.tokens[tokens.lowerBound].range.lowerBound, index.tokens[commaAt - 1].range.upperBound)
    guard wordCount(tokens.lowerBound, commaAt) >= 4 else { return nil }
    return ReportedSpeech(
      content: content, cue: cue.range, speaker: speaker(subject),
      speakerMention: document.mentions[subject].range,
      said: context.said(cue: cue.range, span: content))
  }

  func wordCount(_ lower: Int, _ upper: Int) -> Int {
    var n = 0
    for t in lower..<upper where index.tokens[t].kind == .word || index.tokens[t].kind == .number {
      n += 1
    }
    return n
  }

  func dateCovering(_ t: Int) -> TextRange? {
    let d = context.firstDate(atOrAfter: index.tokens[t].range.lowerBound)
    guard d < document.dates.count,
      document.dates[d].range.lowerBound == index.tokens[t].range.lowerBound
    else { return nil }
    return document.dates[d].range
  }

  /// The mention that is the subject of the verb at token `first`: ending right before it,
  /// with only adverbs, auxiliaries or a date between ("Smith has repeatedly said",
  /// "Smith on Tuesday said").
  func subject(endingBefore first: Int, in tokens: Range<Int>) -> Int? {
    var u = first - 1
    var skipped = 0
    while u >= tokens.lowerBound, skipped <= 4 {
      if let m = mentionByEnd[index.tokens[u].range.upperBound] { return m }
      let isModifier = index.tokens[u].kind == .word && tables.modifiers.contains(index.keys[u])
      if !isModifier, dateCovering(u) == nil, !isInsideDate(u) { return nil }
      u -= 1
      skipped += 1
    }
    return nil
  }

  func isInsideDate(_ t: Int) -> Bool {
    let offset = index.tokens[t].range.lowerBound
    let d = context.firstDate(atOrAfter: offset + 1)
    guard d > 0 else { return false }
    return document.dates[d - 1].range.contains(index.tokens[t].range)
  }

  /// The speaker a mention stands for: its entity's fullest name, for a pronoun the nearest
  /// earlier person (or organisation) of the same gender, else the mention's words.
  func speaker(_ m: Int) -> String? {
    let mention = document.mentions[m]
    if let e = mention.entity, e < document.entities.count { return document.entities[e].name }
    if mention.kind == .pronoun {
      let key = WordKey(context.bytes, mention.range.lowerBound, mention.range.upperBound)
      let gender = tables.pronounGender[key] ?? nil
      let wantsPerson = gender == .masculine || gender == .feminine
      var k = m - 1
      while k >= 0 {
        let other = document.mentions[k]
        if let e = other.entity, e < document.entities.count {
          let entity = document.entities[e]
          let isPerson = entity.kind == .person
          if wantsPerson == isPerson,
            gender == nil || entity.gender == nil || entity.gender == gender
          {
            return entity.name
          }
        }
        k -= 1
      }
      return nil
    }
    return document.string(mention.range)
  }
}

extension StatementContext {
  func bytesAreDash(_ t: Int) -> Bool { index.isDash(t, bytes) }
}
