/// The working state of ``SpeakerAttributor`` for one document: token look-ups for quotes,
/// cues and mentions, and the attributions made so far.
struct AttributionContext {
  let document: Document
  let bytes: UnsafeBufferPointer<UInt8>
  let lexicon: Lexicon
  let index: DocumentIndex
  let inside: [Bool]
  /// Token of each quote's opening mark and of its closing mark (or last content token).
  var openToken: [Int] = []
  var closeToken: [Int] = []
  var hasClose: [Bool] = []
  /// Mention starting / ending at a token (-1 if none); the longest wins.
  var mentionStart: [Int32]
  var mentionEnd: [Int32]
  var mentionFirstToken: [Int] = []
  var mentionLastToken: [Int] = []
  /// Cue starting at a token: index into `document.cues`, and the cue's token count.
  var cueAt: [Int32]
  var cueLength: [Int] = []
  var results: [Attribution?] = []
  /// Keep the best candidates of each quote for `--explain` (costs time; off by default).
  var explains = false
  /// First indefinite (introducing) description of each head noun: mention index.
  var introductionOfHead: [WordKey: Int] = [:]
  /// Person entities whose title or apposition contains a head noun.
  var entitiesWithRole: [WordKey: [Int]] = [:]
  /// Every word the document writes in lower case somewhere (a capitalised "Fishermen" or
  /// "Visit" that also appears as "fishermen" or "visit" is less likely a name).
  var lowercaseWords: Set<WordKey> = []
  /// The people and organisations named in each paragraph (outside quotes), computed once:
  /// every quote of a paragraph asks for them.
  var paragraphPeople: [ParagraphPeople] = []

  /// The people and organisations a paragraph names outside its quotes.
  struct ParagraphPeople {
    /// The mention of the most named entity (people count twice; the later wins a tie).
    var best: Int?
    /// Every other entity's latest mention, in the order the entities first appear.
    var others: [Int] = []
    /// `others` sorted by position, as (token of the mention, index into `others`), to find
    /// the ones nearest a quote in a paragraph that names very many.
    var byToken: [(token: Int, slot: Int)] = []
  }

  init(document: Document, bytes: UnsafeBufferPointer<UInt8>, lexicon: Lexicon) {
    self.document = document
    self.bytes = bytes
    self.lexicon = lexicon
    index = DocumentIndex.of(document, bytes: bytes)
    inside = MentionFinder.insideQuotes(document.quotes, index: index)
    let n = index.tokens.count
    mentionStart = [Int32](repeating: -1, count: n)
    mentionEnd = [Int32](repeating: -1, count: n)
    cueAt = [Int32](repeating: -1, count: n)
    for quote in document.quotes {
      let open = min(index.firstToken(atOrAfter: quote.span.lowerBound), max(0, n - 1))
      var close = index.firstToken(atOrAfter: quote.span.upperBound) - 1
      close = max(open, min(close, n - 1))
      openToken.append(open)
      closeToken.append(close)
      hasClose.append(quote.hasClosingMark)
    }
    for (m, mention) in document.mentions.enumerated() {
      let first = index.firstToken(atOrAfter: mention.range.lowerBound)
      var last = first
      while last + 1 < n, index.tokens[last + 1].range.upperBound <= mention.range.upperBound {
        last += 1
      }
      mentionFirstToken.append(first)
      mentionLastToken.append(last)
      guard first < n else { continue }
      let existing = mentionStart[first]
      if existing < 0 || document.mentions[Int(existing)].range.utf8Count < mention.range.utf8Count
      {
        mentionStart[first] = Int32(m)
      }
      let existingEnd = mentionEnd[last]
      if existingEnd < 0
        || document.mentions[Int(existingEnd)].range.utf8Count < mention.range.utf8Count
      {
        mentionEnd[last] = Int32(m)
      }
    }
    for (c, cue) in document.cues.enumerated() {
      let first = index.firstToken(atOrAfter: cue.range.lowerBound)
      guard first < n else {
        cueLength.append(1)
        continue
      }
      var last = first
      while last + 1 < n, index.tokens[last + 1].range.upperBound <= cue.range.upperBound {
        last += 1
      }
      cueAt[first] = Int32(c)
      cueLength.append(last - first + 1)
    }
    results = Array(repeating: nil, count: document.quotes.count)
    for t in 0..<n where index.tokens[t].kind == .word && !index.tokens[t].isCapitalized {
      lowercaseWords.insert(index.keys[t])
    }
    for (m, mention) in document.mentions.enumerated() where mention.kind == .description {
      let first = mentionFirstToken[m]
      guard first < n, !inside[first], !lexicon.definiteDeterminers.contains(index.keys[first]),
        let head = headToken(m)
      else { continue }
      if introductionOfHead[index.keys[head]] == nil { introductionOfHead[index.keys[head]] = m }
    }
    paragraphPeople = index.paragraphTokens.map { people(in: $0) }
    for (e, entity) in document.entities.enumerated() where entity.kind == .person {
      var keys = Set<WordKey>()
      for role in entity.roles {
        for word in role.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" }) {
          keys.insert(WordKey(String(word)))
        }
      }
      for key in keys where lexicon.descriptionHeads.contains(key) {
        entitiesWithRole[key, default: []].append(e)
      }
    }
  }

  /// One pass over a paragraph's tokens: see ``ParagraphPeople``.
  func people(in tokens: Range<Int>) -> ParagraphPeople {
    var counts: [Int: Int] = [:]
    var latest: [Int: Int] = [:]
    var order: [Int] = []
    var best: (mention: Int, count: Int)?
    for t in tokens where !inside[t] {
      guard let m = mention(startingAt: t), let e = document.mentions[m].entity,
        e < document.entities.count,
        document.entities[e].kind == .person || document.entities[e].kind == .organization
      else { continue }
      if counts[e] == nil { order.append(e) }
      counts[e, default: 0] += document.entities[e].kind == .person ? 2 : 1
      latest[e] = m
      if let c = counts[e], c >= (best?.count ?? 0) { best = (m, c) }
    }
    guard let best else { return ParagraphPeople() }
    let bestEntity = document.mentions[best.mention].entity
    var people = ParagraphPeople(best: best.mention)
    for e in order where e != bestEntity {
      if let m = latest[e] { people.others.append(m) }
    }
    people.byToken = people.others.enumerated().map { (mentionFirstToken[$0.element], $0.offset) }
    people.byToken.sort { $0.token < $1.token }
    return people
  }

  // MARK: Small look-ups

  func isWord(_ t: Int, _ word: String) -> Bool {
    index.isWord(t) && index.keys[t] == WordKey(word)
  }
  func isComma(_ t: Int) -> Bool { index.isPunctuation(t, UInt8(ascii: ","), bytes) }
  func sentence(of t: Int) -> Int {
    t >= 0 && t < index.tokens.count ? Int(index.sentenceOfToken[t]) : -1
  }
  func paragraph(of t: Int) -> Int {
    t >= 0 && t < index.tokens.count ? Int(index.paragraphOfToken[t]) : -1
  }

  /// The speech cue (not a colon or dash) starting at `t`: (cue index, token count).
  func verbCue(at t: Int) -> (cue: Int, count: Int)? {
    guard t >= 0, t < cueAt.count, cueAt[t] >= 0 else { return nil }
    let c = Int(cueAt[t])
    let lemma = document.cues[c].lemma
    if lemma == ":" || lemma == "—" { return nil }
    return (c, cueLength[c])
  }

  func lemma(_ cue: Int) -> String { document.cues[cue].lemma }

  func mention(startingAt t: Int) -> Int? {
    guard t >= 0, t < mentionStart.count, mentionStart[t] >= 0, !inside[t] else { return nil }
    return Int(mentionStart[t])
  }

  func mention(endingAt t: Int) -> Int? {
    guard t >= 0, t < mentionEnd.count, mentionEnd[t] >= 0, !inside[t] else { return nil }
    return Int(mentionEnd[t])
  }

  /// Skips adverbs and auxiliaries between a subject and its verb, going forward.
  func skipModifiersForward(_ t: Int) -> Int {
    var u = t
    var steps = 0
    while u < index.tokens.count, steps < 3, index.isWord(u), !index.tokens[u].isCapitalized,
      lexicon.verbModifiers.contains(index.keys[u]) || isAdverb(u)
    {
      u += 1
      steps += 1
    }
    return u
  }

  func isAdverb(_ t: Int) -> Bool {
    let r = index.tokens[t].range
    return r.utf8Count > 4 && bytes[r.upperBound - 2] == UInt8(ascii: "l")
      && bytes[r.upperBound - 1] == UInt8(ascii: "y")
  }
}
