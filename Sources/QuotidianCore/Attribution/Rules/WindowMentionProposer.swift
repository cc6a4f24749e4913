/// Extra candidates only: every mention that could be a speaker around the quote, for the
/// learned scorer to weigh on its own features (distance, side, role next to a cue, layout).
///
/// The window is the quote's sentence, the sentences either side and the quote's paragraph,
/// at most ``reach`` tokens either side of the quote, outside quotes. A candidate is a name of
/// a person or organisation (or of nothing known), a description, or a subject pronoun; each
/// entity once, by its mention nearest the quote, and the ``maximum`` nearest in all.
struct WindowMentionProposer: SpeakerProposer {
  var id: String { "window" }

  /// Candidates at most per quote, so the cost per quote stays bounded.
  static let maximum = 12
  /// Tokens at most between the quote and a candidate.
  static let reach = 120

  func propose(_ q: Int, in context: AttributionContext) -> [SpeakerProposal] {
    let index = context.index
    let open = context.openToken[q]
    let close = context.closeToken[q]
    let s0 = context.sentence(of: open)
    let s1 = context.sentence(of: close)
    guard s0 >= 0, s1 >= 0 else { return [] }
    var lower = index.sentenceTokens[max(0, s0 - 1)].lowerBound
    var upper = index.sentenceTokens[min(index.sentenceTokens.count - 1, s1 + 1)].upperBound
    let p = context.paragraph(of: open)
    if p >= 0, p < index.paragraphTokens.count {
      lower = min(lower, index.paragraphTokens[p].lowerBound)
      upper = max(upper, index.paragraphTokens[p].upperBound)
    }
    lower = max(lower, open - Self.reach)
    upper = min(upper, close + 1 + Self.reach, index.tokens.count)
    var nearest: [Int: (distance: Int, mention: Int)] = [:]
    var loose: [(distance: Int, mention: Int)] = []
    var t = max(0, lower)
    while t < upper {
      guard let m = context.mention(startingAt: t) else {
        t += 1
        continue
      }
      let last = context.mentionLastToken[m]
      defer { t = max(t + 1, last + 1) }
      guard Self.isCandidate(m, in: context) else { continue }
      let distance = t < open ? open - last : t - close
      if let e = context.document.mentions[m].entity {
        if nearest[e].map({ distance < $0.distance }) ?? true { nearest[e] = (distance, m) }
      } else {
        loose.append((distance, m))
      }
    }
    var found = Array(nearest.values) + loose
    found.sort {
      $0.distance < $1.distance || ($0.distance == $1.distance && $0.mention < $1.mention)
    }
    return found.prefix(Self.maximum).map { $0.mention }.sorted().map {
      SpeakerProposal(
        target: .mention(
          .init(
            mention: $0, cue: nil, rule: .nearbyMention,
            confidence: AttributionTuning.Confidence.extra)),
        isPrimary: false)
    }
  }

  /// A name of a person or organisation (or of no known entity), a description, or a pronoun
  /// that can be a subject.
  static func isCandidate(_ m: Int, in context: AttributionContext) -> Bool {
    let mention = context.document.mentions[m]
    switch mention.kind {
    case .pronoun:
      return context.isPersonLike(m)
    case .description:
      return true
    default:
      guard let e = mention.entity, e < context.document.entities.count else { return true }
      let kind = context.document.entities[e].kind
      return kind == .person || kind == .organization || kind == .group
    }
  }
}
