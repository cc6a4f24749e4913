/// A headline echoing a quote in the body takes that quote's speaker.
struct HeadlineEchoProposer: SpeakerProposer {
  var id: String { "headlineEcho" }
  func propose(_ q: Int, in context: AttributionContext) -> [SpeakerProposal] {
    let words = context.quoteWords(q)
    guard !words.isEmpty else { return [] }
    let window = AttributionTuning.Window.echoQuotes
    for other in max(0, q - window)..<min(context.document.quotes.count, q + window + 1)
    where other != q {
      guard let attribution = context.results[other], attribution.speaker != nil else { continue }
      if QuoteFinder.contains(context.quoteWords(other), words) {
        var copy = attribution
        copy.quote = q
        copy.rule = .continuation
        copy.evidence = [context.document.quotes[other].span]
        copy.confidence = min(AttributionTuning.Confidence.headlineEcho, attribution.confidence)
        return [SpeakerProposal(target: .carried(copy), isPrimary: true)]
      }
    }
    return []
  }
}
