/// A quote opening a paragraph right after one that ends with a colon.
struct ColonInPreviousParagraphProposer: SpeakerProposer {
  var id: String { "colonInPreviousParagraph" }
  func propose(_ q: Int, in context: AttributionContext) -> [SpeakerProposal] {
    .primary(context.colonInPreviousParagraph(q))
  }
}

extension AttributionContext {
  /// A quote opening a paragraph right after one that ends with a colon.
  func colonInPreviousParagraph(_ q: Int) -> Source? {
    let open = openToken[q]
    let p = paragraph(of: open)
    guard p > 0, index.paragraphTokens[p].lowerBound == open else { return nil }
    let previous = index.paragraphTokens[p - 1]
    guard let last = previous.last, index.isPunctuation(last, UInt8(ascii: ":"), bytes) else {
      return nil
    }
    let s = sentence(of: last)
    guard s >= 0 else { return nil }
    let start = index.sentenceTokens[s].lowerBound
    var t = last - 1
    while t >= start {
      if let cue = verbCue(at: t),
        let m = subject(before: t, start: start) ?? firstMention(from: start, to: t)
      {
        return Source(
          mention: m, cue: cue.cue, rule: .colonIntroduced,
          confidence: AttributionTuning.Confidence.colonParagraphVerb)
      }
      t -= 1
    }
    if let m = lastMention(from: start, to: last) {
      return Source(
        mention: m, cue: cueIndex(at: last), rule: .colonIntroduced,
        confidence: AttributionTuning.Confidence.colonParagraphMention)
    }
    return nil
  }
}
