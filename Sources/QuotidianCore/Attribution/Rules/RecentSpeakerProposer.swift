/// The speaker of the nearest attributed quote before this one in the same or the previous
/// paragraph (the rule's pick); earlier distinct speakers there are extra candidates.
struct RecentSpeakerProposer: SpeakerProposer {
  var id: String { "recentSpeaker" }
  /// Earlier quotes looked at, at most.
  static let maximumLookBack = 64
  func propose(_ q: Int, in context: AttributionContext) -> [SpeakerProposal] {
    let p = context.paragraph(of: context.openToken[q])
    var proposals: [SpeakerProposal] = []
    var seen: [String] = []
    var k = q - 1
    // A bounded look back: in a paragraph of thousands of quotes without speakers the walk
    // would otherwise cost every earlier quote for each one (quadratic).
    let oldest = max(0, q - Self.maximumLookBack)
    while k >= oldest,
      p - context.paragraph(of: context.closeToken[k]) <= AttributionTuning.Window.recentParagraphs,
      proposals.count < 3
    {
      defer { k -= 1 }
      guard let previous = context.results[k], let speaker = previous.speaker,
        !seen.contains(speaker)
      else { continue }
      seen.append(speaker)
      var attribution = previous
      attribution.quote = q
      attribution.rule = .continuation
      attribution.confidence = min(
        previous.confidence,
        proposals.isEmpty
          ? AttributionTuning.Confidence.recentSpeaker : AttributionTuning.Confidence.extra)
      attribution.evidence = [context.document.quotes[k].span]
      proposals.append(SpeakerProposal(target: .carried(attribution), isPrimary: proposals.isEmpty))
    }
    return proposals
  }
}
