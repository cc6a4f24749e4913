/// “…,” Roe said / “…,” said Roe / “…” — Roe / “…,” according to Roe.
struct AfterQuoteProposer: SpeakerProposer {
  var id: String { "afterQuote" }
  func propose(_ q: Int, in context: AttributionContext) -> [SpeakerProposal] {
    .primary(context.afterQuote(q))
  }
}

extension AttributionContext {
  /// “…,” Roe said / “…,” said Roe / “…” — Roe / “…,” according to Roe.
  func afterQuote(_ q: Int) -> Source? {
    let close = closeToken[q]
    var t = close + (hasClose[q] ? 1 : 1)
    let p = paragraph(of: close)
    guard t < index.tokens.count, paragraph(of: t) == p, !inside[t] else { return nil }
    if isComma(t) { t += 1 }
    if index.isDash(t, bytes), let m = mention(near: t + 1), isPersonLike(m) {
      return Source(
        mention: m, cue: cueIndex(at: t), rule: .dashCredit,
        confidence: AttributionTuning.Confidence.dashCredit)
    }
    // “…,” the statement said: whoever issued the latest statement.
    if (isWord(t, "the") || isWord(t, "a")) && isWord(t + 1, "statement"),
      let cue = verbCue(at: t + 2),
      let m = statementIssuer(before: t)
    {
      return Source(
        mention: m, cue: cue.cue, rule: .verbAfterQuote,
        confidence: AttributionTuning.Confidence.statementSaid)
    }
    // “…”, ha dicho el ministro: auxiliaries and clitics before an inverted verb.
    let verb = verbCue(at: t) == nil ? skipModifiersForward(t) : t
    if let cue = verbCue(at: verb) {
      let t = verb
      if lemma(cue.cue) == "according to" {
        if let m = mention(startingAt: t + cue.count) {
          return Source(
            mention: m, cue: cue.cue, rule: .accordingTo,
            confidence: AttributionTuning.Confidence.accordingTo)
        }
        return nil
      }
      if let m = mention(near: t + cue.count) {
        return Source(
          mention: m, cue: cue.cue, rule: .invertedVerb,
          confidence: AttributionTuning.Confidence.invertedVerbAfter)
      }
      // “…,” said the senior official — description with a possessive or an unknown head.
      return nil
    }
    if let m = mention(startingAt: t) {
      var u = skipModifiersForward(mentionLastToken[m] + 1)
      if isComma(u) {
        // Apposition between subject and verb.
        var k = u + 1
        while k < index.tokens.count, k < u + AttributionTuning.Window.apposition, !isComma(k),
          !inside[k], sentence(of: k) == sentence(of: u)
        { k += 1 }
        if isComma(k) { u = skipModifiersForward(k + 1) }
      }
      if let cue = verbCue(at: u) {
        return Source(
          mention: m, cue: cue.cue, rule: .verbAfterQuote,
          confidence: AttributionTuning.Confidence.verbAfterQuote)
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
          return Source(
            mention: m, cue: cue.cue, rule: .verbAfterQuote,
            confidence: AttributionTuning.Confidence.subjectWithRole)
        }
      }
      u += 1
    }
    return nil
  }

  /// The subject of the latest "… said in a statement" (or the owner of "X's statement")
  /// within three paragraphs before token `t`.
  func statementIssuer(before t: Int) -> Int? {
    let p = paragraph(of: t)
    var u = t - 1
    while u > 0, p - paragraph(of: u) <= AttributionTuning.Window.statementParagraphs {
      defer { u -= 1 }
      guard !inside[u], isWord(u, "statement") else { continue }
      if MentionFinder.isPossessiveClitic(index.tokens[u - 1].range, bytes),
        let m = mention(endingAt: u - 2)
      {
        return m
      }
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

}
