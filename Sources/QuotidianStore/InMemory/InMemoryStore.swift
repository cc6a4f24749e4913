public import QuotidianCore

/// A store that keeps everything in memory, with the same semantics as ``SQLiteStore``:
/// for tests and for trying things out. Passes `StoreConformance`.
public actor InMemoryStore: Store {
  struct ArticleRow {
    var id: Int64
    var contentHash: String
    var result: ExtractionResult
    var outletKey: String?
  }

  struct QuoteRow {
    var articleID: Int64
    var position: Int
    var record: ExtractionResult.QuoteRecord
    var speaker: String?
    var textWords: [String]
    var speakerWords: [String]
    var entityID: Int64?
  }

  struct EntityRow {
    var id: Int64
    var kind: String
    var name: String
    var isNamed: Bool
    var gender: String?
    var aliases: [String]
    var aliasKeys: Set<String>
  }

  /// Entities by ID - 1, with the indexes ``IdentityResolution`` looks them up by.
  struct IdentityState: IdentityCatalog {
    var entities: [EntityRow] = []
    var idsByAliasKey: [String: Set<Int64>] = [:]
    var idsByWord: [String: Set<Int64>] = [:]
    var roles: [Int64: [RoleRow]] = [:]
    /// Per article, its entities with their local name and mention count, in first-seen order.
    var articleEntities: [Int64: [(entityID: Int64, name: String, mentionCount: Int)]] = [:]
    var entityArticles: [Int64: Set<Int64>] = [:]

    func entity(_ id: Int64) -> EntityRow? {
      let index = Int(id) - 1
      return entities.indices.contains(index) ? entities[index] : nil
    }

    mutating func candidates(
      kind: String, keys: Set<String>, words: [String], context: Set<Int64>
    ) throws(Never) -> [IdentityCandidate] {
      var ids: Set<Int64> = []
      for key in keys { ids.formUnion(idsByAliasKey[key] ?? []) }
      if kind == EntityKind.person { for word in words { ids.formUnion(idsByWord[word] ?? []) } }
      let limit = SQLiteIdentityCatalog.featureLimit
      return ids.sorted().compactMap(entity).filter { $0.kind == kind && $0.isNamed }
        .prefix(SQLiteIdentityCatalog.candidateLimit).map { row in
          // The same bounded feature as the SQLite store reads: the candidate's latest articles.
          var neighbours: Set<Int64> = []
          let others = context.subtracting([row.id])
          if !others.isEmpty {
            for article in (entityArticles[row.id] ?? []).sorted().suffix(limit) {
              for other in articleEntities[article] ?? [] where others.contains(other.entityID) {
                neighbours.insert(other.entityID)
              }
            }
          }
          var distinct: [RoleObservation] = []
          for role in (roles[row.id] ?? []).map(\.role) where !distinct.contains(role) {
            distinct.append(role)
          }
          return IdentityCandidate(
            id: row.id, kind: row.kind, aliases: row.aliases.map { EntityName($0, kind: row.kind) },
            roles: distinct, gender: row.gender, neighbours: neighbours)
        }
    }

    /// Applies a resolution; returns the entity ID of each article entity.
    mutating func apply(
      _ entities: [ArticleEntity], targets: [Int64?], articleID: Int64, published: String?
    ) -> [Int64] {
      var ids: [Int64] = []
      for (entity, target) in zip(entities, targets) {
        let id: Int64
        if let target, self.entity(target) != nil {
          id = target
          let index = Int(id) - 1
          let current = self.entities[index]
          if IdentityResolution.isFuller(
            entity.name, than: EntityName(current.name, kind: current.kind))
          {
            self.entities[index].name = entity.name.text
          }
          if current.gender == nil { self.entities[index].gender = entity.gender }
        } else {
          id = Int64(self.entities.count + 1)
          self.entities.append(
            EntityRow(
              id: id, kind: entity.kind, name: entity.name.text, isNamed: entity.name.isNamed,
              gender: entity.gender,
              aliases: [], aliasKeys: []))
        }
        ids.append(id)
        let index = Int(id) - 1
        for alias in entity.aliases where !self.entities[index].aliasKeys.contains(alias.key) {
          self.entities[index].aliases.append(alias.text)
          self.entities[index].aliasKeys.insert(alias.key)
          idsByAliasKey[alias.key, default: []].insert(id)
        }
        if entity.kind == EntityKind.person, entity.name.isNamed {
          for alias in entity.aliases {
            for word in alias.words { idsByWord[word, default: []].insert(id) }
          }
        }
        for role in entity.roles {
          roles[id, default: []].append(
            RoleRow(role: role, articleID: articleID, published: published))
        }
        var local = articleEntities[articleID] ?? []
        if let existing = local.firstIndex(where: { $0.entityID == id }) {
          local[existing].mentionCount += entity.mentionCount
        } else {
          local.append((id, entity.name.text, entity.mentionCount))
        }
        articleEntities[articleID] = local
        entityArticles[id, default: []].insert(articleID)
      }
      return ids
    }
  }

  private(set) var articles: [ArticleRow] = []
  private var articleIndexByID: [Int64: Int] = [:]
  var quoteRows: [QuoteRow] = []
  var identity = IdentityState()
  var links = InMemoryLinks()

  public init() {}

  public func save(_ result: ExtractionResult) async throws(StoreError) -> SaveOutcome {
    try ResultValidation.validate(result)
    let sighting = ArticleSighting(result: result)
    let hash = sighting.contentKey
    if let id = links.articleIDByContent[hash] {
      links.addSighting(sighting, articleID: id)
      return .unchanged(articleID: id)
    }
    // Everything below is computed before the first mutation, so a save is all or nothing.
    let id = (articles.last?.id ?? 0) + 1
    let (entities, quoteEntities) = IdentityResolution.prepare(result)
    var catalog = identity
    let targets = IdentityResolution.resolve(entities, catalog: &catalog)
    var newIdentity = identity
    let entityIDs = newIdentity.apply(
      entities, targets: targets, articleID: id, published: result.published)
    let newQuotes = result.quotes.enumerated().map { position, record in
      let speaker = TextFolding.nonBlank(record.speaker)
      let entity = quoteEntities.indices.contains(position) ? quoteEntities[position] : nil
      return QuoteRow(
        articleID: id, position: position, record: record, speaker: speaker,
        textWords: TextFolding.words(record.text),
        speakerWords: speaker.map(TextFolding.words) ?? [],
        entityID: entity.flatMap { entityIDs.indices.contains($0) ? entityIDs[$0] : nil })
    }
    var newLinks = links
    newLinks.insert(articleID: id, result: result, sighting: sighting)
    let entityTerms = (newIdentity.articleEntities[id] ?? []).filter {
      newIdentity.entity($0.entityID)?.isNamed == true
    }
    .sorted {
      $0.mentionCount != $1.mentionCount
        ? $0.mentionCount > $1.mentionCount : $0.entityID < $1.entityID
    }
    .prefix(12).map { "e:\($0.entityID)" }
    let linkQuotes = newQuotes.map { quote in
      (
        position: quote.position, text: quote.record.text, speaker: quote.speaker,
        speakerKey: ArticleLinker.speakerKey(entity: quote.entityID, speaker: quote.speaker)
      )
    }
    do {
      if !ArticleLinker.isDisabled {
        try ArticleLinker.link(
          ArticleLinker.Input(
            articleID: id, published: result.published, title: result.title, text: result.text,
            quotes: linkQuotes,
            entityTerms: Array(entityTerms)), in: &newLinks)
      }
    } catch {
      throw StoreError(operation: "save", reason: "\(error)", source: result.source)
    }
    articleIndexByID[id] = articles.count
    articles.append(
      ArticleRow(
        id: id, contentHash: hash, result: result, outletKey: result.outlet.map(TextFolding.key)))
    quoteRows += newQuotes
    identity = newIdentity
    links = newLinks
    return .inserted(articleID: id)
  }

  public func quotes(_ query: QuoteQuery) async throws(StoreError) -> [StoredQuote] {
    let filter = try QuoteFilter(query)
    if filter.isEmptyByConstruction { return [] }
    var chosenSpeakers: (ids: Set<Int64>, names: Set<String>)?
    if filter.speakerPhrase != nil, let name = query.speaker {
      let chosen = try EntityProfiles.chooseSpeaker(name, among: speakerCandidates())
      if chosen.isEmpty { return [] }
      chosenSpeakers = (
        Set(chosen.compactMap(\.entityID)), Set(chosen.filter { $0.entityID == nil }.map(\.name))
      )
    }
    var matches: [(article: ArticleRow, quote: QuoteRow)] = []
    for quote in quoteRows {
      guard let index = articleIndexByID[quote.articleID] else { continue }
      let article = articles[index]
      if !query.includeCopies, isCopy(article.id) { continue }
      if let search = filter.search, !search.matches(quote.textWords) { continue }
      if let speakers = chosenSpeakers {
        let belongs =
          quote.entityID.map { speakers.ids.contains($0) }
          ?? quote.speaker.map { speakers.names.contains($0) }
        if belongs != true { continue }
      }
      if let outletKey = filter.outletKey, article.outletKey != outletKey { continue }
      if let language = filter.language, article.result.language?.lowercased() != language {
        continue
      }
      if let since = filter.since {
        guard let published = article.result.published, PublishedDate.isOnOrAfter(published, since)
        else { continue }
      }
      if let until = filter.until {
        guard let published = article.result.published, PublishedDate.isOnOrBefore(published, until)
        else { continue }
      }
      matches.append((article, quote))
    }
    matches.sort(by: Self.newestFirst)
    if let limit = filter.limit, matches.count > limit { matches.removeLast(matches.count - limit) }
    return matches.map(Self.storedQuote)
  }

  static func newestFirst(
    _ lhs: (article: ArticleRow, quote: QuoteRow), _ rhs: (article: ArticleRow, quote: QuoteRow)
  ) -> Bool {
    switch (lhs.article.result.published, rhs.article.result.published) {
    case (nil, .some): return false
    case (.some, nil): return true
    case (let left?, let right?) where left != right:
      return right.utf8.lexicographicallyPrecedes(left.utf8)
    default:
      return (lhs.article.id, lhs.quote.position) < (rhs.article.id, rhs.quote.position)
    }
  }

  static func storedQuote(_ article: ArticleRow, _ quote: QuoteRow) -> StoredQuote {
    StoredQuote(
      articleID: article.id, source: article.result.source, title: article.result.title,
      outlet: article.result.outlet, published: article.result.published, text: quote.record.text,
      speaker: quote.speaker, kind: quote.record.kind, cue: quote.record.cue,
      rule: quote.record.rule,
      confidence: quote.record.confidence, start: quote.record.start, end: quote.record.end,
      url: article.result.url, position: quote.position)
  }

  public func speakers(_ query: SpeakerQuery) async throws(StoreError) -> [SpeakerSummary] {
    if let limit = query.limit, limit <= 0 { return [] }
    let outletKey = TextFolding.nonBlank(query.outlet).map(TextFolding.key)
    struct Tally {
      var quoteCount = 0
      var articleIDs: Set<Int64> = []
      var outlets: Set<String> = []
      var first: String?
      var last: String?
    }
    struct Group: Hashable {
      var entityID: Int64?
      var speaker: String
    }
    var tallies: [Group: Tally] = [:]
    for quote in quoteRows {
      guard let speaker = quote.speaker, let index = articleIndexByID[quote.articleID] else {
        continue
      }
      let article = articles[index]
      if let outletKey, article.outletKey != outletKey { continue }
      if !query.includeCopies, isCopy(article.id) { continue }
      let group = Group(entityID: quote.entityID, speaker: quote.entityID == nil ? speaker : "")
      var tally = tallies[group, default: Tally()]
      tally.quoteCount += 1
      tally.articleIDs.insert(article.id)
      if let outlet = article.result.outlet { tally.outlets.insert(outlet) }
      if let published = article.result.published {
        if tally.first.map({ published.utf8.lexicographicallyPrecedes($0.utf8) }) ?? true {
          tally.first = published
        }
        if tally.last.map({ $0.utf8.lexicographicallyPrecedes(published.utf8) }) ?? true {
          tally.last = published
        }
      }
      tallies[group] = tally
    }
    var summaries = tallies.map { group, tally in
      let entity = group.entityID.flatMap(identity.entity)
      let roles = group.entityID.map {
        EntityProfiles.latestPhrases(EntityProfiles.roles(identity.roles[$0] ?? []))
      }
      return (
        group.entityID,
        SpeakerSummary(
          name: entity?.name ?? group.speaker, quoteCount: tally.quoteCount,
          articleCount: tally.articleIDs.count,
          outlets: tally.outlets.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) },
          firstQuoted: tally.first, lastQuoted: tally.last, roles: roles ?? [])
      )
    }
    summaries.sort { lhs, rhs in
      if lhs.1.quoteCount != rhs.1.quoteCount { return lhs.1.quoteCount > rhs.1.quoteCount }
      if lhs.1.name != rhs.1.name {
        return lhs.1.name.utf8.lexicographicallyPrecedes(rhs.1.name.utf8)
      }
      switch (lhs.0, rhs.0) {
      case (let left?, let right?): return left < right
      case (.some, nil): return true
      default: return false
      }
    }
    if let limit = query.limit, summaries.count > limit {
      summaries.removeLast(summaries.count - limit)
    }
    return summaries.map(\.1)
  }

  public func entities(_ query: EntityQuery) async throws(StoreError) -> [EntitySummary] {
    if let limit = query.limit, limit <= 0 { return [] }
    let type = TextFolding.nonBlank(query.type).map(TextFolding.key)
    let name = TextFolding.nonBlank(query.name)
    if let name, TextFolding.words(name).isEmpty { return [] }
    var quoteCounts: [Int64: Int] = [:]
    for quote in quoteRows { if let id = quote.entityID { quoteCounts[id, default: 0] += 1 } }
    var summaries: [EntitySummary] = []
    for row in identity.entities {
      if let type, row.kind != type { continue }
      if let name, EntityProfiles.nameMatch(name, [row.name] + row.aliases) == 0 { continue }
      summaries.append(
        EntitySummary(
          id: row.id, name: row.name, type: row.kind, isNamed: row.isNamed, aliases: row.aliases,
          roles: EntityProfiles.roles(identity.roles[row.id] ?? []),
          quoteCount: quoteCounts[row.id] ?? 0,
          articleCount: identity.entityArticles[row.id]?.count ?? 0))
    }
    summaries.sort(by: EntityProfiles.listingOrder)
    if let limit = query.limit, summaries.count > limit {
      summaries.removeLast(summaries.count - limit)
    }
    return summaries
  }

  /// Every entity and every bare speaker name of quotes without an entity.
  func speakerCandidates() -> [SpeakerCandidate] {
    var quoteCounts: [Int64: Int] = [:]
    var legacyCounts: [String: Int] = [:]
    for quote in quoteRows {
      if let id = quote.entityID {
        quoteCounts[id, default: 0] += 1
      } else if let speaker = quote.speaker {
        legacyCounts[speaker, default: 0] += 1
      }
    }
    var candidates = identity.entities.map { row in
      SpeakerCandidate(
        entityID: row.id, name: row.name, aliases: row.aliases, quoteCount: quoteCounts[row.id] ?? 0
      )
    }
    for speaker in legacyCounts.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
      candidates.append(
        SpeakerCandidate(
          entityID: nil, name: speaker, aliases: [], quoteCount: legacyCounts[speaker] ?? 0))
    }
    return candidates
  }

  public func speaker(named name: String) async throws(StoreError) -> SpeakerProfile? {
    try await speaker(named: name, includeCopies: false)
  }

  public func speaker(named name: String, includeCopies: Bool) async throws(StoreError)
    -> SpeakerProfile?
  {
    guard !TextFolding.words(name).isEmpty else { return nil }
    try QuoteFilter.checkName(name, field: "speaker name")
    let chosen = try EntityProfiles.chooseSpeaker(name, among: speakerCandidates())
    guard !chosen.isEmpty else { return nil }
    let ids = Set(chosen.compactMap(\.entityID))
    let names = Set(chosen.filter { $0.entityID == nil }.map(\.name))
    var matches: [(article: ArticleRow, quote: QuoteRow)] = []
    for quote in quoteRows {
      let belongs =
        quote.entityID.map { ids.contains($0) } ?? quote.speaker.map { names.contains($0) } ?? false
      guard belongs, let index = articleIndexByID[quote.articleID] else { continue }
      if !includeCopies, isCopy(quote.articleID) { continue }
      matches.append((articles[index], quote))
    }
    matches.sort(by: Self.newestFirst)
    let quotes = matches.map(Self.storedQuote)
    let lead = chosen.filter { $0.entityID != nil }.max { $0.quoteCount < $1.quoteCount }
    if let id = lead?.entityID, let row = identity.entity(id) {
      return EntityProfiles.profile(
        entityID: id, name: row.name, type: row.kind, aliases: row.aliases,
        roles: EntityProfiles.roles(identity.roles[id] ?? []), quotes: quotes)
    }
    let display = chosen.max { $0.quoteCount < $1.quoteCount }?.name ?? name
    return EntityProfiles.profile(
      entityID: nil, name: display, type: nil, aliases: [], roles: [], quotes: quotes)
  }

  public func articleCount() async throws(StoreError) -> Int { articles.count }
}
