/// Groups the runs into entities and resolves every mention, in text order.
struct EntityBuilder {
  let scanner: EntityScanner

  struct Draft {
    var kind: Entity.Kind
    var name: String
    var nameRank: Int
    var keys: [WordKey]
    var mentions: [TextRange] = []
    var aliases: [String] = []
    var roles: [Role] = []
    var gender: Entity.Gender?
    var votes = (feminine: 0, masculine: 0)
    var lastPosition = -1
    /// Lower-cased words of the roles (and of an unnamed person's description).
    var roleWords = Set<WordKey>()
    var headWord: WordKey?
    var isUnnamed = false
  }

  var drafts: [Draft] = []
  /// Phrase key of a name or part of one → person drafts carrying it.
  var personsByAlias: [UInt64: [Int]] = [:]
  var byCanonical: [String: Int] = [:]

  let index: DocumentIndex
  let lexicon: Lexicon

  init(scanner: EntityScanner) {
    self.scanner = scanner
    index = scanner.index
    lexicon = scanner.lexicon
  }

  mutating func build() -> ([Entity], [Mention]) {
    let runs = scanner.runs
    // 1. Person evidence and roles of each run.
    var isPerson = [Bool](repeating: false, count: runs.count)
    var roles = [[Role]](repeating: [], count: runs.count)
    var roleRanges: [TextRange] = []
    for (r, run) in runs.enumerated() where !run.quoted && (run.kind == nil || run.kind == .person)
    {
      var found: [Role] = []
      if let title = run.titleRole { found.append(title) }
      let firstOfRun = run.tokens[0]
      if let before = scanner.roleBefore(firstOfRun) { found.append(before) }
      found += scanner.rolesAfter(run.lastToken)
      roles[r] = found
      for role in found { if let e = role.evidence { roleRanges.append(e) } }
      isPerson[r] =
        run.kind == .person || personEvidence(run) || !found.isEmpty && run.keys.count >= 2
    }
    // 2. Full names (two words or more) make person entities, longest first.
    let order = runs.indices.filter { isPerson[$0] && runs[$0].keys.count >= 2 }.sorted {
      (runs[$0].keys.count, -$0) > (runs[$1].keys.count, -$1)
    }
    var draftOfRun = [Int](repeating: -1, count: runs.count)
    for r in order {
      let run = runs[r]
      let key = EntityLexicon.phraseKey(run.keys)
      if let existing = personsByAlias[key], existing.count == 1, let d = existing.first {
        draftOfRun[r] = d
        continue
      }
      let d = newPerson(run, name: scanner.document.string(run.range))
      draftOfRun[r] = d
    }
    // 3. Text order: partial names, places, organisations, groups, descriptions, pronouns.
    var events: [(position: Int, run: Int, mention: Int)] = []
    for (r, run) in runs.enumerated() { events.append((run.range.lowerBound, r, -1)) }
    for (m, mention) in scanner.document.mentions.enumerated()
    where mention.kind == .pronoun || mention.kind == .description {
      events.append((mention.range.lowerBound, -1, m))
    }
    events.sort { ($0.position, $0.run) < ($1.position, $1.run) }
    // Descriptions inside a role phrase ("an expert on …") belong to that person's role.
    roleRanges.sort()
    func inRole(_ range: TextRange) -> Bool {
      var low = 0
      var high = roleRanges.count
      while low < high {
        let mid = (low + high) / 2
        if roleRanges[mid].upperBound <= range.lowerBound { low = mid + 1 } else { high = mid }
      }
      var i = max(0, low - 2)
      while i < roleRanges.count, i < low + 3 {
        if roleRanges[i].overlaps(range) { return true }
        i += 1
      }
      return false
    }
    var recentPersons: [(draft: Int, sentence: Int)] = []
    var recentOthers: [(draft: Int, sentence: Int)] = []
    var mentionEntity: [Int: Int] = [:]  // range.lowerBound → draft
    for event in events {
      if event.run >= 0 {
        let r = event.run
        let run = runs[r]
        var d = draftOfRun[r]
        if d < 0 {
          switch run.kind {
          case .place?, .organization?, .group?:
            d = other(run)
          default:
            d = resolvePerson(run, isPerson: isPerson[r])
            if d < 0, run.kind == nil, !run.quoted, contextPlace(run) { d = other(run, as: .place) }
          }
        }
        guard d >= 0 else { continue }
        attach(run, roles: roles[r], to: d)
        mentionEntity[run.range.lowerBound] = d
        let s = scanner.sentence(of: run.firstToken)
        if drafts[d].kind == .person {
          recentPersons.append((d, s))
        } else {
          recentOthers.append((d, s))
        }
        continue
      }
      let mention = scanner.document.mentions[event.mention]
      let first = index.firstToken(atOrAfter: mention.range.lowerBound)
      guard first < index.tokens.count else { continue }
      let s = scanner.sentence(of: first)
      if mention.kind == .pronoun {
        guard let info = lexicon.pronouns[index.keys[first]] else { continue }
        var chosen = -1
        if info.isPlural {
          if let last = recentOthers.last, s - last.sentence <= 1, drafts[last.draft].kind != .place
          {
            chosen = last.draft
          }
        } else if info.gender == .feminine || info.gender == .masculine {
          var i = recentPersons.count - 1
          var steps = 0
          var fallback = -1
          while i >= 0, steps < 12, s - recentPersons[i].sentence <= 3 {
            let d = recentPersons[i].draft
            if let g = drafts[d].gender {
              if g == info.gender {
                chosen = d
                break
              }
            } else if fallback < 0 {
              fallback = d
            }
            i -= 1
            steps += 1
          }
          if chosen < 0, fallback >= 0 {
            chosen = fallback
            if info.gender == .feminine {
              drafts[fallback].votes.feminine += 1
            } else {
              drafts[fallback].votes.masculine += 1
            }
          }
        }
        guard chosen >= 0 else { continue }
        drafts[chosen].mentions.append(mention.range)
        mentionEntity[mention.range.lowerBound] = chosen
        if drafts[chosen].kind == .person { recentPersons.append((chosen, s)) }
        continue
      }
      // A description.
      if inRole(mention.range) { continue }
      guard let d = description(mention.range, first: first, sentence: s, recent: recentPersons)
      else { continue }
      drafts[d].mentions.append(mention.range)
      mentionEntity[mention.range.lowerBound] = d
      recentPersons.append((d, s))
    }
    return finish(mentionEntity)
  }

  /// Title, given name, known person, speech verb, particle.
  func personEvidence(_ run: EntityScanner.Run) -> Bool {
    if run.keys.count >= 2, lexicon.givenNames[run.keys[0]] != nil { return true }
    if scanner.knownPersons[EntityLexicon.phraseKey(run.keys)] != nil { return true }
    if run.quoted { return false }
    var t = run.lastToken + 1
    var steps = 0
    while steps < 3, index.isWord(t), lexicon.verbModifiers.contains(index.keys[t]) {
      t += 1
      steps += 1
    }
    if run.keys.count >= 2, scanner.cues.cue(at: t, in: index) != nil { return true }
    if run.keys.count >= 2, run.firstToken > 0,
      let cue = scanner.cues.cue(at: run.firstToken - 1, in: index), cue.lemma != "according to"
    {
      return true
    }
    if run.keys.count >= 2,
      run.tokens.contains(where: {
        lexicon.nameParticles.contains(index.keys[$0]) && !index.tokens[$0].isCapitalized
      })
    {
      return true
    }
    return false
  }

  mutating func newPerson(_ run: EntityScanner.Run, name: String) -> Int {
    let d = drafts.count
    var draft = Draft(kind: .person, name: name, nameRank: run.keys.count, keys: run.keys)
    if let g = run.titleGender, let g { draft.gender = g }
    if draft.gender == nil, run.keys.count >= 2, let g = lexicon.givenNames[run.keys[0]] {
      draft.gender = g
    }
    if draft.gender == nil, let g = scanner.knownPersons[EntityLexicon.phraseKey(run.keys)], let g {
      draft.gender = g
    }
    // Every contiguous part that does not start with the given name is an alias key
    // ("Benítez Manaut", "Manaut"; "Rodríguez" for "Máximo Rodríguez Villalobos").
    let keys = run.keys
    for start in keys.indices {
      for end in (start + 1)...keys.count where !(start == 0 && end < keys.count) {
        let part = keys[start..<end]
        // A middle part alone only for names of three words or more.
        if end < keys.count && keys.count < 3 { continue }
        let k = EntityLexicon.phraseKey(part)
        if !(personsByAlias[k]?.contains(d) ?? false) { personsByAlias[k, default: []].append(d) }
      }
    }
    drafts.append(draft)
    return d
  }

  /// The person a partial name (or title + surname) stands for: the most recent
  /// compatible one; a new person when the evidence says so.
  mutating func resolvePerson(_ run: EntityScanner.Run, isPerson: Bool) -> Int {
    let key = EntityLexicon.phraseKey(run.keys)
    if var candidates = personsByAlias[key], !candidates.isEmpty {
      if let g = run.titleGender, let g {
        let same = candidates.filter { drafts[$0].gender == nil || drafts[$0].gender == g }
        if !same.isEmpty { candidates = same }
      }
      if candidates.count == 1 { return candidates[0] }
      // Shared surname: the latest one mentioned; none mentioned yet → ambiguous.
      let best = candidates.max { drafts[$0].lastPosition < drafts[$1].lastPosition }
      if let best, drafts[best].lastPosition >= 0 { return best }
      return -1
    }
    guard isPerson, !run.quoted else { return -1 }
    return newPerson(run, name: scanner.document.string(run.range))
  }

  /// "in X", "from X": an unknown single name after a place preposition.
  func contextPlace(_ run: EntityScanner.Run) -> Bool {
    guard run.keys.count <= 2, run.nameStart == 0 else { return false }
    let before = run.tokens[0] - 1
    guard index.isWord(before), Keys.placePrepositions.contains(index.keys[before]) else {
      return false
    }
    if scanner.isPossessive(run.lastToken + 1) { return false }
    return true
  }

  mutating func other(_ run: EntityScanner.Run, as forced: Entity.Kind? = nil) -> Int {
    let kind = forced ?? run.kind ?? .place
    var name = run.canonical ?? scanner.document.string(run.range)
    // A group is named as first written ("Mexicans"), keyed by its place.
    let written = scanner.document.string(run.range)
    defer {
      if kind == .group, let d = byCanonical[kind.name + "\u{0}" + (run.canonical ?? written)],
        drafts[d].mentions.isEmpty
      {
        drafts[d].name = written
      }
    }
    if kind == .organization, name.hasPrefix("The "), run.tokens.count == 2 { name.removeFirst(4) }
    let key = kind.name + "\u{0}" + name
    if let d = byCanonical[key] { return d }
    let d = drafts.count
    drafts.append(
      Draft(
        kind: kind, name: name, nameRank: 100, keys: run.keys,
        gender: kind == .group ? nil : .neuter))
    byCanonical[key] = d
    return d
  }

  mutating func attach(_ run: EntityScanner.Run, roles: [Role], to d: Int) {
    drafts[d].mentions.append(run.range)
    drafts[d].lastPosition = run.range.lowerBound
    let written = scanner.document.string(run.range)
    if !drafts[d].aliases.contains(written) { drafts[d].aliases.append(written) }
    if drafts[d].kind == .person, run.nameStart > 0, run.keys.count == 1,
      let first = run.tokens.first
    {
      let titled = scanner.text(first, run.lastToken)
      if !drafts[d].aliases.contains(titled) { drafts[d].aliases.append(titled) }
    }
    if drafts[d].kind == .person, drafts[d].gender == nil, let g = run.titleGender, let g {
      drafts[d].gender = g
    }
    for role in roles
    where !drafts[d].roles.contains(where: {
      $0.title == role.title && $0.organization == role.organization
    }) {
      drafts[d].roles.append(role)
      for w in role.title.split(whereSeparator: { $0 == " " || $0 == "-" }) {
        drafts[d].roleWords.insert(WordKey(String(w)))
      }
      if let org = role.organization {
        for w in org.split(separator: " ") { drafts[d].roleWords.insert(WordKey(String(w))) }
      }
    }
  }

  /// The entity a description stands for: an indefinite one introduces an unnamed person;
  /// a definite one repeats the latest unnamed person with the same head and compatible
  /// modifiers, or names the role of a named person.
  mutating func description(
    _ range: TextRange, first: Int, sentence s: Int, recent: [(draft: Int, sentence: Int)]
  ) -> Int? {
    // Head: the last role word before any preposition.
    var t = first
    var head = -1
    var modifiers: [WordKey] = []
    while t < index.tokens.count, index.tokens[t].range.upperBound <= range.upperBound {
      let k = index.keys[t]
      if lexicon.prepositions.contains(k), head >= 0 { break }
      if index.isWord(t), lexicon.descriptionHeads.contains(k) {
        head = t
      } else if index.isWord(t), t > first {
        modifiers.append(k)
      }
      t += 1
    }
    guard head >= 0 else { return nil }
    let headKey = index.keys[head]
    let r = index.tokens[head].range
    let plural = r.utf8Count > 3 && scanner.bytes[r.upperBound - 1] == UInt8(ascii: "s")
    guard !plural, !lexicon.institutionHeads.contains(headKey) else { return nil }
    let firstKey = index.keys[first]
    let modifierSet = Set(modifiers.filter { $0 != headKey && !lexicon.prepositions.contains($0) })
    if lexicon.indefiniteDeterminers.contains(firstKey) {
      guard !scanner.inside[first] else { return nil }
      let d = drafts.count
      var draft = Draft(kind: .person, name: scanner.document.string(range), nameRank: 0, keys: [])
      draft.isUnnamed = true
      draft.headWord = headKey
      draft.roleWords = modifierSet
      draft.lastPosition = range.lowerBound
      drafts.append(draft)
      return d
    }
    guard lexicon.definiteDeterminers.contains(firstKey) else { return nil }
    // Nationality modifiers must match the role's place.
    var places = Set<WordKey>()
    for m in modifierSet {
      if let place = scanner.tables.demonyms[EntityLexicon.phraseKey([m])] {
        for w in place.split(separator: " ") { places.insert(WordKey(String(w))) }
      }
    }
    let synonyms = scanner.tables.roleSynonyms[headKey] ?? []
    var i = recent.count - 1
    var steps = 0
    while i >= 0, steps < 40 {
      let d = recent[i].draft
      let draft = drafts[d]
      if draft.isUnnamed {
        if draft.headWord == headKey,
          modifierSet.subtracting(lexicon.prepositions).isSubset(
            of: draft.roleWords.union([headKey]))
            || modifierSet.allSatisfy({
              draft.roleWords.contains($0)
                || scanner.tables.demonyms[EntityLexicon.phraseKey([$0])] == nil
            })
        {
          return d
        }
      } else if draft.roleWords.contains(headKey) || !synonyms.isDisjoint(with: draft.roleWords) {
        if places.isEmpty || !places.isDisjoint(with: draft.roleWords) { return d }
      }
      i -= 1
      steps += 1
    }
    return nil
  }

  func finish(_ mentionEntity: [Int: Int]) -> ([Entity], [Mention]) {
    // Entities ordered by first mention; unnamed and other drafts without mentions dropped.
    var order = drafts.indices.filter { !drafts[$0].mentions.isEmpty }
    order.sort {
      (drafts[$0].mentions.min() ?? TextRange(0, 0))
        < (drafts[$1].mentions.min() ?? TextRange(0, 0))
    }
    var newIndex = [Int](repeating: -1, count: drafts.count)
    var entities: [Entity] = []
    for d in order {
      let draft = drafts[d]
      newIndex[d] = entities.count
      var gender = draft.gender
      if gender == nil, draft.kind == .person {
        if draft.votes.feminine > draft.votes.masculine { gender = .feminine }
        if draft.votes.masculine > draft.votes.feminine { gender = .masculine }
      }
      if gender == nil, draft.kind == .person {
        // A gendered role noun in apposition ("el embajador de Rusia, …", "la secretaria …").
        for role in draft.roles {
          guard let word = role.title.split(separator: " ").first,
            let g = lexicon.titles[WordKey(String(word))], let g
          else { continue }
          gender = g
          break
        }
      }
      var name = draft.name
      if draft.kind == .person, !draft.isUnnamed {
        // The fullest form written, in mixed case when the article has one.
        if name.uppercased() == name, name.lowercased() != name {
          for alias in draft.aliases
          where alias.uppercased() != alias
            && alias.split(separator: " ").count >= name.split(separator: " ").count
          {
            name = alias
            break
          }
        }
      }
      var aliases = draft.aliases
      if draft.kind == .person, !draft.isUnnamed, draft.keys.count >= 3 {
        // "Raúl Benítez Manaut" → "Benítez Manaut".
        let words = name.split(separator: " ")
        if words.count >= 3 {
          let surname = words.dropFirst().joined(separator: " ")
          if !aliases.contains(surname) { aliases.append(surname) }
        }
      }
      if !aliases.contains(name) { aliases.insert(name, at: 0) }
      var entity = Entity(
        name: name, kind: draft.kind, roles: [], mentions: Array(Set(draft.mentions)).sorted(),
        gender: gender)
      entity.roles = draft.roles.map { role in
        // As written; a role made former by tense says so ("Chile’s former ambassador …").
        var phrase = role.evidence.map(scanner.document.string) ?? role.phrase
        if phrase.isEmpty { phrase = role.phrase }
        let lower = phrase.lowercased()
        if role.status == .former, !lower.contains("former"), !lower.contains("ex-"),
          !lower.hasPrefix("then")
        {
          if let r = phrase.firstRange(of: role.title) {
            phrase.replaceSubrange(r, with: "former " + role.title)
          } else {
            phrase = role.phrase
          }
        }
        return phrase
      }
      var seen = Set<String>()
      entity.roles = entity.roles.filter { !$0.isEmpty && seen.insert($0).inserted }
      entity.roleDetails = draft.roles
      entity.aliases = draft.isUnnamed ? [] : aliases
      entities.append(entity)
    }
    var mentions = scanner.document.mentions
    for m in mentions.indices {
      if let d = mentionEntity[mentions[m].range.lowerBound], d < newIndex.count, newIndex[d] >= 0 {
        mentions[m].entity = newIndex[d]
      } else {
        mentions[m].entity = nil
      }
    }
    return (entities, mentions)
  }
}
