/// "“…” ⏎ Roe added that …": the next sentence opens with a speaker and a verb.
struct NextSentenceProposer: SpeakerProposer {
  var id: String { "nextSentence" }
  func propose(_ q: Int, in context: AttributionContext) -> [SpeakerProposal] {
    .primary(context.speakerInNextSentence(after: context.closeToken[q]))
  }
}

extension AttributionContext {
  /// "“…” ⏎ Roe added that …": the next sentence opens with a speaker and a verb.
  func speakerInNextSentence(after close: Int) -> Source? {
    let s = sentence(of: close)
    guard s >= 0, s + 1 < index.sentenceTokens.count else { return nil }
    let next = index.sentenceTokens[s + 1]
    guard paragraph(of: next.lowerBound) - paragraph(of: close) <= 1 else { return nil }
    var t = next.lowerBound
    while t < next.upperBound, t < next.lowerBound + 3, index.isWord(t),
      mention(startingAt: t) == nil
    { t += 1 }
    guard let m = mention(startingAt: t) else { return nil }
    var u = skipModifiersForward(mentionLastToken[m] + 1)
    if isComma(u) {
      var k = u + 1
      while k < next.upperBound, !isComma(k) { k += 1 }
      u = skipModifiersForward(k + 1)
    }
    if let cue = verbCue(at: u) {
      return Source(
        mention: m, cue: cue.cue, rule: .speakerInNextSentence,
        confidence: AttributionTuning.Confidence.nextSentence)
    }
    return nil
  }
}
