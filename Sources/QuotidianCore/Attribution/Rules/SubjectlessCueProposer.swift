/// “…”, afirmó. / “…”, dijo a la prensa. — a speech verb right after the quote with no
/// subject after it: languages that drop subject pronouns (Spanish) write the verb alone
/// and leave the speaker to the sentence before. Proposes the nearer of the previous quote's
/// speaker and the subject of the previous sentence (the other as an extra candidate); when
/// a subject follows the verb after an adjunct ("señaló en un comunicado la doctora Roe"),
/// proposes that subject instead. English never writes the bare verb, so this rule is silent
/// on English text.
struct SubjectlessCueProposer: SpeakerProposer {
  var id: String { "subjectlessCue" }
  func propose(_ q: Int, in context: AttributionContext) -> [SpeakerProposal] {
    guard let cue = context.cueAfterQuote(q), context.mention(near: cue.end) == nil else {
      return []
    }
    if let late = context.lateSubject(after: cue.end) {
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
    let subject = context.speakerInPreviousSentence(before: open)
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
        let before = u - 1
        if index.isWord(before), lexicon.prepositions.contains(index.keys[before]) { return nil }
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
}
