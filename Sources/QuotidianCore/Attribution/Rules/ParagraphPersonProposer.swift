/// The person (or organisation) named most often in the quote's paragraph, the latest on a
/// tie (the rule's pick); every other one named there is an extra candidate.
struct ParagraphPersonProposer: SpeakerProposer {
  var id: String { "paragraphPerson" }
  func propose(_ q: Int, in context: AttributionContext) -> [SpeakerProposal] {
    let p = context.paragraph(of: context.openToken[q])
    guard p >= 0 else { return [] }
    let document = context.document
    var counts: [Int: Int] = [:]
    var latest: [Int: Int] = [:]
    var order: [Int] = []
    var best: (mention: Int, count: Int)?
    for t in context.index.paragraphTokens[p] where !context.inside[t] {
      guard let m = context.mention(startingAt: t), let e = document.mentions[m].entity,
        e < document.entities.count,
        document.entities[e].kind == .person || document.entities[e].kind == .organization
      else { continue }
      if counts[e] == nil { order.append(e) }
      counts[e, default: 0] += document.entities[e].kind == .person ? 2 : 1
      latest[e] = m
      if let c = counts[e], c >= (best?.count ?? 0) { best = (m, c) }
    }
    guard let best else { return [] }
    var pick = context.make(
      q,
      .init(
        mention: best.mention, cue: nil, rule: .continuation,
        confidence: AttributionTuning.Confidence.paragraphPerson))
    pick.rule = .continuation
    var proposals = [SpeakerProposal(target: .carried(pick), isPrimary: true)]
    let bestEntity = document.mentions[best.mention].entity
    for e in order where e != bestEntity {
      guard let m = latest[e] else { continue }
      proposals.append(
        SpeakerProposal(
          target: .mention(
            .init(
              mention: m, cue: nil, rule: .continuation,
              confidence: AttributionTuning.Confidence.extra)),
          isPrimary: false))
    }
    return proposals
  }
}
