/// Extra candidates only: every person named in the quote's sentence and the sentences
/// either side (outside quotes), for the learned scorer when the rules pick a place, a
/// party or a show. Never the priority order's pick.
struct NearbyNameProposer: SpeakerProposer {
  var id: String { "nearbyName" }
  func propose(_ q: Int, in context: AttributionContext) -> [SpeakerProposal] {
    let index = context.index
    let document = context.document
    let first = max(
      0, context.sentence(of: context.openToken[q]) - AttributionTuning.Window.nearbySentences)
    let last = min(
      index.sentenceTokens.count - 1,
      context.sentence(of: context.closeToken[q]) + AttributionTuning.Window.nearbySentences)
    guard first <= last, last >= 0 else { return [] }
    let p = context.paragraph(of: context.openToken[q])
    var proposals: [SpeakerProposal] = []
    var seen: Set<Int> = []
    var t = index.sentenceTokens[first].lowerBound
    let end = index.sentenceTokens[last].upperBound
    while t < end, proposals.count < 6 {
      defer { t += 1 }
      guard let m = context.mention(startingAt: t), abs(context.paragraph(of: t) - p) <= 1,
        let e = document.mentions[m].entity, e < document.entities.count,
        document.entities[e].kind == .person,
        seen.insert(e).inserted
      else { continue }
      proposals.append(
        SpeakerProposal(
          target: .mention(
            .init(
              mention: m, cue: nil, rule: .nearbyName,
              confidence: AttributionTuning.Confidence.extra)),
          isPrimary: false))
    }
    return proposals
  }
}
