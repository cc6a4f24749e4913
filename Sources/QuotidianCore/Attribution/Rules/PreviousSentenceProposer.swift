/// The subject of the latest sentence before the quote that names someone.
struct PreviousSentenceProposer: SpeakerProposer {
  var id: String { "previousSentence" }
  func propose(_ q: Int, in context: AttributionContext) -> [SpeakerProposal] {
    .primary(context.speakerInPreviousSentence(before: context.openToken[q]))
  }
}

extension AttributionContext {
  /// The subject of the latest sentence before the quote that names someone.
  func speakerInPreviousSentence(before open: Int) -> Source? {
    let s = sentence(of: open)
    guard s > 0 else { return nil }
    let p = paragraph(of: open)
    var k = s - 1
    while k >= 0, k >= s - AttributionTuning.Window.previousSentences {
      let span = index.sentenceTokens[k]
      guard let first = span.first, p - paragraph(of: first) <= 1 else { return nil }
      var t = span.lowerBound
      while t < span.upperBound {
        if let m = mention(startingAt: t), document.mentions[m].kind != .organization || true {
          let kind = document.mentions[m].kind
          let isMultiWordName =
            kind == .name && document.mentions[m].entity == nil
            && mentionLastToken[m] > mentionFirstToken[m]
          if kind == .name, !followsDefiniteArticle(m),
            isMultiWordName
              || document.mentions[m].entity.map({ document.entities[$0].kind == .person }) == true
          {
            return Source(
              mention: m, cue: nil, rule: .speakerInPreviousSentence,
              confidence: AttributionTuning.Confidence.previousSentenceName)
          }
          if kind == .pronoun, lexicon.pronouns[index.keys[t]]?.isSubject == true,
            lexicon.pronouns[index.keys[t]]?.gender != .neuter
          {
            return Source(
              mention: m, cue: nil, rule: .speakerInPreviousSentence,
              confidence: AttributionTuning.Confidence.previousSentencePronoun)
          }
        }
        t += 1
      }
      k -= 1
    }
    return nil
  }
}
