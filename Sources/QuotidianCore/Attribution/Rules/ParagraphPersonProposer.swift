/// The person (or organisation) named most often in the quote's paragraph, the latest on a
/// tie (the rule's pick); every other one named there is an extra candidate.
struct ParagraphPersonProposer: SpeakerProposer {
  var id: String { "paragraphPerson" }
  func propose(_ q: Int, in context: AttributionContext) -> [SpeakerProposal] {
    let p = context.paragraph(of: context.openToken[q])
    guard p >= 0, p < context.paragraphPeople.count,
      let best = context.paragraphPeople[p].best
    else { return [] }
    let people = context.paragraphPeople[p]
    var pick = context.make(
      q,
      .init(
        mention: best, cue: nil, rule: .continuation,
        confidence: AttributionTuning.Confidence.paragraphPerson))
    pick.rule = .continuation
    var proposals = [SpeakerProposal(target: .carried(pick), isPrimary: true)]
    for m in Self.nearest(people, to: context.openToken[q]) {
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

  /// Other people proposed at most; a paragraph naming more (a list, a hostile text)
  /// proposes the ones nearest the quote, so the cost per quote stays bounded.
  static let maximumOthers = 12

  /// The paragraph's other people, all of them in their order when there are few, else the
  /// ``maximumOthers`` whose latest mention is nearest `token` (still in their order).
  static func nearest(_ people: AttributionContext.ParagraphPeople, to token: Int) -> [Int] {
    guard people.others.count > maximumOthers else { return people.others }
    let sorted = people.byToken
    var low = 0
    var high = sorted.count
    while low < high {
      let middle = (low + high) / 2
      if sorted[middle].token < token { low = middle + 1 } else { high = middle }
    }
    // Widen from the insertion point towards whichever side is nearer.
    var left = low - 1
    var right = low
    var slots: [Int] = []
    while slots.count < maximumOthers && (left >= 0 || right < sorted.count) {
      let takeLeft =
        right >= sorted.count
        || (left >= 0 && token - sorted[left].token <= sorted[right].token - token)
      if takeLeft {
        slots.append(sorted[left].slot)
        left -= 1
      } else {
        slots.append(sorted[right].slot)
        right += 1
      }
    }
    return slots.sorted().map { people.others[$0] }
  }
}
