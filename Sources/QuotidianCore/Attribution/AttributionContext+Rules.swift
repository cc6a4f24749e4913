/// The attribution rules, tried in order for each quote.
extension AttributionContext {
  struct Source {
    var mention: Int
    var cue: Int?
    var rule: Attribution.Rule
    var confidence: Double
  }

  mutating func run() -> [Attribution] {
    let count = document.quotes.count
    var headings: [Int] = []
    for q in 0..<count {
      if isHeading(q) {
        headings.append(q)
        continue
      }
      results[q] = attribute(q)
    }
    for q in headings { results[q] = attributeHeading(q) }
    return (0..<count).map { results[$0] ?? Attribution(quote: $0, speaker: nil, rule: .none, confidence: 0) }
  }

  /// A quote in a short paragraph with no sentence of its own around it (a headline).
  func isHeading(_ q: Int) -> Bool {
    let p = paragraph(of: openToken[q])
    guard p >= 0 else { return false }
    let span = index.paragraphTokens[p]
    // A paragraph that ends a sentence is body text, even when it is all quotation.
    var end = span.upperBound - 1
    while end >= span.lowerBound, index.tokens[end].kind == .quotationMark { end -= 1 }
    if end >= span.lowerBound, index.tokens[end].kind == .punctuation {
      let b = bytes[index.tokens[end].range.lowerBound]
      if b == UInt8(ascii: ".") || b == UInt8(ascii: "?") || b == UInt8(ascii: "!") || b == 0xE2 { return false }
    }
    var words = 0
    for t in span where !inside[t] {
      if index.tokens[t].kind == .word { words += 1 }
      if index.tokens[t].kind == .punctuation {
        let b = bytes[index.tokens[t].range.lowerBound]
        if b == UInt8(ascii: ".") || b == UInt8(ascii: ",") || b == UInt8(ascii: ":") || b == UInt8(ascii: "?") { return false }
      }
      if verbCue(at: t) != nil { return false }
    }
    return words <= 12 && paragraph(of: closeToken[q]) == p
  }

  mutating func attribute(_ q: Int) -> Attribution? {
    let open = openToken[q]
    let close = closeToken[q]
    if let source = afterQuote(q) ?? reportSource(q) ?? beforeQuote(q) ?? cueLaterInSentence(q) ?? colonInPreviousParagraph(q) {
      return make(q, source)
    }
    // Continuation of the previous quote's speaker.
    if q > 0, let previous = results[q - 1], previous.speaker != nil, continues(from: q - 1, to: q) {
      let sameParagraph = paragraph(of: closeToken[q - 1]) == paragraph(of: open)
      var attribution = previous
      attribution.quote = q
      attribution.rule = sameParagraph && sentence(of: open) == sentence(of: closeToken[q - 1]) ? .splitQuote : .continuation
      attribution.confidence = min(previous.confidence, sameParagraph ? 0.8 : 0.7)
      attribution.evidence = [document.quotes[q - 1].span] + previous.evidence.prefix(1)
      return attribution
    }
    // Another quote of the same sentence whose speaker a cue gave: "X told me that “…” and
    // that the plan has “…”" — one sentence, one speaker.
    if q > 0, let previous = results[q - 1], previous.speaker != nil, previous.cue != nil,
      sentence(of: closeToken[q - 1]) == sentence(of: open)
    {
      var attribution = previous
      attribution.quote = q
      attribution.rule = .splitQuote
      attribution.confidence = min(previous.confidence, 0.75)
      attribution.evidence = [document.quotes[q - 1].span] + previous.evidence.prefix(1)
      return attribution
    }
    if let source = speakerInNextSentence(after: close) { return make(q, source) }
    if let source = speakerInPreviousSentence(before: open) { return make(q, source) }
    return fallback(q)
  }

  /// When no rule fires: the speaker of the nearest attributed quote before this one in the
  /// same or the previous paragraph, else the person named most often in the paragraph (the
  /// latest on a tie) — low confidence, so every quote has someone.
  func fallback(_ q: Int) -> Attribution? {
    let open = openToken[q]
    let p = paragraph(of: open)
    var k = q - 1
    while k >= 0, p - paragraph(of: closeToken[k]) <= 1 {
      if let previous = results[k], previous.speaker != nil {
        var attribution = previous
        attribution.quote = q
        attribution.rule = .continuation
        attribution.confidence = min(previous.confidence, 0.35)
        attribution.evidence = [document.quotes[k].span]
        return attribution
      }
      k -= 1
    }
    guard p >= 0 else { return nil }
    var counts: [Int: Int] = [:]
    var best: (mention: Int, count: Int)?
    for t in index.paragraphTokens[p] where !inside[t] {
      guard let m = mention(startingAt: t), let e = document.mentions[m].entity, e < document.entities.count,
        document.entities[e].kind == .person || document.entities[e].kind == .organization
      else { continue }
      counts[e, default: 0] += document.entities[e].kind == .person ? 2 : 1
      if let c = counts[e], c >= (best?.count ?? 0) { best = (m, c) }
    }
    if let best {
      var attribution = make(q, Source(mention: best.mention, cue: nil, rule: .continuation, confidence: 0.3))
      attribution.rule = .continuation
      return attribution
    }
    return nil
  }

  mutating func attributeHeading(_ q: Int) -> Attribution? {
    // A headline echoing a quote in the body takes its speaker.
    let words = quoteWords(q)
    if !words.isEmpty {
      for other in max(0, q - 60)..<min(document.quotes.count, q + 61) where other != q {
        guard let attribution = results[other], attribution.speaker != nil else { continue }
        if QuoteFinder.contains(quoteWords(other), words) {
          var copy = attribution
          copy.quote = q
          copy.rule = .continuation
          copy.evidence = [document.quotes[other].span]
          copy.confidence = min(0.7, attribution.confidence)
          return copy
        }
      }
    }
    if let source = afterQuote(q) ?? beforeQuote(q) { return make(q, source) }
    if let source = speakerInNextSentence(after: closeToken[q]) { return make(q, source) }
    return nil
  }

  func quoteWords(_ q: Int) -> [WordKey] {
    var words: [WordKey] = []
    var t = openToken[q] + 1
    while t < closeToken[q] {
      if index.tokens[t].kind == .word || index.tokens[t].kind == .number { words.append(index.keys[t]) }
      t += 1
    }
    return words
  }

  // MARK: Rules

  /// “…,” Roe said / “…,” said Roe / “…” — Roe / “…,” according to Roe.
  func afterQuote(_ q: Int) -> Source? {
    let close = closeToken[q]
    var t = close + (hasClose[q] ? 1 : 1)
    let p = paragraph(of: close)
    guard t < index.tokens.count, paragraph(of: t) == p, !inside[t] else { return nil }
    if isComma(t) { t += 1 }
    if index.isDash(t, bytes), let m = mention(near: t + 1), isPersonLike(m) {
      return Source(mention: m, cue: cueIndex(at: t), rule: .dashCredit, confidence: 0.8)
    }
    // “…,” the statement said: whoever issued the latest statement.
    if (isWord(t, "the") || isWord(t, "a")) && isWord(t + 1, "statement"), let cue = verbCue(at: t + 2),
      let m = statementIssuer(before: t)
    {
      return Source(mention: m, cue: cue.cue, rule: .verbAfterQuote, confidence: 0.7)
    }
    if let cue = verbCue(at: t) {
      if lemma(cue.cue) == "according to" {
        if let m = mention(startingAt: t + cue.count) { return Source(mention: m, cue: cue.cue, rule: .accordingTo, confidence: 0.85) }
        return nil
      }
      if let m = mention(near: t + cue.count) {
        return Source(mention: m, cue: cue.cue, rule: .invertedVerb, confidence: 0.9)
      }
      // “…,” said the senior official — description with a possessive or an unknown head.
      return nil
    }
    if let m = mention(startingAt: t) {
      var u = skipModifiersForward(mentionLastToken[m] + 1)
      if isComma(u) {
        // Apposition between subject and verb.
        var k = u + 1
        while k < index.tokens.count, k < u + 25, !isComma(k), !inside[k], sentence(of: k) == sentence(of: u) { k += 1 }
        if isComma(k) { u = skipModifiersForward(k + 1) }
      }
      if let cue = verbCue(at: u) {
        return Source(mention: m, cue: cue.cue, rule: .verbAfterQuote, confidence: 0.9)
      }
    }
    // A subject with a lower-case role before the name ("lead researcher Jane Roe said"),
    // or coordinated ("Roe and her team wrote").
    var u = t
    let s = sentence(of: t)
    while u < index.tokens.count, u < t + 10, sentence(of: u) == s, !inside[u],
      index.isWord(u) || index.isPunctuation(u, UInt8(ascii: "."), bytes)
    {
      if verbCue(at: u) != nil { break }
      if let m = mention(endingAt: u), document.mentions[m].kind != .pronoun {
        var v = skipModifiersForward(u + 1)
        if isWord(v, "and"), v + 3 < index.tokens.count {
          var w = v + 1
          while w < v + 4, index.isWord(w), verbCue(at: w) == nil { w += 1 }
          v = w
        }
        if let cue = verbCue(at: v) {
          return Source(mention: m, cue: cue.cue, rule: .verbAfterQuote, confidence: 0.85)
        }
      }
      u += 1
    }
    return nil
  }

  /// "A new Acme Research poll shows … Sixty percent say “…”" / "The Acme survey found
  /// that most residents want “…”": the organisation owning the poll, survey, report or
  /// study in the quote's sentence, or in the sentence before when the quote's sentence
  /// opens with a figure. Not when a person in between is the subject of a speech verb.
  func reportSource(_ q: Int) -> Source? {
    let open = openToken[q]
    let s = sentence(of: open)
    guard s >= 0 else { return nil }
    let start = index.sentenceTokens[s].lowerBound
    if let found = reportOwner(from: start, to: open) { return found }
    // The previous sentence, when this one reports figures ("Fifty-one percent say").
    guard s > 0, paragraph(of: start) == paragraph(of: open), start < open,
      index.tokens[start].kind == .number || lexicon.numberWords.contains(index.keys[start])
        || (index.isWord(start) && MentionFinder.isNumberWord(index.tokens[start].range, bytes, lexicon))
        || isWord(start, "most") || isWord(start, "majority")
    else { return nil }
    let previous = index.sentenceTokens[s - 1]
    guard paragraph(of: previous.lowerBound) == paragraph(of: open) else { return nil }
    return reportOwner(from: previous.lowerBound, to: previous.upperBound)
  }

  func reportOwner(from start: Int, to end: Int) -> Source? {
    var t = start
    while t < end {
      defer { t += 1 }
      guard !inside[t], index.isWord(t), lexicon.reportWords.contains(index.keys[t]) else { continue }
      var owner: Int?
      if let m = mention(endingAt: t - 1), document.mentions[m].kind == .name || document.mentions[m].kind == .organization {
        owner = m
      } else if t + 2 < end, isWord(t + 1, "by") || isWord(t + 1, "from") {
        owner = mention(near: t + 2)
      }
      guard let m = owner, document.mentions[m].kind != .pronoun else { continue }
      // A person who speaks between the report and the quote takes precedence.
      var u = t + 1
      while u < end {
        if !inside[u], let cue = verbCue(at: u), lemma(cue.cue) != "according to",
          let subject = subject(before: u, start: start), subject != m
        {
          let kind = document.mentions[subject].kind
          if kind == .pronoun, lexicon.pronouns[index.keys[mentionFirstToken[subject]]]?.gender != nil { return nil }
          if mentionFirstToken[subject] < t { return nil }
          if kind == .name, mentionLastToken[subject] > mentionFirstToken[subject] { return nil }
        }
        u += 1
      }
      return Source(mention: m, cue: nil, rule: .reportSource, confidence: 0.65)
    }
    return nil
  }

  /// The subject of the latest "… said in a statement" (or the owner of "X's statement")
  /// within three paragraphs before token `t`.
  func statementIssuer(before t: Int) -> Int? {
    let p = paragraph(of: t)
    var u = t - 1
    while u > 0, p - paragraph(of: u) <= 3 {
      defer { u -= 1 }
      guard !inside[u], isWord(u, "statement") else { continue }
      if MentionFinder.isPossessiveClitic(index.tokens[u - 1].range, bytes), let m = mention(endingAt: u - 2) { return m }
      let s = sentence(of: u)
      guard s >= 0 else { continue }
      let start = index.sentenceTokens[s].lowerBound
      var v = u - 1
      while v >= start, v >= u - 4 {
        if let cue = verbCue(at: v), lemma(cue.cue) != "according to" {
          if let m = subject(before: v, start: start) ?? (mention(near: v + cue.count)) { return m }
        }
        v -= 1
      }
    }
    return nil
  }

  func cueIndex(at t: Int) -> Int? { t >= 0 && t < cueAt.count && cueAt[t] >= 0 ? Int(cueAt[t]) : nil }

  /// Roe said, “…” / Roe said that it was “…” / according to Roe, “…” / Roe: “…”.
  func beforeQuote(_ q: Int) -> Source? {
    let open = openToken[q]
    let s = sentence(of: open)
    guard s >= 0 else { return nil }
    var start = index.sentenceTokens[s].lowerBound
    if q > 0, closeToken[q - 1] < open, closeToken[q - 1] >= start {
      // A split quote: the words between the two halves.
      start = closeToken[q - 1] + 1
    }
    var t = open - 1
    while t >= start {
      if inside[t] {
        t -= 1
        continue
      }
      if let cue = verbCue(at: t) {
        if lemma(cue.cue) == "according to" {
          if let m = mention(startingAt: t + cue.count) { return Source(mention: m, cue: cue.cue, rule: .accordingTo, confidence: 0.85) }
          t -= 1
          continue
        }
        let fullStart = index.sentenceTokens[s].lowerBound
        if isParticiple(t) {
          // "…, he said, adding that “…”": the subject of the speech verb before the participle.
          var u = t - 1
          while u >= fullStart {
            if !inside[u], let earlier = verbCue(at: u), lemma(earlier.cue) != "according to",
              let m = subject(before: u, start: fullStart)
            {
              return Source(mention: m, cue: cue.cue, rule: .verbBeforeQuote, confidence: 0.75)
            }
            u -= 1
          }
        }
        if isParticiple(t), let m = firstMention(from: fullStart, to: t) {
          return Source(mention: m, cue: cue.cue, rule: .verbBeforeQuote, confidence: 0.75)
        }
        if let m = subject(before: t, start: fullStart) {
          var rule: Attribution.Rule = document.quotes[q].kind == .partial ? .partialQuoteSubject : .verbBeforeQuote
          if q > 0, closeToken[q - 1] < t, sentence(of: closeToken[q - 1]) == s { rule = .splitQuote }
          return Source(mention: m, cue: cue.cue, rule: rule, confidence: 0.85)
        }
        // "said Roe, “…”": the subject after the verb.
        if let m = mention(startingAt: t + cue.count), isPersonLike(m) {
          return Source(mention: m, cue: cue.cue, rule: .invertedVerb, confidence: 0.8)
        }
        if let m = firstMention(from: fullStart, to: t) {
          let rule: Attribution.Rule = document.quotes[q].kind == .partial ? .partialQuoteSubject : .verbBeforeQuote
          return Source(mention: m, cue: cue.cue, rule: rule, confidence: 0.7)
        }
        return nil
      }
      t -= 1
    }
    // A colon lead-in without a verb: "And from the chairwoman:".
    if open - 1 >= start, index.isPunctuation(open - 1, UInt8(ascii: ":"), bytes) {
      if let m = lastMention(from: index.sentenceTokens[s].lowerBound, to: open - 1) {
        return Source(mention: m, cue: cueIndex(at: open - 1), rule: .colonIntroduced, confidence: 0.75)
      }
    }
    return nil
  }

  /// A partial quote whose cue comes later in its sentence ("“…” was how Roe put it, she said").
  func cueLaterInSentence(_ q: Int) -> Source? {
    guard document.quotes[q].kind == .partial else { return nil }
    let s = sentence(of: closeToken[q])
    guard s >= 0 else { return nil }
    let end = index.sentenceTokens[s].upperBound
    var t = closeToken[q] + 1
    while t < end {
      if inside[t] { return nil }
      if let cue = verbCue(at: t), lemma(cue.cue) != "according to" {
        if let m = subject(before: t, start: closeToken[q] + 1) {
          return Source(mention: m, cue: cue.cue, rule: .verbAfterQuote, confidence: 0.7)
        }
        return nil
      }
      t += 1
    }
    return nil
  }

  /// A quote opening a paragraph right after one that ends with a colon.
  func colonInPreviousParagraph(_ q: Int) -> Source? {
    let open = openToken[q]
    let p = paragraph(of: open)
    guard p > 0, index.paragraphTokens[p].lowerBound == open else { return nil }
    let previous = index.paragraphTokens[p - 1]
    guard let last = previous.last, index.isPunctuation(last, UInt8(ascii: ":"), bytes) else { return nil }
    let s = sentence(of: last)
    guard s >= 0 else { return nil }
    let start = index.sentenceTokens[s].lowerBound
    var t = last - 1
    while t >= start {
      if let cue = verbCue(at: t), let m = subject(before: t, start: start) ?? firstMention(from: start, to: t) {
        return Source(mention: m, cue: cue.cue, rule: .colonIntroduced, confidence: 0.75)
      }
      t -= 1
    }
    if let m = lastMention(from: start, to: last) {
      return Source(mention: m, cue: cueIndex(at: last), rule: .colonIntroduced, confidence: 0.7)
    }
    return nil
  }

  /// The subject of the verb at `verb`: skips auxiliaries, adverbs, appositions and
  /// relative clauses ("Roe, who chairs the board, said").
  func subject(before verb: Int, start: Int) -> Int? {
    var t = verb - 1
    var steps = 0
    while t >= start, steps < 3, index.isWord(t), !index.tokens[t].isCapitalized || lexicon.verbModifiers.contains(index.keys[t]),
      lexicon.verbModifiers.contains(index.keys[t]) || isAdverb(t)
    {
      t -= 1
      steps += 1
    }
    guard t >= start else { return nil }
    if isComma(t) {
      var k = t - 1
      while k >= start, k > t - 30, !isComma(k), !inside[k] { k -= 1 }
      if k >= start, isComma(k) {
        if let m = mention(startingAt: k + 1), mentionLastToken[m] == t - 1, document.mentions[m].kind == .name {
          return m
        }
        t = k - 1
      } else if k < start || k <= t - 30 {
        // "Roe, who chairs the board and ..., said" with no second comma: the first mention.
        if let m = mention(endingAt: t - 1) { return m }
        return nil
      } else {
        return nil
      }
    }
    guard t >= start else { return nil }
    guard var m = mention(endingAt: t) else { return nil }
    // "Roe, a senior analyst at Acme, the research firm, said": the name the description
    // stands in apposition to.
    let before = mentionFirstToken[m] - 1
    if document.mentions[m].kind == .description, before - 1 >= start, isComma(before), isComma(mentionLastToken[m] + 1),
      let name = mention(endingAt: before - 1), document.mentions[name].kind == .name
    {
      return name
    }
    // "the senior official in the mayor's office": the head of the phrase, not its object.
    var guardSteps = 0
    while guardSteps < 3 {
      guardSteps += 1
      let before = mentionFirstToken[m] - 1
      guard before - 1 >= start, index.isWord(before), lexicon.prepositions.contains(index.keys[before]),
        let outer = mention(endingAt: before - 1)
      else { break }
      m = outer
    }
    return m
  }

  func isParticiple(_ t: Int) -> Bool {
    let r = index.tokens[t].range
    return r.utf8Count > 4 && bytes[r.upperBound - 3] == UInt8(ascii: "i") && bytes[r.upperBound - 2] == UInt8(ascii: "n")
      && bytes[r.upperBound - 1] == UInt8(ascii: "g")
  }

  func firstMention(from start: Int, to end: Int) -> Int? {
    var t = start
    while t < end {
      if let m = mention(startingAt: t), document.mentions[m].kind != .pronoun || lexicon.pronouns[index.keys[t]]?.isSubject == true {
        return m
      }
      t += 1
    }
    return nil
  }

  func lastMention(from start: Int, to end: Int) -> Int? {
    var t = end - 1
    while t >= start {
      if let m = mention(endingAt: t) { return m }
      t -= 1
    }
    return nil
  }

  func isPersonLike(_ m: Int) -> Bool {
    let mention = document.mentions[m]
    if mention.kind == .pronoun {
      let t = mentionFirstToken[m]
      return lexicon.pronouns[index.keys[t]]?.isSubject == true
    }
    return true
  }

  /// Nothing but this quote's own lead-in lies between the previous quote and this one.
  func continues(from previous: Int, to q: Int) -> Bool {
    let pPrev = paragraph(of: closeToken[previous])
    let p = paragraph(of: openToken[q])
    guard p - pPrev <= 1 else { return false }
    // No other named speaker in between.
    var t = closeToken[previous] + 1
    let sourceRange = results[previous]?.speakerMention
    while t < openToken[q] {
      if let m = mention(startingAt: t), document.mentions[m].kind == .name || document.mentions[m].kind == .description {
        if sourceRange != document.mentions[m].range { return false }
      }
      t += 1
    }
    if p != pPrev {
      // The previous paragraph must end with that quote (or its attribution).
      let span = index.paragraphTokens[pPrev]
      guard let last = span.last else { return false }
      var u = closeToken[previous] + 1
      var words = 0
      while u <= last {
        if index.tokens[u].kind == .word { words += 1 }
        u += 1
      }
      if words > 12 { return false }
    }
    return true
  }

  /// "“…” ⏎ Roe added that …": the next sentence opens with a speaker and a verb.
  func speakerInNextSentence(after close: Int) -> Source? {
    let s = sentence(of: close)
    guard s >= 0, s + 1 < index.sentenceTokens.count else { return nil }
    let next = index.sentenceTokens[s + 1]
    guard paragraph(of: next.lowerBound) - paragraph(of: close) <= 1 else { return nil }
    var t = next.lowerBound
    while t < next.upperBound, t < next.lowerBound + 3, index.isWord(t), mention(startingAt: t) == nil { t += 1 }
    guard let m = mention(startingAt: t) else { return nil }
    var u = skipModifiersForward(mentionLastToken[m] + 1)
    if isComma(u) {
      var k = u + 1
      while k < next.upperBound, !isComma(k) { k += 1 }
      u = skipModifiersForward(k + 1)
    }
    if let cue = verbCue(at: u) {
      return Source(mention: m, cue: cue.cue, rule: .speakerInNextSentence, confidence: 0.6)
    }
    return nil
  }

  /// The subject of the latest sentence before the quote that names someone.
  func speakerInPreviousSentence(before open: Int) -> Source? {
    let s = sentence(of: open)
    guard s > 0 else { return nil }
    let p = paragraph(of: open)
    var k = s - 1
    while k >= 0, k >= s - 2 {
      let span = index.sentenceTokens[k]
      guard let first = span.first, p - paragraph(of: first) <= 1 else { return nil }
      var t = span.lowerBound
      while t < span.upperBound {
        if let m = mention(startingAt: t), document.mentions[m].kind != .organization || true {
          let kind = document.mentions[m].kind
          let isMultiWordName = kind == .name && document.mentions[m].entity == nil && mentionLastToken[m] > mentionFirstToken[m]
          if kind == .name, !followsDefiniteArticle(m),
            isMultiWordName || document.mentions[m].entity.map({ document.entities[$0].kind == .person }) == true
          {
            return Source(mention: m, cue: nil, rule: .speakerInPreviousSentence, confidence: 0.5)
          }
          if kind == .pronoun, lexicon.pronouns[index.keys[t]]?.isSubject == true,
            lexicon.pronouns[index.keys[t]]?.gender != .neuter
          {
            return Source(mention: m, cue: nil, rule: .speakerInPreviousSentence, confidence: 0.45)
          }
        }
        t += 1
      }
      k -= 1
    }
    return nil
  }
}

extension AttributionContext {
  /// The mention starting at `t`, or after up to two title words ("Commissioner Jane Roe").
  func mention(near t: Int) -> Int? {
    var u = t
    while u < t + 3, u < index.tokens.count {
      if let m = mention(startingAt: u) { return m }
      guard index.isWord(u) || index.isPunctuation(u, UInt8(ascii: "."), bytes) else { return nil }
      // "said U.S. Attorney Jane Roe": a capitalised qualifier before a title.
      let qualifiesTitle = index.tokens[u].isCapitalized && u + 1 < index.tokens.count && index.isWord(u + 1)
        && lexicon.titles[index.keys[u + 1]] != nil
      if index.isWord(u), lexicon.titles[index.keys[u]] == nil, !isWord(u, "by"), !qualifiesTitle { return nil }
      u += 1
    }
    return nil
  }
}
