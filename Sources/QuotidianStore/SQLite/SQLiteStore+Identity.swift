import Foundation
import GRDB
import QuotidianCore

/// Candidates for ``IdentityResolution`` read inside the saving transaction. Every look-up
/// is an index seek with a bounded result (``lookups``, checked by `EXPLAIN QUERY PLAN` in the
/// tests), so linking an article costs the same whatever the size of the store.
struct SQLiteIdentityCatalog: IdentityCatalog {
  let db: Database
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
  static let entitySQL = "SELECT gender FROM entities WHERE id = ? AND kind = ? AND is_named = 1"
  static let aliasesSQL = "SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY rowid"
  static let rolesSQL =
    "SELECT title, organization, status, since, until FROM entity_role_set WHERE entity_id = ?"
  static func neighboursSQL(_ list: String) -> String {
    """
    SELECT DISTINCT b.entity_id FROM (
      SELECT article_id FROM article_entities WHERE entity_id = ? ORDER BY article_id DESC LIMIT \(featureLimit)
    ) latest JOIN article_entities b ON b.article_id = latest.article_id AND b.entity_id IN (\(list))
    """
  }

  /// Every look-up on the ingest path, by name, for the query-plan test.
  static let lookups: [String: String] = [
    "alias key": aliasKeySQL, "name word": nameWordSQL, "entity": entitySQL, "aliases": aliasesSQL,
    "roles": rolesSQL, "neighbours": neighboursSQL("1, 2, 3"),
    "current name": SQLiteStore.currentNameSQL,
  ]

  mutating func candidates(
    kind: String, keys: Set<String>, words: [String], context: Set<Int64>
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
    let entity = try db.cachedStatement(sql: Self.entitySQL)
    let aliases = try db.cachedStatement(sql: Self.aliasesSQL)
    var candidates: [IdentityCandidate] = []
    for id in ids.sorted() {
      guard candidates.count < Self.candidateLimit,
        let row = try Row.fetchOne(entity, arguments: [id, kind])
      else {
        continue
      }
      candidates.append(
        IdentityCandidate(
          id: id, kind: kind,
          aliases: try String.fetchAll(aliases, arguments: [id]).map { EntityName($0, kind: kind) },
          roles: try roleSet(id), gender: row[0], neighbours: try neighbours(of: id, among: context)
        ))
    }
    return candidates
  }

  /// The entity's distinct roles.
  func roleSet(_ id: Int64) throws -> [RoleObservation] {
    func optional(_ value: String) -> String? { value.isEmpty ? nil : value }
    return try Row.fetchAll(db.cachedStatement(sql: Self.rolesSQL), arguments: [id]).map { row in
      RoleObservation(
        title: row[0], organization: optional(row[1]), status: row[2], since: optional(row[3]),
        until: optional(row[4]))
    }
  }

  /// Which of `context` appear in one of the entity's latest articles.
  func neighbours(of id: Int64, among context: Set<Int64>) throws -> Set<Int64> {
    let others = context.subtracting([id])
    guard !others.isEmpty else { return [] }
    let list = others.sorted().map(String.init).joined(separator: ", ")
    return Set(try Int64.fetchAll(db, sql: Self.neighboursSQL(list), arguments: [id]))
  }
}

extension SQLiteStore {
  static let currentNameSQL = "SELECT name FROM entities WHERE id = ?"

  /// Links the article's entities and returns, for each quote, its speaker's entity.
  static func saveIdentities(_ db: Database, result: ExtractionResult, articleID: Int64) throws
    -> [Int64?]
  {
    let (entities, quoteEntities) = IdentityResolution.prepare(result)
    var catalog = SQLiteIdentityCatalog(db: db)
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
          try db.execute(
            sql: "UPDATE entities SET name = ?, name_key = ? WHERE id = ?",
            arguments: [entity.name.text, entity.name.key, id])
        }
        if let gender = entity.gender {
          try db.execute(
            sql: "UPDATE entities SET gender = ? WHERE id = ? AND gender IS NULL",
            arguments: [gender, id])
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
        try db.execute(
          sql: """
            INSERT INTO entity_roles (entity_id, title, organization, status, since, until, article_id, published)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
          arguments: [
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
    return quoteEntities.map { index in index.flatMap { ids.indices.contains($0) ? ids[$0] : nil } }
  }

  static func roleRows(_ db: Database, entityID: Int64) throws -> [RoleRow] {
    try Row.fetchAll(
      db,
      sql: """
        SELECT title, organization, status, since, until, article_id, published
        FROM entity_roles WHERE entity_id = ? ORDER BY id
        """, arguments: [entityID]
    ).map { row in
      RoleRow(
        role: RoleObservation(
          title: row[0], organization: row[1], status: row[2], since: row[3], until: row[4]),
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
        quotes.sort(by: EntityProfiles.newestFirst)
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
