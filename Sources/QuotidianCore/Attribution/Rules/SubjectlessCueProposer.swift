/// “…”, afirmó. / “…”, dijo a la prensa. — a speech verb right after the quote with no
/// subject after it: languages that drop subject pronouns (Spanish) write the verb alone
/// and leave the speaker to the text before, where the latest speaker is still talking.
/// Proposes the nearer of the previous quote's speaker and the latest named subject of a
/// speech verb ("Roe explicó que …"), else the subject of the previous sentence; when
/// a subject follows the verb after an adjunct ("señaló en un comunicado la doctora Roe"),
/// proposes that subject instead. English never writes the bare verb, so this rule is silent
/// on English text.
struct SubjectlessCueProposer: SpeakerProposer {
  var id: String { "subjectlessCue" }
  func propose(_ q: Int, in context: AttributionContext) -> [SpeakerProposal] {
    let after = context.cueAfterQuote(q)
    guard let cue = after ?? context.bareCueBeforeQuote(q), context.mention(near: cue.end) == nil
    else {
      return []
    }
    if after != nil, let late = context.lateSubject(after: cue.end) {
      return .primary(
        AttributionContext.Source(
          mention: late, cue: cue.cue, rule: .invertedVerb,
          confidence: AttributionTuning.Confidence.lateSubject))
    }
    let open = context.openToken[q]
    var recent: (attribution: Attribution, token: Int)?
    if q > 0, let previous = context.results[q - 1], previous.speaker != nil,
      context.paragraph(of: open) - context.paragraph(of: context.closeToken[q - 1])
        <= AttributionTuning.Window.recentParagraphs
    {
      recent = (previous, context.closeToken[q - 1])
    }
    let subject =
      context.latestCueSubject(before: open) ?? context.speakerInPreviousSentence(before: open)
    var proposals: [SpeakerProposal] = []
    let subjectToken = subject.map { context.mentionFirstToken[$0.mention] } ?? -1
    let recentFirst = recent.map { $0.token > subjectToken } ?? false
    if let subject {
      var source = subject
      source.cue = cue.cue
      source.rule = .subjectlessCue
      source.confidence =
        recentFirst
        ? AttributionTuning.Confidence.extra : AttributionTuning.Confidence.subjectlessCue
      proposals.append(SpeakerProposal(target: .mention(source), isPrimary: !recentFirst))
    }
    if let recent {
      var attribution = recent.attribution
      attribution.quote = q
      attribution.rule = .subjectlessCue
      attribution.cue = context.document.cues[cue.cue].range
      attribution.confidence =
        recentFirst || subject == nil
        ? AttributionTuning.Confidence.subjectlessCue : AttributionTuning.Confidence.extra
      attribution.evidence = [context.document.quotes[q - 1].span]
      proposals.append(
        SpeakerProposal(target: .carried(attribution), isPrimary: recentFirst || subject == nil))
    }
    return proposals
  }
}

extension AttributionContext {
  /// The subject (before the verb, or right after it) of the latest speech verb outside
  /// quotation marks before token `open`, within a few paragraphs: the speaker a bare verb
  /// continues. Verbs without a subject of their own are skipped (they continue too).
  func latestCueSubject(before open: Int) -> AttributionContext.Source? {
    let p = paragraph(of: open)
    var t = open - 1
    while t >= 0, p - paragraph(of: t) <= AttributionTuning.Window.cueSubjectParagraphs {
      defer { t -= 1 }
      guard !inside[t], let cue = verbCue(at: t), lemma(cue.cue) != "according to" else {
        continue
      }
      let s = sentence(of: t)
      guard s >= 0 else { continue }
      let start = index.sentenceTokens[s].lowerBound
      let found = subject(before: t, start: start) ?? mention(near: t + cue.count)
      guard let m = found, document.mentions[m].kind != .pronoun else { continue }
      return Source(
        mention: m, cue: cue.cue, rule: .subjectlessCue,
        confidence: AttributionTuning.Confidence.subjectlessCue)
    }
    return nil
  }

  /// The speech verb right after quote `q`'s closing mark (after a comma), with the token
  /// after it.
  func cueAfterQuote(_ q: Int) -> (cue: Int, end: Int)? {
    guard hasClose[q] else { return nil }
    var t = closeToken[q] + 1
    guard t < index.tokens.count, paragraph(of: t) == paragraph(of: closeToken[q]), !inside[t]
    else { return nil }
    if isComma(t) { t += 1 }
    if verbCue(at: t) == nil { t = skipModifiersForward(t) }
    guard let cue = verbCue(at: t), lemma(cue.cue) != "according to" else { return nil }
    return (cue.cue, t + cue.count)
  }

  /// "Prosiguió: «…»", "Subrayó que «…»": a speech verb opening the quote's sentence, with
  /// the quote within a few words after it and no mention between them.
  func bareCueBeforeQuote(_ q: Int) -> (cue: Int, end: Int)? {
    let open = openToken[q]
    let s = sentence(of: open)
    guard s >= 0 else { return nil }
    let t = index.sentenceTokens[s].lowerBound
    guard t < open, open - t <= AttributionTuning.Window.bareCueWords, !inside[t],
      let cue = verbCue(at: t), lemma(cue.cue) != "according to"
    else { return nil }
    // Nobody named between the verb and the quote ("Asked about it, she said “…”" is not bare).
    for u in (t + cue.count)..<open where mention(startingAt: u) != nil { return nil }
    return (cue.cue, t + cue.count)
  }

  /// The subject after a verb and an adjunct, in the verb's sentence: the first mention
  /// within a few words that no preposition governs, not a pronoun ("señaló en un
  /// comunicado la doctora Roe"). A description right before a name stands for the name.
  func lateSubject(after t: Int) -> Int? {
    let s = sentence(of: t - 1)
    var u = t
    while u < index.tokens.count, u < t + AttributionTuning.Window.lateSubject,
      sentence(of: u) == s, !inside[u], !isComma(u)
    {
      if u > t, let m = mention(startingAt: u), document.mentions[m].kind != .pronoun {
        if isGovernedByPreposition(u, after: t) { return nil }
        if document.mentions[m].kind == .description,
          let name = mention(startingAt: mentionLastToken[m] + 1),
          document.mentions[name].kind == .name
        {
          return name
        }
        return m
      }
      guard index.isWord(u) else { return nil }
      u += 1
    }
    return nil
  }

  /// The phrase starting at token `u` follows a preposition, perhaps through an article
  /// ("dijo a EL UNIVERSAL", "said in Washington"): to whom or where the words were said,
  /// not who said them. Looks no further back than token `limit`.
  func isGovernedByPreposition(_ u: Int, after limit: Int) -> Bool {
    var before = u - 1
    if before > limit, index.isWord(before),
      lexicon.definiteDeterminers.contains(index.keys[before])
    {
      before -= 1
    }
    return before >= limit && index.isWord(before)
      && lexicon.prepositions.contains(index.keys[before])
  }
}
