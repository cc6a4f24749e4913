/// The features of one speaker candidate: small integers under named templates, each once
/// alone and once joined with the proposer, hashed into the learned scorer's weights.
public enum SpeakerFeature {
  /// Feature templates (stable raw values: the shipped weights depend on them).
  public enum Template: UInt8, CaseIterable, Sendable {
    case bias = 0
    case primary, rank, mentionKind, entityKind, hasSpeaker, tokenDistance,
      sentenceDistance
    case sameParagraph, position, cueKind, cueLemma, quoteKind, heading, samePreviousSpeaker,
      agreement
    case agreementPrimary, nameWords, unnamed, viaPronoun, salience, noEntity, givenName,
      organizationWord
    case titleWord, prior, finalRule, placeName, startsCapitalised, mentionInQuoteSentence
    case pronounGender
    // Raw values 1 (primary), 2 (rank), 25 (prior) and 26 (finalRule) are retired: no rule's
    // priority or hand-set confidence is a feature.
    case cueRole, layout, paragraphDistance, cuePosition, positionByKind, sentenceByKind
    case roleByPosition, nameShape
    /// The mention follows a preposition, perhaps through an article ("por la Libertad",
    /// "in Washington").
    case governed
  }

  /// The key of a template's value, joined with a proposer (index into ``SpeakerProposers/ids``) or not.
  @inline(__always)
  static func key(_ template: Template, _ value: Int, proposer: Int? = nil) -> UInt64 {
    UInt64(template.rawValue) << 48 | UInt64((proposer ?? 0xFF) & 0xFF) << 40
      | UInt64(UInt32(truncatingIfNeeded: value))
  }

  /// The copy of `key` that only documents in one language carry (`language` > 0, an
  /// index into ``Lexicon/languageCodes``): the shared weight says what a feature means in
  /// every language, the copy how much more or less it means in this one, so a few Spanish
  /// articles adjust the weights many English ones set.
  @inline(__always)
  static func inLanguage(_ key: UInt64, _ language: Int) -> UInt64 {
    key | UInt64(language & 0xFF) << 56
  }

  /// The weight bucket of `key` among `1 << bits`.
  @inline(__always)
  public static func bucket(_ key: UInt64, bits: Int) -> Int {
    var h = key &* 0x9E37_79B9_7F4A_7C15
    h ^= h >> 29
    h = h &* 0xBF58_476D_1CE4_E5B9
    return Int(truncatingIfNeeded: h >> UInt64(64 - bits))
  }

  /// Readable form for `--explain`: `template=value` or `proposer:template=value`.
  public static func describe(_ key: UInt64) -> String {
    let raw = UInt8(truncatingIfNeeded: key >> 48)
    let proposer = Int((key >> 40) & 0xFF)
    let value = Int(Int32(truncatingIfNeeded: UInt32(truncatingIfNeeded: key)))
    let name = Template(rawValue: raw).map { "\($0)" } ?? "t\(raw)"
    let prefix = proposer < SpeakerProposers.ids.count ? SpeakerProposers.ids[proposer] + ":" : ""
    let language = Int(key >> 56)
    let suffix =
      language > 0 && language < Lexicon.languageCodes.count
      ? "@" + Lexicon.languageCodes[language] : ""
    return "\(prefix)\(name)=\(value)\(suffix)"
  }

  static func bucketed(_ n: Int, _ limits: [Int]) -> Int {
    for (i, limit) in limits.enumerated() where n <= limit { return i }
    return limits.count
  }
}

extension AttributionContext {
  /// The features of a candidate for quote `q`; `mention` is the mention it resolves from
  /// (nil for a speaker carried over from another quote).
  func features(
    _ q: Int, _ attribution: Attribution, mention: Int?, proposer: Int, heading: Bool
  ) -> [UInt64] {
    var keys: [UInt64] = []
    keys.reserveCapacity(96)
    let language = languageIndex
    func add(_ template: SpeakerFeature.Template, _ value: Int) {
      let key = SpeakerFeature.key(template, value)
      keys.append(key)
      keys.append(SpeakerFeature.key(template, value, proposer: proposer))
      if language > 0 { keys.append(SpeakerFeature.inLanguage(key, language)) }
    }
    add(.bias, 0)
    add(.hasSpeaker, attribution.speaker == nil ? 0 : 1)
    add(.quoteKind, document.quotes[q].kind == .partial ? 1 : 0)
    add(.heading, heading ? 1 : 0)
    let open = openToken[q]
    let close = closeToken[q]
    if let cue = attribution.cue, let c = cueIndex(at: index.firstToken(atOrAfter: cue.lowerBound))
    {
      let cueToken = index.firstToken(atOrAfter: cue.lowerBound)
      let side = cueToken < open ? 0 : cueToken > close ? 2 : 1
      let gap = side == 0 ? open - cueToken : side == 2 ? cueToken - close : 0
      add(.cuePosition, side * 8 + SpeakerFeature.bucketed(gap, [1, 2, 4, 8, 16, 32]))
      let cueLemma = lemma(c)
      add(.cueKind, cueLemma == ":" ? 2 : cueLemma == "—" ? 3 : cueLemma == "according to" ? 4 : 1)
      add(.cueLemma, Int(truncatingIfNeeded: fnv(cueLemma) & 0xFFFFF))
    } else {
      add(.cueKind, 0)
    }
    if q > 0, let previous = results[q - 1], let speaker = previous.speaker {
      add(.samePreviousSpeaker, speaker == attribution.speaker ? 1 : 0)
    } else {
      add(.samePreviousSpeaker, 2)
    }
    if let speaker = attribution.speaker {
      var words = 1
      for byte in speaker.utf8 where byte == UInt8(ascii: " ") { words += 1 }
      add(.nameWords, min(words, 5))
      if let first = speaker.utf8.first {
        add(.startsCapitalised, first >= 0x41 && first <= 0x5A ? 1 : 0)
      }
    }
    var range = attribution.speakerMention
    var m = mention
    if m == nil, let speakerMention = attribution.speakerMention {
      let t = index.firstToken(atOrAfter: speakerMention.lowerBound)
      if t < mentionStart.count, mentionStart[t] >= 0 { m = Int(mentionStart[t]) }
    }
    if let m {
      let mention = document.mentions[m]
      range = mention.range
      let kinds: [Mention.Kind] = [.name, .pronoun, .description, .organization]
      let kind = kinds.firstIndex(of: mention.kind) ?? 4
      add(.mentionKind, kind)
      if let e = mention.entity, e < document.entities.count {
        let entity = document.entities[e]
        let entityKinds: [Entity.Kind] = [.person, .organization, .place, .group]
        add(.entityKind, 1 + (entityKinds.firstIndex(of: entity.kind) ?? 4))
        add(.salience, SpeakerFeature.bucketed(entity.mentions.count, [1, 2, 4, 8]))
      } else {
        add(.entityKind, 0)
        add(.noEntity, mention.kind == .name ? 1 : 0)
      }
      let first = mentionFirstToken[m]
      let last = mentionLastToken[m]
      if mention.kind == .pronoun, first < index.keys.count,
        let info = lexicon.pronouns[index.keys[first]]
      {
        add(
          .pronounGender,
          info.isPlural ? 3 : info.gender == .feminine ? 1 : info.gender == .masculine ? 2 : 0)
        add(.viaPronoun, attribution.speaker == nil ? 0 : 1)
      }
      var given = 0
      var organization = 0
      var title = 0
      var t = first
      while t <= last, t < index.keys.count {
        let key = index.keys[t]
        if lexicon.givenNames[key] != nil { given = 1 }
        if lexicon.organizationWords.contains(key) { organization = 1 }
        if lexicon.titles[key] != nil { title = 1 }
        t += 1
      }
      if last < index.keys.count {
        let phrase = EntityLexicon.phraseKey(index.keys[first...last])
        let lexicon = EntityLexicon.english
        add(
          .placeName,
          lexicon.places[phrase] != nil
            ? 1 : lexicon.organizations[phrase] != nil ? 2 : lexicon.demonyms[phrase] != nil ? 3 : 0
        )
      }
      add(.givenName, given)
      add(.organizationWord, organization)
      add(.titleWord, title)
      let distance: Int
      let position: Int
      if last < open {
        distance = open - last
        position = 0
      } else if first > close {
        distance = first - close
        position = 2
      } else {
        distance = 0
        position = 1
      }
      add(.position, position)
      add(.tokenDistance, SpeakerFeature.bucketed(distance, [1, 2, 4, 8, 16, 32, 64]))
      let s = position == 2 ? sentence(of: close) : sentence(of: open)
      let ms = sentence(of: first)
      add(.sentenceDistance, max(-4, min(4, ms - s)))
      add(.sameParagraph, paragraph(of: first) == paragraph(of: open) ? 1 : 0)
      add(.mentionInQuoteSentence, ms == sentence(of: open) || ms == sentence(of: close) ? 1 : 0)
      let role = grammaticalRole(m)
      add(.cueRole, role)
      add(.governed, isGovernedByPreposition(first, after: max(0, first - 2)) ? 1 : 0)
      add(.roleByPosition, role * 4 + position)
      add(.positionByKind, position * 8 + kind)
      add(.sentenceByKind, (max(-4, min(4, ms - s)) + 4) * 8 + kind)
      let mp = paragraph(of: first)
      let qp = paragraph(of: open)
      add(.paragraphDistance, max(-3, min(3, mp - qp)))
      add(.layout, layout(mentionParagraph: mp, quoteParagraph: qp))
      if mention.kind == .name || mention.kind == .organization {
        add(.nameShape, nameShape(first: first, last: last))
      }
    } else {
      add(.mentionKind, 5)
    }
    if range == nil { add(.position, 3) }
    if let speaker = attribution.speaker, attribution.speakerMention != nil, range != nil {
      // A description that stayed a description: the article does not name the speaker.
      add(.unnamed, speaker.first.map { $0.isLowercase } == true ? 1 : 0)
    }
    return keys
  }

  /// The mention's part next to a cue: 1 subject of a speech verb after it ("Roe said"),
  /// 2 after a speech verb ("said Roe"), 3 after "according to", 4 before a colon ("Roe:"),
  /// 0 none of these.
  func grammaticalRole(_ m: Int) -> Int {
    let first = mentionFirstToken[m]
    let last = mentionLastToken[m]
    guard last + 1 < index.tokens.count else { return 0 }
    if verbCue(at: skipModifiersForward(last + 1)) != nil { return 1 }
    if index.isPunctuation(last + 1, UInt8(ascii: ":"), bytes) { return 4 }
    var t = max(0, first - 4)
    while t < first {
      if let cue = verbCue(at: t), t + cue.count >= first - 2, t + cue.count <= first {
        if lemma(cue.cue) == "according to" { return 3 }
        return isGovernedByPreposition(first, after: t + cue.count) ? 0 : 2
      }
      t += 1
    }
    return 0
  }

  /// How a name is written, from evidence in the document itself: 3 × (0 no word of it is
  /// also written in lower case in the document, 1 some, 2 all) + (0 it has several words,
  /// 1 it is one word opening its sentence, 2 one word elsewhere).
  func nameShape(first: Int, last: Int) -> Int {
    var words = 0
    var lower = 0
    var t = first
    while t <= last, t < index.tokens.count {
      if index.tokens[t].kind == .word {
        words += 1
        if lowercaseWords.contains(index.keys[t]) { lower += 1 }
      }
      t += 1
    }
    let shared = lower == 0 ? 0 : lower == words ? 2 : 1
    guard words == 1 else { return shared * 3 }
    let s = sentence(of: first)
    let opens =
      s >= 0 && s < index.sentenceTokens.count && index.sentenceTokens[s].lowerBound == first
    return shared * 3 + (opens ? 1 : 2)
  }

  /// Where the mention's paragraph sits: 0 the quote's own, 1 a short one (a name on its own
  /// line) after it, 2 a short one before, 3 a longer one after, 4 a longer one before.
  func layout(mentionParagraph mp: Int, quoteParagraph qp: Int) -> Int {
    guard mp != qp else { return 0 }
    guard mp >= 0, mp < index.paragraphTokens.count else { return 3 }
    var words = 0
    for t in index.paragraphTokens[mp] where index.tokens[t].kind == .word {
      words += 1
      if words > 6 { break }
    }
    return (words <= 6 ? 1 : 3) + (mp > qp ? 0 : 1)
  }

  /// How many other candidates name the same speaker (votes), added once all are known.
  func addAgreement(_ candidates: inout [SpeakerCandidate], _ q: Int) {
    // How many candidates name each speaker, and how many of them are primary: one pass,
    // then each candidate subtracts itself (linear in the candidates, not quadratic).
    var tally: [String: (all: Int, primary: Int)] = [:]
    for candidate in candidates {
      guard let speaker = candidate.attribution.speaker else { continue }
      tally[speaker, default: (0, 0)].all += 1
      if candidate.isPrimary { tally[speaker, default: (0, 0)].primary += 1 }
    }
    for i in candidates.indices {
      guard let speaker = candidates[i].attribution.speaker, let counts = tally[speaker] else {
        continue
      }
      let all = counts.all - 1
      let primary = counts.primary - (candidates[i].isPrimary ? 1 : 0)
      let proposer = candidates[i].proposerIndex
      for (template, value) in [
        (SpeakerFeature.Template.agreement, min(all, 4)), (.agreementPrimary, min(primary, 3)),
      ] {
        let key = SpeakerFeature.key(template, value)
        candidates[i].features.append(key)
        candidates[i].features.append(SpeakerFeature.key(template, value, proposer: proposer))
        if languageIndex > 0 {
          candidates[i].features.append(SpeakerFeature.inLanguage(key, languageIndex))
        }
      }
    }
  }

  /// The document's language as an index into ``Lexicon/languageCodes`` (0 for English and
  /// for languages read with the English tables).
  var languageIndex: Int { Lexicon.languageCodes.firstIndex(of: lexicon.languageCode) ?? 0 }

  func fnv(_ text: String) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      h ^= UInt64(byte)
      h = h &* 0x100_0000_01b3
    }
    return h
  }
}
