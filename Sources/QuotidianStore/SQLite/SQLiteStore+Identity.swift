import Foundation
import GRDB
import QuotidianCore

/// What identity resolution reads about a stored entity, kept between articles by
/// ``IdentityCache``.
struct CachedEntity {
  var kind: String
  var isNamed: Bool
  var gender: String?
  var aliases: [EntityName]
  var roles: [RoleObservation]
}

/// The writer's cache (bounded) of what linking reads again and again: hot entities (most
/// entities an article names were named by recent articles, so their aliases and roles are
/// read once, not once per article), their latest articles, and story centroids.
///
/// Entries are dropped when the writer changes the entity, everything when a write fails
/// (its rows may have been rolled back) and when another connection has written the file
/// (`PRAGMA data_version`).
final class IdentityCache: @unchecked Sendable {
  static let capacity = 50_000
  private let lock = NSLock()
  private var entities: [Int64: CachedEntity] = [:]
  /// Each entity's latest articles, ascending (at most ``SQLiteIdentityCatalog/featureLimit``).
  private var latestArticles: [Int64: [Int64]] = [:]
  /// Each article's entities.
  private var articleEntities: [Int64: [Int64]] = [:]
  /// Event and storyline centroids (term weights), as `story_terms` and `storyline_terms`
  /// hold them.
  private var centroids: [ClusterLevel: [Int64: [String: Double]]] = [:]

  func centroid(_ level: ClusterLevel, of id: Int64) -> [String: Double]? {
    lock.withLock { centroids[level]?[id] }
  }

  /// Clustered articles per story term (`term_frequencies`).
  private var termFrequencies: [String: Int] = [:]

  /// The cached frequencies of `terms` (absent when zero) and the terms not cached.
  func termFrequencies(_ terms: [String]) -> (found: [String: Int], missing: [String]) {
    lock.withLock {
      var found: [String: Int] = [:]
      var missing: [String] = []
      for term in Set(terms) {
        if let count = termFrequencies[term] {
          if count > 0 { found[term] = count }
        } else {
          missing.append(term)
        }
      }
      return (found, missing.sorted())
    }
  }

  func store(termFrequencies read: [String: Int]) {
    lock.withLock {
      if termFrequencies.count + read.count > Self.articleCapacity {
        termFrequencies.removeAll(keepingCapacity: true)
      }
      termFrequencies.merge(read) { _, new in new }
    }
  }

  /// Adds one article to each of `terms`' cached frequencies.
  func count(terms: Set<String>) {
    lock.withLock {
      for term in terms { termFrequencies[term]? += 1 }
    }
  }

  func store(centroid: [String: Double], _ level: ClusterLevel, of id: Int64) {
    lock.withLock {
      if centroids[level, default: [:]].count >= Self.capacity {
        centroids[level]?.removeAll(keepingCapacity: true)
      }
      centroids[level, default: [:]][id] = centroid
    }
  }
  private var dataVersion: Int64?

  func latestArticles(of entity: Int64) -> [Int64]? { lock.withLock { latestArticles[entity] } }

  func entities(ofArticle article: Int64) -> [Int64]? { lock.withLock { articleEntities[article] } }

  func store(latestArticles articles: [Int64], of entity: Int64) {
    lock.withLock {
      if latestArticles.count >= Self.capacity { latestArticles.removeAll(keepingCapacity: true) }
      latestArticles[entity] = articles
    }
  }

  func store(entities: [Int64], ofArticle article: Int64) {
    lock.withLock {
      if articleEntities.count >= Self.articleCapacity {
        articleEntities.removeAll(keepingCapacity: true)
      }
      articleEntities[article] = entities
    }
  }

  /// Records that the new article `article` names `ids` (new entities among them).
  func record(article: Int64, entities ids: [Int64], new: Set<Int64>) {
    lock.withLock {
      if articleEntities.count >= Self.articleCapacity {
        articleEntities.removeAll(keepingCapacity: true)
      }
      articleEntities[article] = ids
      for id in ids {
        if new.contains(id) {
          latestArticles[id] = [article]
        } else if var latest = latestArticles[id] {
          if latest.last != article { latest.append(article) }
          if latest.count > SQLiteIdentityCatalog.featureLimit { latest.removeFirst() }
          latestArticles[id] = latest
        }
      }
    }
  }

  static let articleCapacity = 400_000

  func entities(_ ids: [Int64]) -> [Int64: CachedEntity] {
    lock.withLock {
      var found: [Int64: CachedEntity] = [:]
      for id in ids { if let entity = entities[id] { found[id] = entity } }
      return found
    }
  }

  func store(_ found: [Int64: CachedEntity]) {
    lock.withLock {
      if entities.count + found.count > Self.capacity { entities.removeAll(keepingCapacity: true) }
      entities.merge(found) { _, new in new }
    }
  }

  /// Records what the writer just stored about entity `id`: all of it for a new entity,
  /// else the aliases, roles and gender it may have gained (a cached entry only).
  func record(_ entity: ArticleEntity, id: Int64, isNew: Bool) {
    lock.withLock {
      if isNew {
        if entities.count >= Self.capacity { entities.removeAll(keepingCapacity: true) }
        var roles: [RoleObservation] = []
        for role in entity.roles where !roles.contains(role) { roles.append(role) }
        entities[id] = CachedEntity(
          kind: entity.kind, isNamed: entity.name.isNamed, gender: entity.gender,
          aliases: entity.aliases, roles: roles)
        return
      }
      guard var cached = entities[id] else { return }
      if cached.gender == nil { cached.gender = entity.gender }
      for alias in entity.aliases where !cached.aliases.contains(where: { $0.key == alias.key }) {
        cached.aliases.append(alias)
      }
      for role in entity.roles where !cached.roles.contains(role) { cached.roles.append(role) }
      entities[id] = cached
    }
  }

  func clear() {
    lock.withLock {
      entities.removeAll()
      latestArticles.removeAll()
      articleEntities.removeAll()
      centroids.removeAll()
      termFrequencies.removeAll()
    }
  }

  /// Clears the cache when another connection committed since the last check.
  func validate(_ db: Database) throws {
    let version = try Int64.fetchOne(db, sql: "PRAGMA data_version")
    lock.withLock {
      if version != dataVersion {
        entities.removeAll()
        latestArticles.removeAll()
        articleEntities.removeAll()
        centroids.removeAll()
        termFrequencies.removeAll()
        dataVersion = version
      }
    }
  }
}

/// Candidates for ``IdentityResolution`` read inside the saving transaction. Every look-up
/// is an index seek with a bounded result (``lookups``, checked by `EXPLAIN QUERY PLAN` in the
/// tests), so linking an article costs the same whatever the size of the store. Candidates'
/// names and roles come from the ``IdentityCache`` or, for those it lacks, from three
/// set-based queries for all of them.
struct SQLiteIdentityCatalog: IdentityCatalog {
  let db: Database
  let cache: IdentityCache
  /// Enough for any real surname; bounds the work for a very common one.
  static let candidateLimit = 200
  /// How many of a candidate's latest articles the entities it appears with are read from.
  static let featureLimit = 100

  static let aliasKeySQL = """
    SELECT e.id FROM entity_aliases a JOIN entities e ON e.id = a.entity_id
    WHERE a.folded = ? AND e.kind = ? AND e.is_named = 1 ORDER BY e.id LIMIT \(candidateLimit)
    """
  static let nameWordSQL =
    "SELECT entity_id FROM entity_words WHERE word = ? ORDER BY entity_id LIMIT \(candidateLimit)"
  static func entitiesSQL(_ list: String) -> String {
    "SELECT id, kind, is_named, gender FROM entities WHERE id IN (\(list))"
  }
  static func aliasesSQL(_ list: String) -> String {
    "SELECT entity_id, rowid, alias FROM entity_aliases WHERE entity_id IN (\(list))"
  }
  static func rolesSQL(_ list: String) -> String {
    """
    SELECT entity_id, title, organization, status, since, until FROM entity_role_set
    WHERE entity_id IN (\(list))
    """
  }
  static func neighboursSQL(_ list: String) -> String {
    """
    SELECT DISTINCT b.entity_id FROM (
      SELECT article_id FROM article_entities WHERE entity_id = ? ORDER BY article_id DESC LIMIT \(featureLimit)
    ) latest JOIN article_entities b ON b.article_id = latest.article_id AND b.entity_id IN (\(list))
    """
  }

  /// Every look-up on the ingest path, by name, for the query-plan test.
  static let lookups: [String: String] = [
    "alias key": aliasKeySQL, "name word": nameWordSQL, "entities": entitiesSQL("1, 2, 3"),
    "aliases": aliasesSQL("1, 2, 3"), "roles": rolesSQL("1, 2, 3"),
    "neighbours": neighboursSQL("1, 2, 3"), "current name": SQLiteStore.currentNameSQL,
    "latest articles": latestArticlesSQL, "article entities": articleEntitiesSQL,
  ]

  mutating func candidates(
    kind: String, keys: Set<String>, words: [String]
  ) throws(any Error) -> [IdentityCandidate] {
    // One seek per name key and per word, each bounded; the union's lowest IDs are the
    // candidates, as one query ORing both lists would give, without walking every entity.
    var ids: Set<Int64> = []
    let byKey = try db.cachedStatement(sql: Self.aliasKeySQL)
    for key in keys { ids.formUnion(try Int64.fetchAll(byKey, arguments: [key, kind])) }
    if kind == EntityKind.person {
      let byWord = try db.cachedStatement(sql: Self.nameWordSQL)
      for word in Set(words) { ids.formUnion(try Int64.fetchAll(byWord, arguments: [word])) }
    }
    let sorted = ids.sorted()
    let known = try entities(sorted)
    var candidates: [IdentityCandidate] = []
    for id in sorted {
      guard candidates.count < Self.candidateLimit, let entity = known[id], entity.kind == kind,
        entity.isNamed
      else { continue }
      candidates.append(
        IdentityCandidate(
          id: id, kind: kind, aliases: entity.aliases, roles: entity.roles,
          gender: entity.gender, neighbours: []))
    }
    return candidates
  }

  /// The stored entities among `ids`: from the cache, the rest in three queries.
  func entities(_ ids: [Int64]) throws -> [Int64: CachedEntity] {
    var found = cache.entities(ids)
    let missing = ids.filter { found[$0] == nil }
    guard !missing.isEmpty else { return found }
    // One prepared statement per list length (few: candidates are bounded).
    let list = Array(repeating: "?", count: missing.count).joined(separator: ", ")
    let arguments = StatementArguments(missing)
    var read: [Int64: CachedEntity] = [:]
    for row in try Row.fetchAll(
      db.cachedStatement(sql: Self.entitiesSQL(list)), arguments: arguments)
    {
      read[row[0]] = CachedEntity(
        kind: row[1], isNamed: row[2], gender: row[3], aliases: [], roles: [])
    }
    var aliases: [(entity: Int64, rowid: Int64, alias: String)] = []
    for row in try Row.fetchAll(
      db.cachedStatement(sql: Self.aliasesSQL(list)), arguments: arguments)
    {
      aliases.append((row[0], row[1], row[2]))
    }
    // Each entity's aliases in the order they were first stored.
    aliases.sort { $0.rowid < $1.rowid }
    for alias in aliases {
      guard let kind = read[alias.entity]?.kind else { continue }
      read[alias.entity]?.aliases.append(EntityName(alias.alias, kind: kind))
    }
    func optional(_ value: String) -> String? { value.isEmpty ? nil : value }
    for row in try Row.fetchAll(db.cachedStatement(sql: Self.rolesSQL(list)), arguments: arguments)
    {
      read[row[0] as Int64]?.roles.append(
        RoleObservation(
          title: row[1], organization: optional(row[2]), status: row[3], since: optional(row[4]),
          until: optional(row[5])))
    }
    cache.store(read)
    found.merge(read) { _, new in new }
    return found
  }

  /// Each candidate's latest articles and each of those articles' entities come from the
  /// cache, else from prepared seeks (``latestArticlesSQL``, ``articleEntitiesSQL``): the
  /// rows ``neighboursSQL(_:)`` joins, without its temporary tables.
  mutating func neighbours(of ids: [Int64], among context: Set<Int64>) throws(any Error)
    -> [Int64: Set<Int64>]
  {
    var found: [Int64: Set<Int64>] = [:]
    for id in ids {
      let others = context.subtracting([id])
      guard !others.isEmpty else { continue }
      var neighbours: Set<Int64> = []
      for article in try latestArticles(of: id) {
        for entity in try entities(ofArticle: article) where others.contains(entity) {
          neighbours.insert(entity)
        }
      }
      found[id] = neighbours
    }
    return found
  }

  static let latestArticlesSQL = """
    SELECT article_id FROM article_entities WHERE entity_id = ? ORDER BY article_id DESC LIMIT \(featureLimit)
    """
  static let articleEntitiesSQL = "SELECT entity_id FROM article_entities WHERE article_id = ?"

  func latestArticles(of entity: Int64) throws -> [Int64] {
    if let cached = cache.latestArticles(of: entity) { return cached }
    let articles = try Int64.fetchAll(
      db.cachedStatement(sql: Self.latestArticlesSQL), arguments: [entity]
    ).reversed()
    cache.store(latestArticles: Array(articles), of: entity)
    return Array(articles)
  }

  func entities(ofArticle article: Int64) throws -> [Int64] {
    if let cached = cache.entities(ofArticle: article) { return cached }
    let entities = try Int64.fetchAll(
      db.cachedStatement(sql: Self.articleEntitiesSQL), arguments: [article])
    cache.store(entities: entities, ofArticle: article)
    return entities
  }
}

extension SQLiteStore {
  static let currentNameSQL = "SELECT name FROM entities WHERE id = ?"

  /// Links the article's entities and returns, for each quote, its speaker's entity.
  static func saveIdentities(
    _ db: Database, result: ExtractionResult, articleID: Int64, cache: IdentityCache
  ) throws -> [Int64?] {
    let (entities, quoteEntities) = IdentityResolution.prepare(result)
    var catalog = SQLiteIdentityCatalog(db: db, cache: cache)
    let targets = try IdentityResolution.resolve(entities, catalog: &catalog)
    let published = result.published
    var ids: [Int64] = []
    for (entity, target) in zip(entities, targets) {
      let id: Int64
      if let target {
        id = target
        if let current = try String.fetchOne(
          db.cachedStatement(sql: currentNameSQL), arguments: [id]),
          IdentityResolution.isFuller(entity.name, than: EntityName(current, kind: entity.kind))
        {
          try db.cachedStatement(sql: "UPDATE entities SET name = ?, name_key = ? WHERE id = ?")
            .execute(arguments: [entity.name.text, entity.name.key, id])
        }
        if let gender = entity.gender {
          try db.cachedStatement(
            sql: "UPDATE entities SET gender = ? WHERE id = ? AND gender IS NULL"
          ).execute(arguments: [gender, id])
        }
      } else {
        try db.cachedStatement(
          sql:
            "INSERT INTO entities (kind, name, name_key, is_named, gender) VALUES (?, ?, ?, ?, ?)"
        )
        .execute(arguments: [
          entity.kind, entity.name.text, entity.name.key, entity.name.isNamed, entity.gender,
        ])
        id = db.lastInsertedRowID
      }
      ids.append(id)
      cache.record(entity, id: id, isNew: target == nil)
      for alias in entity.aliases {
        try db.cachedStatement(
          sql:
            "INSERT OR IGNORE INTO entity_aliases (entity_id, alias, folded, first_seen) VALUES (?, ?, ?, ?)"
        ).execute(arguments: [id, alias.text, alias.key, published])
        if entity.kind == EntityKind.person, entity.name.isNamed {
          for word in Set(alias.words) {
            try db.cachedStatement(
              sql: "INSERT OR IGNORE INTO entity_words (word, entity_id) VALUES (?, ?)"
            )
            .execute(arguments: [word, id])
          }
        }
      }
      for role in entity.roles {
        try db.cachedStatement(
          sql: """
            INSERT INTO entity_roles (entity_id, title, organization, status, since, until, article_id, published)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """
        ).execute(arguments: [
          id, role.title, role.organization, role.status, role.since, role.until, articleID,
          published,
        ])
        try db.cachedStatement(
          sql:
            "INSERT OR IGNORE INTO entity_role_set (entity_id, title, organization, status, since, until) VALUES (?, ?, ?, ?, ?, ?)"
        ).execute(arguments: [
          id, role.title, role.organization ?? "", role.status, role.since ?? "", role.until ?? "",
        ])
      }
      try db.cachedStatement(
        sql: """
          INSERT INTO article_entities (article_id, entity_id, name, mention_count) VALUES (?, ?, ?, ?)
          ON CONFLICT (article_id, entity_id) DO UPDATE SET mention_count = mention_count + excluded.mention_count
          """
      ).execute(arguments: [articleID, id, entity.name.text, entity.mentionCount])
    }
    var named: [Int64] = []
    for id in ids where !named.contains(id) { named.append(id) }
    cache.record(
      article: articleID, entities: named,
      new: Set(zip(ids, targets).compactMap { $1 == nil ? $0 : nil }))
    return quoteEntities.map { index in index.flatMap { ids.indices.contains($0) ? ids[$0] : nil } }
  }

  static func roleRows(_ db: Database, entityID: Int64) throws -> [RoleRow] {
    // A person quoted in thousands of articles has thousands of rows of a few titles: each
    // title is folded once.
    var keys: [String: String] = [:]
    return try Row.fetchAll(
      db.cachedStatement(
        sql: """
          SELECT title, organization, status, since, until, article_id, published
          FROM entity_roles WHERE entity_id = ? ORDER BY id
          """), arguments: [entityID]
    ).map { row in
      RoleRow(
        role: RoleObservation(
          title: row[0], organization: row[1], status: row[2], since: row[3], until: row[4],
          keys: &keys),
        articleID: row[5], published: row[6])
    }
  }

  static let storedQuoteColumns = """
    q.article_id, a.source, a.title, a.outlet, a.published, q.text, q.speaker, q.kind, q.cue,
      q.rule, q.confidence, q.start, q."end", a.url, q.position
    """
  static let newestFirst = "a.published IS NULL, a.published DESC, a.id, q.position"

  static func storedQuote(_ row: Row) -> StoredQuote {
    StoredQuote(
      articleID: row[0], source: row[1], title: row[2], outlet: row[3], published: row[4],
      text: row[5],
      speaker: row[6], kind: row[7], cue: row[8], rule: row[9], confidence: row[10], start: row[11],
      end: row[12],
      url: row[13], position: row[14])
  }

  // MARK: Entity queries

  public func entities(_ query: EntityQuery) async throws(StoreError) -> [EntitySummary] {
    if let limit = query.limit, limit <= 0 { return [] }
    let type = TextFolding.nonBlank(query.type).map(TextFolding.key)
    let name = TextFolding.nonBlank(query.name)
    let nameWords = name.map(TextFolding.words) ?? []
    if name != nil && nameWords.isEmpty { return [] }
    var conditions: [String] = []
    var arguments: [String: (any DatabaseValueConvertible)?] = [:]
    if let type {
      conditions.append("e.kind = :kind")
      arguments["kind"] = type
    }
    if let longest = nameWords.max(by: { $0.utf8.count < $1.utf8.count }) {
      conditions.append("e.id IN (SELECT entity_id FROM entity_aliases WHERE folded LIKE :like)")
      arguments["like"] = "%" + longest + "%"
    }
    var sql = """
      SELECT e.id, e.name, e.kind, e.is_named,
        (SELECT count(*) FROM quotes q WHERE q.entity_id = e.id) AS quote_count,
        (SELECT count(*) FROM article_entities ae WHERE ae.entity_id = e.id) AS article_count
      FROM entities e
      """
    if !conditions.isEmpty { sql += "\nWHERE " + conditions.joined(separator: " AND ") }
    sql += "\nORDER BY article_count DESC, quote_count DESC, e.name, e.id"
    if name == nil, let limit = query.limit {
      sql += "\nLIMIT :limit"
      arguments["limit"] = limit
    }
    let statement = sql
    let bound = StatementArguments(arguments)
    let limit = query.limit
    do {
      return try await pool.read { db in
        var summaries: [EntitySummary] = []
        for row in try Row.fetchAll(db, sql: statement, arguments: bound) {
          if let limit, summaries.count >= limit { break }
          let id: Int64 = row[0]
          let aliases = try String.fetchAll(
            db, sql: "SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY rowid",
            arguments: [id])
          if let name, EntityProfiles.nameMatch(name, [row[1]] + aliases) == 0 { continue }
          summaries.append(
            EntitySummary(
              id: id, name: row[1], type: row[2], isNamed: row[3], aliases: aliases,
              roles: EntityProfiles.roles(try Self.roleRows(db, entityID: id)), quoteCount: row[4],
              articleCount: row[5]))
        }
        return summaries
      }
    } catch {
      throw StoreError(operation: "query", reason: Self.reason(error))
    }
  }

  /// Everyone stored whom `name` may refer to: entities with an alias containing its
  /// longest word, and bare speaker names of quotes without an entity.
  static func speakerCandidates(_ db: Database, named name: String) throws -> [SpeakerCandidate] {
    let words = TextFolding.words(name)
    guard let longest = words.max(by: { $0.utf8.count < $1.utf8.count }) else { return [] }
    var candidates: [SpeakerCandidate] = []
    let entityRows = try Row.fetchAll(
      db,
      sql: """
        SELECT e.id, e.name, (SELECT count(*) FROM quotes q WHERE q.entity_id = e.id) FROM entities e
        WHERE e.id IN (SELECT entity_id FROM entity_aliases WHERE folded LIKE ?) ORDER BY e.id
        """, arguments: ["%" + longest + "%"])
    for row in entityRows {
      let id: Int64 = row[0]
      let aliases = try String.fetchAll(
        db, sql: "SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY rowid",
        arguments: [id])
      candidates.append(
        SpeakerCandidate(entityID: id, name: row[1], aliases: aliases, quoteCount: row[2]))
    }
    let legacyRows = try Row.fetchAll(
      db,
      sql: """
        SELECT speaker, count(*) FROM quotes WHERE entity_id IS NULL AND speaker IS NOT NULL
        GROUP BY speaker ORDER BY speaker
        """)
    for row in legacyRows {
      candidates.append(
        SpeakerCandidate(entityID: nil, name: row[0], aliases: [], quoteCount: row[1]))
    }
    return candidates
  }

  /// The one speaker `name` names (possibly several rows: an entity and bare names), or
  /// nobody; throws when it names several people.
  func chosenSpeakers(_ name: String) async throws(StoreError) -> [SpeakerCandidate] {
    try QuoteFilter.checkName(name, field: "speaker name")
    let candidates: [SpeakerCandidate]
    do {
      candidates = try await pool.read { db in try Self.speakerCandidates(db, named: name) }
    } catch {
      throw StoreError(operation: "query", error)
    }
    return try EntityProfiles.chooseSpeaker(name, among: candidates)
  }

  public func speaker(named name: String) async throws(StoreError) -> SpeakerProfile? {
    try await speaker(named: name, includeCopies: false)
  }

  public func speaker(named name: String, includeCopies: Bool) async throws(StoreError)
    -> SpeakerProfile?
  {
    let copies = includeCopies ? "" : " AND a.duplicate_of IS NULL"
    let chosen = try await chosenSpeakers(name)
    guard !chosen.isEmpty else { return nil }
    let ids = chosen.compactMap(\.entityID)
    let bareNames = chosen.filter { $0.entityID == nil }.map(\.name)
    do {
      return try await pool.read { db -> SpeakerProfile? in
        var quotes: [StoredQuote] = []
        for id in ids {
          quotes += try Row.fetchAll(
            db,
            sql: """
              SELECT \(Self.storedQuoteColumns) FROM quotes q JOIN articles a ON a.id = q.article_id
              WHERE q.entity_id = ?\(copies)
              """, arguments: [id]
          ).map(Self.storedQuote)
        }
        for bare in bareNames {
          quotes += try Row.fetchAll(
            db,
            sql: """
              SELECT \(Self.storedQuoteColumns) FROM quotes q JOIN articles a ON a.id = q.article_id
              WHERE q.entity_id IS NULL AND q.speaker = ?\(copies)
              """, arguments: [bare]
          ).map(Self.storedQuote)
        }
        quotes = EntityProfiles.sortedNewestFirst(quotes)
        // The entity with the most quotes names the profile.
        let lead = chosen.filter { $0.entityID != nil }.max { $0.quoteCount < $1.quoteCount }
        if let lead, let id = lead.entityID,
          let entity = try Row.fetchOne(
            db, sql: "SELECT name, kind FROM entities WHERE id = ?", arguments: [id])
        {
          return EntityProfiles.profile(
            entityID: id, name: entity[0], type: entity[1], aliases: lead.aliases,
            roles: EntityProfiles.roles(try Self.roleRows(db, entityID: id)), quotes: quotes)
        }
        let name = chosen.max { $0.quoteCount < $1.quoteCount }?.name ?? name
        return EntityProfiles.profile(
          entityID: nil, name: name, type: nil, aliases: [], roles: [], quotes: quotes)
      }
    } catch {
      throw StoreError(operation: "query", error)
    }
  }
}
