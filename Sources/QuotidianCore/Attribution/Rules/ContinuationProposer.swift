/// The previous quote's speaker when nothing but this quote's lead-in lies between them.
struct ContinuationProposer: SpeakerProposer {
  var id: String { "continuation" }
  func propose(_ q: Int, in context: AttributionContext) -> [SpeakerProposal] {
    guard q > 0, let previous = context.results[q - 1], previous.speaker != nil,
      context.continues(from: q - 1, to: q)
    else { return [] }
    let open = context.openToken[q]
    let previousClose = context.closeToken[q - 1]
    let sameParagraph = context.paragraph(of: previousClose) == context.paragraph(of: open)
    var attribution = previous
    attribution.quote = q
    attribution.rule =
      sameParagraph && context.sentence(of: open) == context.sentence(of: previousClose)
      ? .splitQuote : .continuation
    attribution.confidence = min(
      previous.confidence,
      sameParagraph
        ? AttributionTuning.Confidence.continuationSameParagraph
        : AttributionTuning.Confidence.continuationNextParagraph)
    attribution.evidence = [context.document.quotes[q - 1].span] + previous.evidence.prefix(1)
    return [SpeakerProposal(target: .carried(attribution), isPrimary: true)]
  }
}

/// Another quote of the same sentence whose speaker a cue gave: "X told me that “…” and
/// that the plan has “…”" — one sentence, one speaker.
struct SameSentenceProposer: SpeakerProposer {
  var id: String { "sameSentence" }
  func propose(_ q: Int, in context: AttributionContext) -> [SpeakerProposal] {
    guard q > 0, let previous = context.results[q - 1], previous.speaker != nil,
      previous.cue != nil,
      context.sentence(of: context.closeToken[q - 1]) == context.sentence(of: context.openToken[q])
    else { return [] }
    var attribution = previous
    attribution.quote = q
    attribution.rule = .splitQuote
    attribution.confidence = min(previous.confidence, AttributionTuning.Confidence.sameSentence)
    attribution.evidence = [context.document.quotes[q - 1].span] + previous.evidence.prefix(1)
    return [SpeakerProposal(target: .carried(attribution), isPrimary: true)]
  }
}

extension AttributionContext {
  /// Nothing but this quote's own lead-in lies between the previous quote and this one.
  func continues(from previous: Int, to q: Int) -> Bool {
    let pPrev = paragraph(of: closeToken[previous])
    let p = paragraph(of: openToken[q])
    guard p - pPrev <= 1 else { return false }
    // No other named speaker in between.
    var t = closeToken[previous] + 1
    let sourceRange = results[previous]?.speakerMention
    while t < openToken[q] {
      if let m = mention(startingAt: t),
        document.mentions[m].kind == .name || document.mentions[m].kind == .description
      {
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
      if words > AttributionTuning.Window.continuationWords { return false }
    }
    return true
  }
}
