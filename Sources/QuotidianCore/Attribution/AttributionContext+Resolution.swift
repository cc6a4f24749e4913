/// Turning a speaker mention into the speaker's fullest name: names through their entity,
/// pronouns through the latest person of the same gender, descriptions through the
/// description as first introduced or the named person whose role they repeat.
extension AttributionContext {
  func make(_ q: Int, _ source: Source) -> Attribution {
    let mention = document.mentions[source.mention]
    var evidence: [TextRange] = []
    let cueRange = source.cue.map { document.cues[$0].range }
    if let cueRange { evidence.append(cueRange) }
    var rule = source.rule
    var confidence = source.confidence
    var speaker: String?
    switch mention.kind {
    case .pronoun:
      if let (name, antecedent) = resolvePronoun(source.mention) {
        speaker = name
        evidence.append(antecedent)
        if rule != .speakerInPreviousSentence { rule = .pronoun }
        confidence *= 0.9
      }
    case .description:
      let (name, antecedent) = resolveDescription(source.mention)
      speaker = name
      if let antecedent { evidence.append(antecedent) }
      if antecedent != nil, rule != .speakerInPreviousSentence { rule = .description }
    default:
      if let e = mention.entity, e < document.entities.count {
        speaker = document.entities[e].name
      } else {
        speaker = stripArticle(document.string(mention.range))
      }
    }
    return Attribution(quote: q, speaker: speaker, speakerMention: mention.range, cue: cueRange, rule: rule,
                       evidence: evidence, confidence: speaker == nil ? 0 : confidence)
  }

  func stripArticle(_ text: String) -> String {
    for prefix in ["The ", "the "] where text.hasPrefix(prefix) && text.count > prefix.count + 2 {
      return String(text.dropFirst(prefix.count))
    }
    return text
  }

  /// The latest person before the pronoun whose gender agrees (outside quotations).
  func resolvePronoun(_ m: Int) -> (String, TextRange)? {
    let t = mentionFirstToken[m]
    guard let info = lexicon.pronouns[index.keys[t]] else { return nil }
    if info.gender == .neuter { return nil }
    var k = m - 1
    var looked = 0
    while k >= 0, looked < 120 {
      let candidate = document.mentions[k]
      looked += 1
      defer { k -= 1 }
      let first = mentionFirstToken[k]
      if first < inside.count, inside[first] { continue }
      if info.isPlural {
        if candidate.kind == .description, let head = headToken(k), index.tokens[head].range.utf8Count > 3,
          bytes[index.tokens[head].range.upperBound - 1] == UInt8(ascii: "s")
        {
          let (name, _) = resolveDescription(k)
          return (name, candidate.range)
        }
        if candidate.kind == .organization, let e = candidate.entity {
          return (document.entities[e].name, candidate.range)
        }
        continue
      }
      guard candidate.kind == .name, let e = candidate.entity, e < document.entities.count else { continue }
      let entity = document.entities[e]
      guard entity.kind == .person else { continue }
      if let gender = entity.gender, let wanted = info.gender, gender != wanted { continue }
      return (entity.name, candidate.range)
    }
    return nil
  }

  func headToken(_ m: Int) -> Int? {
    var t = mentionFirstToken[m]
    while t <= mentionLastToken[m] {
      if lexicon.descriptionHeads.contains(index.keys[t]) { return t }
      t += 1
    }
    return nil
  }

  /// A definite description resolves to the description that introduced it, or to the
  /// named person whose title or apposition has the same head noun; otherwise it stands.
  func resolveDescription(_ m: Int) -> (String, TextRange?) {
    let mention = document.mentions[m]
    let text = document.string(mention.range)
    let first = mentionFirstToken[m]
    guard let head = headToken(m) else { return (text, nil) }
    let headKey = index.keys[head]
    guard lexicon.definiteDeterminers.contains(index.keys[first]) else { return (text, nil) }
    // The description as first introduced ("a senior official" … "the official").
    for k in 0..<m {
      let other = document.mentions[k]
      guard other.kind == .description, let otherHead = headToken(k), index.keys[otherHead] == headKey else { continue }
      if mentionFirstToken[k] < inside.count, inside[mentionFirstToken[k]] { continue }
      if !lexicon.definiteDeterminers.contains(index.keys[mentionFirstToken[k]]) {
        return (document.string(other.range), other.range)
      }
    }
    // A named person whose role repeats the head noun; the latest before the description.
    var best: (entity: Int, at: Int)?
    for (e, entity) in document.entities.enumerated() where entity.kind == .person {
      let matches = entity.roles.contains { role in
        role.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" }).contains { WordKey(String($0)) == headKey }
      }
      guard matches else { continue }
      let before = entity.mentions.last { $0.upperBound <= mention.range.lowerBound }
      if let before, before.lowerBound >= (best?.at ?? -1) { best = (e, before.lowerBound) }
    }
    if let best, let range = document.entities[best.entity].mentions.last(where: { $0.upperBound <= mention.range.lowerBound }) {
      return (document.entities[best.entity].name, range)
    }
    return (text, nil)
  }
}
