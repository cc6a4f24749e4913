package import QuotidianCore

/// A role as one article states it.
package struct RoleObservation: Hashable {
  package let title: String
  package let organization: String?
  /// `current` or `former`.
  package var status: String
  package var since: String?
  package var until: String?
  /// ``TextFolding/key(_:)`` of the title and organisation, folded once: identity linking
  /// compares them for every candidate.
  package let titleKey: String
  package let organizationKey: String?

  package init(
    title: String, organization: String? = nil, status: String, since: String? = nil,
    until: String? = nil
  ) {
    self.title = title
    self.organization = organization
    self.status = status
    self.since = since
    self.until = until
    titleKey = TextFolding.key(title)
    organizationKey = organization.map(TextFolding.key)
  }

  /// A role whose title and organisation keys come from `keys`, a cache of
  /// ``TextFolding/key(_:)`` that a caller reading many rows of few titles keeps.
  package init(
    title: String, organization: String?, status: String, since: String?, until: String?,
    keys: inout [String: String]
  ) {
    func key(_ text: String) -> String {
      if let known = keys[text] { return known }
      let folded = TextFolding.key(text)
      keys[text] = folded
      return folded
    }
    self.title = title
    self.organization = organization
    self.status = status
    self.since = since
    self.until = until
    titleKey = key(title)
    organizationKey = organization.map(key)
  }
}

/// One entity of the article being saved, ready to be matched against the store.
package struct ArticleEntity {
  package var name: EntityName
  package var kind: String
  /// Every name form in the article, the main name first, distinct by key.
  package var aliases: [EntityName]
  package var roles: [RoleObservation]
  package var gender: String?
  package var mentionCount: Int

  package var aliasKeys: Set<String> { Set(aliases.map(\.key)) }
}

/// What the store already knows about an entity that might be the article's.
package struct IdentityCandidate {
  package var id: Int64
  package var kind: String
  package var aliases: [EntityName]
  package var roles: [RoleObservation]
  package var gender: String?
  /// The entities of the article's context that appear in one of the candidate's latest
  /// articles (``SQLiteIdentityCatalog/featureLimit``).
  package var neighbours: Set<Int64>

  package init(
    id: Int64, kind: String, aliases: [EntityName], roles: [RoleObservation], gender: String?,
    neighbours: Set<Int64>
  ) {
    self.id = id
    self.kind = kind
    self.aliases = aliases
    self.roles = roles
    self.gender = gender
    self.neighbours = neighbours
  }
}

/// Where a backend looks up candidates for ``IdentityResolution``.
package protocol IdentityCatalog {
  associatedtype Failure: Error
  /// Named entities of `kind` with an alias whose key is in `keys`, or, when `words` is not
  /// empty, with an alias containing one of `words` (people only); their `neighbours` are
  /// left empty.
  mutating func candidates(
    kind: String, keys: Set<String>, words: [String]
  ) throws(Failure) -> [IdentityCandidate]
  /// For each of `ids`, the entities of `context` that appear in one of its latest articles.
  /// Asked only when the context must decide between candidates.
  mutating func neighbours(of ids: [Int64], among context: Set<Int64>) throws(Failure)
    -> [Int64: Set<Int64>]
}

/// Cross-article identity, shared by every store so that they link the same entities.
///
/// An article's entity joins an existing one when the kinds agree, their roles and genders
/// do not conflict, and either a full name is equal (folding case and accents) or one full
/// name extends the other with compatible given names ("Claudia Sheinbaum" and "Claudia
/// Sheinbaum Pardo"). A bare surname ("Kelly", "Senator Kelly") joins only when exactly one
/// person with that surname is best supported by the context: a shared role title or
/// organisation, the title it was written with, or entities both appear with. Descriptions
/// ("a senior official") never join anything.
package enum IdentityResolution {
  /// The article's entities (plus one per speaker that matches none) and, for each quote,
  /// the index of its speaker's entity.
  package static func prepare(_ result: ExtractionResult) -> (
    entities: [ArticleEntity], quoteEntities: [Int?]
  ) {
    var entities: [ArticleEntity] = []
    var indexByKindAndKey: [String: Int] = [:]
    for record in result.entities {
      let kind = TextFolding.key(record.type)
      let name = EntityName(record.name, kind: kind)
      guard !name.key.isEmpty else { continue }
      var aliases = [name]
      for alias in record.aliases ?? [] {
        let form = EntityName(alias, kind: kind)
        if !form.key.isEmpty, !aliases.contains(where: { $0.key == form.key }) {
          aliases.append(form)
        }
      }
      let roles = observations(record)
      if let index = indexByKindAndKey[kind + "\u{0}" + name.key] {
        for alias in aliases where !entities[index].aliases.contains(where: { $0.key == alias.key })
        {
          entities[index].aliases.append(alias)
        }
        for role in roles where !entities[index].roles.contains(role) {
          entities[index].roles.append(role)
        }
        entities[index].mentionCount += record.mentions.count
        continue
      }
      indexByKindAndKey[kind + "\u{0}" + name.key] = entities.count
      entities.append(
        ArticleEntity(
          name: name, kind: kind, aliases: aliases, roles: roles,
          gender: record.gender.map(TextFolding.key),
          mentionCount: record.mentions.count))
    }
    var quoteEntities: [Int?] = []
    var synthesised: [String: Int] = [:]
    // Speakers are looked up through an index of the entities' name forms, so an article
    // with thousands of quoted people costs a look-up per quote, not a pass over its people.
    var index = SpeakerIndex(entities)
    for quote in result.quotes {
      guard let speaker = TextFolding.nonBlank(quote.speaker) else {
        quoteEntities.append(nil)
        continue
      }
      let name = EntityName(speaker, kind: EntityKind.person)
      if let found = speakerEntity(name, in: entities, index: index) ?? synthesised[name.key] {
        quoteEntities.append(found)
        continue
      }
      synthesised[name.key] = entities.count
      quoteEntities.append(entities.count)
      entities.append(
        ArticleEntity(
          name: name, kind: EntityKind.person, aliases: [name], roles: [], gender: nil,
          mentionCount: 0))
      index.add(entities[entities.count - 1], at: entities.count - 1)
    }
    return (entities, quoteEntities)
  }

  /// The article's entities by name form: every alias key, and for people every word of
  /// every alias (the only entities a speaker's name can extend or share a surname with).
  package struct SpeakerIndex {
    var byKey: [String: [Int]] = [:]
    var peopleByWord: [String: [Int]] = [:]

    package init(_ entities: [ArticleEntity]) {
      for (position, entity) in entities.enumerated() { add(entity, at: position) }
    }

    /// Indexes `entity`, which sits at `position`, after every entity already indexed.
    package mutating func add(_ entity: ArticleEntity, at position: Int) {
      var keys = Set<String>()
      var words = Set<String>()
      for alias in entity.aliases {
        if keys.insert(alias.key).inserted { byKey[alias.key, default: []].append(position) }
        guard entity.kind == EntityKind.person else { continue }
        for word in alias.words where words.insert(word).inserted {
          peopleByWord[word, default: []].append(position)
        }
      }
    }
  }

  /// The article entity a quote's speaker names: one with that name form, else the only
  /// person whose name contains it compatibly (`index` indexes `entities`).
  package static func speakerEntity(
    _ speaker: EntityName, in entities: [ArticleEntity], index: SpeakerIndex
  ) -> Int? {
    let exact = index.byKey[speaker.key] ?? []
    if let person = exact.first(where: { entities[$0].kind == EntityKind.person }) { return person }
    if let first = exact.first { return first }
    guard speaker.isNamed, !speaker.words.isEmpty else { return nil }
    // A compatible person shares the speaker's surname (its last word, for a bare name) or
    // contains its last word (a longer name that extends it): only those are tested.
    guard let probe = speaker.words.last else { return nil }
    let compatible = (index.peopleByWord[probe] ?? []).filter { position in
      entities[position].aliases.contains { alias in
        speaker.isBare ? alias.surname == speaker.surname : extends(alias.words, speaker.words)
      }
    }
    return compatible.count == 1 ? compatible[0] : nil
  }

  /// The structured roles of a record, or its role phrases when it has none.
  package static func observations(_ record: ExtractionResult.EntityRecord) -> [RoleObservation] {
    var roles: [RoleObservation] = []
    if let details = record.roleDetails, !details.isEmpty {
      for detail in details {
        guard let title = TextFolding.nonBlank(detail.title) else { continue }
        let status = TextFolding.key(detail.status) == "former" ? "former" : "current"
        roles.append(
          RoleObservation(
            title: EntityName.trimmed(title),
            organization: TextFolding.nonBlank(detail.organization).map(EntityName.trimmed),
            status: status, since: TextFolding.nonBlank(detail.since),
            until: TextFolding.nonBlank(detail.until)))
      }
    } else {
      for phrase in record.roles {
        guard var phrase = TextFolding.nonBlank(phrase).map(EntityName.trimmed) else { continue }
        // "the mayor of Port Alder" and "mayor of Port Alder" are one role.
        for article in ["the ", "a ", "an "] where TextFolding.key(phrase).hasPrefix(article) {
          phrase = EntityName.trimmed(
            String(
              phrase.unicodeScalars.dropFirst(article.unicodeScalars.count).map(Character.init)))
        }
        guard !phrase.isEmpty else { continue }
        let key = TextFolding.key(phrase)
        for prefix in ["former ", "ex-"] where key.hasPrefix(prefix) {
          let title = String(
            phrase.unicodeScalars.dropFirst(prefix.unicodeScalars.count).map(Character.init))
          if TextFolding.nonBlank(title) != nil {
            roles.append(RoleObservation(title: EntityName.trimmed(title), status: "former"))
          }
        }
        if !key.hasPrefix("former "), !key.hasPrefix("ex-") {
          roles.append(RoleObservation(title: phrase, status: "current"))
        }
      }
    }
    var distinct: [RoleObservation] = []
    for role in roles where !distinct.contains(role) { distinct.append(role) }
    return distinct
  }

  /// For each entity, the existing entity it joins, or nil for a new one. Full names are
  /// resolved first so that bare surnames can use them as context.
  package static func resolve<Catalog: IdentityCatalog>(
    _ entities: [ArticleEntity], catalog: inout Catalog
  ) throws(Catalog.Failure) -> [Int64?] {
    var targets = [Int64?](repeating: nil, count: entities.count)
    let order = entities.indices.sorted { lhs, rhs in
      let left = entities[lhs].name.isBare ? 1 : 0
      let right = entities[rhs].name.isBare ? 1 : 0
      return left != right ? left < right : lhs < rhs
    }
    for index in order {
      let entity = entities[index]
      guard entity.name.isNamed else { continue }
      let isPerson = entity.kind == EntityKind.person
      let words =
        isPerson
        ? (entity.name.isBare ? entity.name.words : Array(entity.name.words.dropFirst())) : []
      let context = Set(targets.compactMap { $0 })
      let candidates = try catalog.candidates(
        kind: entity.kind, keys: entity.aliasKeys, words: words
      )
      .filter { $0.kind == entity.kind && !conflicts(entity, $0) }
      guard let contest = contenders(entity, among: candidates) else { continue }
      var pool = contest.pool
      let requireEvidence = contest.requireEvidence
      if needsScores(pool, requireEvidence: requireEvidence), !context.isEmpty {
        let neighbours = try catalog.neighbours(of: pool.map(\.id), among: context)
        for index in pool.indices { pool[index].neighbours = neighbours[pool[index].id] ?? [] }
      }
      targets[index] = best(entity, among: pool, requireEvidence: requireEvidence, context: context)
    }
    return targets
  }

  /// ``contenders(_:among:)`` then ``best(_:among:requireEvidence:context:)``, on candidates
  /// whose neighbours are known.
  package static func choose(
    _ entity: ArticleEntity, among candidates: [IdentityCandidate], context: Set<Int64>
  ) -> Int64? {
    guard let (pool, requireEvidence) = contenders(entity, among: candidates) else { return nil }
    return best(entity, among: pool, requireEvidence: requireEvidence, context: context)
  }

  /// Whether choosing among `pool` reads the candidates' scores (and so their neighbours).
  package static func needsScores(_ pool: [IdentityCandidate], requireEvidence: Bool) -> Bool {
    requireEvidence ? !pool.isEmpty : pool.count > 1
  }

  /// The most supported of `pool` (ties to the lowest ID); with `requireEvidence`, only one
  /// with some support and no equal.
  package static func best(
    _ entity: ArticleEntity, among pool: [IdentityCandidate], requireEvidence: Bool,
    context: Set<Int64>
  ) -> Int64? {
    let scored = pool.map { ($0.id, score(entity, $0, context: context)) }
      .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    guard let top = scored.first else { return nil }
    if requireEvidence {
      guard top.1 > 0 else { return nil }
      if scored.count > 1, scored[1].1 == top.1 { return nil }
    }
    return top.0
  }

  /// The candidates `entity` may join and whether joining needs evidence from the context;
  /// nil when nothing may be joined. Names decide this, not the context.
  package static func contenders(_ entity: ArticleEntity, among candidates: [IdentityCandidate])
    -> (pool: [IdentityCandidate], requireEvidence: Bool)?
  {
    if candidates.isEmpty { return nil }
    guard entity.kind == EntityKind.person else {
      let keys = entity.aliasKeys
      return (candidates.filter { $0.aliases.contains { keys.contains($0.key) } }, false)
    }
    let name = entity.name
    if !name.isBare {
      let full = entity.aliases.filter { !$0.isBare }
      let exact = candidates.filter { candidate in
        candidate.aliases.contains { alias in
          !alias.isBare && full.contains { $0.words == alias.words }
        }
      }
      if !exact.isEmpty { return (exact, false) }
      let extended = candidates.filter { candidate in
        candidate.aliases.contains { alias in
          !alias.isBare
            && full.contains { extends($0.words, alias.words) || extends(alias.words, $0.words) }
        }
      }
      if !extended.isEmpty { return (extended, extended.count > 1) }
    }
    // A surname alone, or a full name whose only possible matches are known by surname:
    // context decides, and only when it singles one person out.
    guard let surname = name.surname else { return nil }
    let sameSurname = candidates.filter { candidate in
      if !name.isBare && candidate.aliases.contains(where: { !$0.isBare }) { return false }
      return candidate.aliases.contains { $0.surname == surname }
    }
    return (sameSurname, true)
  }

  /// Whether `longer` extends `shorter`: the same first given name (or its initial), the
  /// shorter's words in order within the longer, and the shorter's surname among them.
  package static func extends(_ longer: [String], _ shorter: [String]) -> Bool {
    guard shorter.count >= 2, longer.count > shorter.count, let first = shorter.first,
      let head = longer.first,
      compatibleGiven(first, head)
    else { return false }
    var position = 1
    for word in shorter.dropFirst() {
      while position < longer.count, longer[position] != word { position += 1 }
      if position == longer.count { return false }
      position += 1
    }
    return true
  }

  package static func compatibleGiven(_ a: String, _ b: String) -> Bool {
    if a == b { return true }
    if a.unicodeScalars.count == 1 { return b.hasPrefix(a) }
    if b.unicodeScalars.count == 1 { return a.hasPrefix(b) }
    return false
  }

  /// Different genders, or the same title held at the same time for different organisations.
  package static func conflicts(_ entity: ArticleEntity, _ candidate: IdentityCandidate) -> Bool {
    if let left = entity.gender, let right = candidate.gender, left != right, left != "neuter",
      right != "neuter"
    {
      return true
    }
    for role in entity.roles where role.status == "current" {
      guard let organization = role.organizationKey else { continue }
      for other in candidate.roles
      where other.status == "current" && other.titleKey == role.titleKey {
        if let otherOrganization = other.organizationKey, otherOrganization != organization {
          return true
        }
      }
    }
    return false
  }

  /// How much the context supports `candidate`: shared role titles and organisations, the
  /// title the name was written with, and entities both appear with.
  package static func score(
    _ entity: ArticleEntity, _ candidate: IdentityCandidate, context: Set<Int64>
  )
    -> Int
  {
    var score = context.intersection(candidate.neighbours).count
    let titles = Set(candidate.roles.map(\.titleKey))
    let titleWords = Set(titles.flatMap { $0.split(separator: " ").map(String.init) })
    let organizations = Set(candidate.roles.compactMap(\.organizationKey))
    for role in entity.roles {
      if titles.contains(role.titleKey) { score += 1 }
      if let organization = role.organizationKey, organizations.contains(organization) {
        score += 1
      }
    }
    for alias in entity.aliases {
      if let title = alias.title,
        title.split(separator: " ").contains(where: { titleWords.contains(String($0)) })
      {
        score += 1
        break
      }
    }
    return score
  }

  /// Whether `name` should replace `current` as an entity's canonical name: a proper name
  /// with more words.
  package static func isFuller(_ name: EntityName, than current: EntityName) -> Bool {
    name.isNamed && (!current.isNamed || name.words.count > current.words.count)
  }
}
