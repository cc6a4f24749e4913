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
      if let (name, antecedent) = resolvePronoun(source.mention)
        ?? (lexicon.pronouns[index.keys[mentionFirstToken[source.mention]]]?.gender == .neuter
          && source.cue != nil ? resolveNeuter(source.mention) : nil)
      {
        speaker = name
        evidence.append(antecedent)
        if rule != .speakerInPreviousSentence { rule = .pronoun }
        confidence *= AttributionTuning.Confidence.pronounFactor
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
    return Attribution(
      quote: q, speaker: speaker, speakerMention: mention.range, cue: cueRange, rule: rule,
      evidence: evidence, confidence: speaker == nil ? 0 : confidence)
  }

  func stripArticle(_ text: String) -> String {
    for prefix in ["The ", "the "] where text.hasPrefix(prefix) && text.count > prefix.count + 2 {
      return String(text.dropFirst(prefix.count))
    }
    return text
  }

  /// The antecedent of a pronoun: in the latest sentence (back from the pronoun) that has
  /// a person of the same gender, the first such person (the subject).
  func resolvePronoun(_ m: Int) -> (String, TextRange)? {
    let t = mentionFirstToken[m]
    guard let info = lexicon.pronouns[index.keys[t]] else { return nil }
    if info.gender == .neuter { return nil }
    var k = m - 1
    var looked = 0
    var chosen: (name: String, range: TextRange, sentence: Int, score: Int)?
    while k >= 0, looked < AttributionTuning.Window.antecedentMentions {
      defer { k -= 1 }
      looked += 1
      let candidate = document.mentions[k]
      let first = mentionFirstToken[k]
      if first < inside.count, inside[first] { continue }
      let candidateSentence = sentence(of: first)
      if let current = chosen, candidateSentence != current.sentence { break }
      // In that sentence, a person whose gender is known to match beats one of unknown
      // gender ("Almadena's negotiator, Tomás Ibáñez, said … he"); then the first (subject).
      if let resolved = antecedent(k, for: info) {
        let score = resolved.strength
        if score >= (chosen?.score ?? 0) {
          chosen = (resolved.name, candidate.range, candidateSentence, score)
        }
      }
    }
    return chosen.map { ($0.name, $0.range) }
  }

  /// The name mention `k` stands for if it can be the antecedent of a pronoun like `info`.
  /// Strength: 2 for a description or a person with a full name, 1 for a bare
  /// single name ("Mexico said"); one more when the person's gender is known to match.
  func antecedent(_ k: Int, for info: Lexicon.PronounInfo) -> (name: String, strength: Int)? {
    let candidate = document.mentions[k]
    switch candidate.kind {
    case .name:
      guard let e = candidate.entity, e < document.entities.count else {
        // "Big Machine have denied … they said": a name with no person evidence that opens
        // its sentence is an organisation for "they".
        // "Jane Roe, head of research at Acme, pointed out …": a full name opening its
        // sentence with an apposition is a person for "he" / "she".
        if !info.isPlural, isSentenceSubject(k), mentionLastToken[k] > mentionFirstToken[k],
          !followsDefiniteArticle(k),
          isComma(mentionLastToken[k] + 1)
        {
          return (document.string(candidate.range), 1)
        }
        guard info.isPlural, isSentenceSubject(k) else { return nil }
        return (stripArticle(document.string(candidate.range)), 1)
      }
      let entity = document.entities[e]
      if entity.kind == .organization {
        guard info.isPlural else { return nil }
        return (entity.name, 3)
      }
      if info.isPlural, isSentenceSubject(k), followedByPluralVerb(k) {
        // "Big Machine have denied …": plural agreement makes a name a group.
        return (entity.name, 3)
      }
      if info.isPlural {
        // A company name with no organisation word ("Blue Harrow have denied …") is
        // taken for a person by its speech verb; as a sentence subject it can be "they".
        guard entity.kind == .person, entity.gender == nil, isSentenceSubject(k) else { return nil }
        return (entity.name, 1)
      }
      // "the United States", "the Pentagon": a name after "the" is not a person.
      guard entity.kind == .person, !followsDefiniteArticle(k) else { return nil }
      if let gender = entity.gender, let wanted = info.gender, gender != wanted { return nil }
      let isFull = entity.name.contains(" ")
      return (entity.name, (isFull ? 2 : 1) + (entity.gender != nil ? 1 : 0))
    case .organization:
      guard info.isPlural, let e = candidate.entity, e < document.entities.count else { return nil }
      return (document.entities[e].name, 3)
    case .description:
      guard let head = headToken(k) else { return nil }
      let r = index.tokens[head].range
      let isPlural = r.utf8Count > 3 && bytes[r.upperBound - 1] == UInt8(ascii: "s")
      let isInstitution = lexicon.institutionHeads.contains(index.keys[head])
      if !info.isPlural, isInstitution { return nil }
      // "the company … they said": an institution is plural in use.
      guard isPlural == info.isPlural || (info.isPlural && isInstitution) else { return nil }
      return (resolveDescription(k).0, 2)
    default:
      return nil
    }
  }

  /// The name comes right after a definite article ("the", "el", "la").
  func followsDefiniteArticle(_ k: Int) -> Bool {
    let before = mentionFirstToken[k] - 1
    return before >= 0
      && (isWord(before, "the") || lexicon.determinerGenders[index.keys[before]] != nil)
  }

  /// "X have / are / were …".
  func followedByPluralVerb(_ k: Int) -> Bool {
    let next = mentionLastToken[k] + 1
    guard next < index.tokens.count, index.isWord(next) else { return false }
    let key = index.keys[next]
    return key == WordKey("have") || key == WordKey("are") || key == WordKey("were")
  }

  /// "it said": the organisation (or group) named most recently within five paragraphs.
  func resolveNeuter(_ m: Int) -> (String, TextRange)? {
    let p = paragraph(of: mentionFirstToken[m])
    var k = m - 1
    var looked = 0
    while k >= 0, looked < AttributionTuning.Window.antecedentMentions {
      defer { k -= 1 }
      looked += 1
      let first = mentionFirstToken[k]
      if first < inside.count, inside[first] { continue }
      if p - paragraph(of: first) > AttributionTuning.Window.neuterParagraphs { break }
      let candidate = document.mentions[k]
      guard candidate.kind == .name || candidate.kind == .organization, let e = candidate.entity,
        e < document.entities.count
      else { continue }
      let entity = document.entities[e]
      if entity.kind == .organization || (isSentenceSubject(k) && followedByPluralVerb(k)) {
        return (entity.name, candidate.range)
      }
    }
    return nil
  }

  /// The mention opens its sentence (after at most "The").
  func isSentenceSubject(_ m: Int) -> Bool {
    let first = mentionFirstToken[m]
    let s = sentence(of: first)
    guard s >= 0 else { return false }
    let start = index.sentenceTokens[s].lowerBound
    return first == start || (first == start + 1 && isWord(start, "the"))
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
    if let k = introductionOfHead[headKey], k < m {
      return (document.string(document.mentions[k].range), document.mentions[k].range)
    }
    // A named person whose role repeats the head noun; the latest before the description.
    var best: (entity: Int, at: Int)?
    // "… in Farland, the army said": a name just before the description, with no comma
    // closing it, is not in apposition to the subject.
    let opensClause = !isComma(mentionLastToken[m] + 1) && isComma(first - 1)
    for e in entitiesWithRole[headKey] ?? [] {
      let entity = document.entities[e]
      let before = AttributionContext.lastRange(
        in: entity.mentions, before: mention.range.lowerBound)
      if opensClause, let before, first - 2 >= 0,
        index.tokens[first - 2].range.upperBound == before.upperBound
      {
        continue
      }
      if let before, before.lowerBound >= (best?.at ?? -1) { best = (e, before.lowerBound) }
    }
    if let best,
      let range = AttributionContext.lastRange(
        in: document.entities[best.entity].mentions, before: mention.range.lowerBound)
    {
      return (document.entities[best.entity].name, range)
    }
    // A determiner that shows the gender ("la experta", "el subsecretario") refers back to
    // the latest person of that gender named before it (institutions are not persons).
    if let gender = lexicon.determinerGenders[index.keys[first]],
      !lexicon.institutionHeads.contains(headKey),
      let (name, range) = latestPerson(before: m, agreeingWith: gender)
    {
      return (name, range)
    }
    return (text, nil)
  }

  /// The latest person named outside quotation marks before mention `m`, within a few
  /// paragraphs, whose gender is known to be `gender` and who has a given name or a role:
  /// (fullest name, the mention).
  func latestPerson(before m: Int, agreeingWith gender: Entity.Gender) -> (String, TextRange)? {
    let p = paragraph(of: mentionFirstToken[m])
    var k = m - 1
    while k >= 0, m - k <= AttributionTuning.Window.antecedentMentions {
      defer { k -= 1 }
      let first = mentionFirstToken[k]
      if first < inside.count, inside[first] { continue }
      if p - paragraph(of: first) > AttributionTuning.Window.descriptionParagraphs { break }
      let candidate = document.mentions[k]
      guard candidate.kind == .name, let e = candidate.entity, e < document.entities.count else {
        continue
      }
      let entity = document.entities[e]
      guard entity.kind == .person, !followsDefiniteArticle(k) else { continue }
      // Known to agree, and known to be a person by a given name or a stated role: a place
      // or a company taken for a person has neither.
      guard entity.gender == gender else { continue }
      let given = entity.name.split(separator: " ").first.map {
        lexicon.givenNames[WordKey(String($0))] != nil
      }
      guard given == true || !entity.roles.isEmpty else { continue }
      return (entity.name, candidate.range)
    }
    return nil
  }
}

extension AttributionContext {
  /// The last of the sorted `ranges` ending at or before `utf8Offset` (binary search).
  static func lastRange(in ranges: [TextRange], before utf8Offset: Int) -> TextRange? {
    var low = 0
    var high = ranges.count
    while low < high {
      let mid = (low + high) / 2
      if ranges[mid].upperBound <= utf8Offset { low = mid + 1 } else { high = mid }
    }
    return low > 0 ? ranges[low - 1] : nil
  }
}
