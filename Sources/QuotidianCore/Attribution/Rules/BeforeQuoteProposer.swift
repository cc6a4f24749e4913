/// Roe said, “…” / Roe said that it was “…” / according to Roe, “…” / Roe: “…”.
struct BeforeQuoteProposer: SpeakerProposer {
  var id: String { "beforeQuote" }
  func propose(_ q: Int, in context: AttributionContext) -> [SpeakerProposal] {
    .primary(context.beforeQuote(q))
  }
}

extension AttributionContext {
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
          if let m = mention(startingAt: t + cue.count) {
            return Source(
              mention: m, cue: cue.cue, rule: .accordingTo,
              confidence: AttributionTuning.Confidence.accordingTo)
          }
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
              return Source(
                mention: m, cue: cue.cue, rule: .verbBeforeQuote,
                confidence: AttributionTuning.Confidence.participle)
            }
            u -= 1
          }
        }
        if isParticiple(t), let m = firstMention(from: fullStart, to: t) {
          return Source(
            mention: m, cue: cue.cue, rule: .verbBeforeQuote,
            confidence: AttributionTuning.Confidence.participle)
        }
        if let m = subject(before: t, start: fullStart) {
          var rule: Attribution.Rule =
            document.quotes[q].kind == .partial ? .partialQuoteSubject : .verbBeforeQuote
          if q > 0, closeToken[q - 1] < t, sentence(of: closeToken[q - 1]) == s {
            rule = .splitQuote
          }
          return Source(
            mention: m, cue: cue.cue, rule: rule,
            confidence: AttributionTuning.Confidence.verbBeforeQuote)
        }
        // "said Roe, “…”": the subject after the verb.
        if let m = mention(startingAt: t + cue.count), isPersonLike(m) {
          return Source(
            mention: m, cue: cue.cue, rule: .invertedVerb,
            confidence: AttributionTuning.Confidence.invertedVerbBefore)
        }
        if let m = firstMention(from: fullStart, to: t) {
          let rule: Attribution.Rule =
            document.quotes[q].kind == .partial ? .partialQuoteSubject : .verbBeforeQuote
          return Source(
            mention: m, cue: cue.cue, rule: rule,
            confidence: AttributionTuning.Confidence.firstMentionBefore)
        }
        return nil
      }
      t -= 1
    }
    // A colon lead-in without a verb: "And from the chairwoman:".
    if open - 1 >= start, index.isPunctuation(open - 1, UInt8(ascii: ":"), bytes) {
      if let m = lastMention(from: index.sentenceTokens[s].lowerBound, to: open - 1) {
        return Source(
          mention: m, cue: cueIndex(at: open - 1), rule: .colonIntroduced,
          confidence: AttributionTuning.Confidence.colonLeadIn)
      }
    }
    return nil
  }
}
