/// A partial quote whose cue comes later in its sentence.
struct CueLaterInSentenceProposer: SpeakerProposer {
  var id: String { "cueLaterInSentence" }
  func propose(_ q: Int, in context: AttributionContext) -> [SpeakerProposal] {
    .primary(context.cueLaterInSentence(q))
  }
}

extension AttributionContext {
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
          return Source(
            mention: m, cue: cue.cue, rule: .verbAfterQuote,
            confidence: AttributionTuning.Confidence.cueLaterInSentence)
        }
        return nil
      }
      t += 1
    }
    return nil
  }
}
