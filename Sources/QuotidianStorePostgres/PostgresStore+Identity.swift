import Foundation
internal import PostgresNIO
import QuotidianCore
import QuotidianStore

/// Candidates for ``IdentityResolution`` read on the writer's connection inside the saving
/// transaction: the same look-ups as the SQLite catalog (per name key and per name word,
/// the lowest IDs first, at most ``candidateLimit`` each), each list in one statement.
struct PostgresIdentityCatalog: IdentityCatalog {
  let connection: BlockingConnection
  /// As the SQLite catalog's limits, so both stores consider the same candidates.
  static let candidateLimit = 200
  static let featureLimit = 100

  /// The candidates of every name key (by kind) and name word of the article, read before
  /// resolution in two statements instead of two per entity: resolution only reads, so
  /// what it is answered from here is what the same look-ups would find one by one.
  var idsByKey: [String: [Int64]] = [:]
  var idsByWord: [String: [Int64]] = [:]
  var known: [Int64: Entity] = [:]

  init(connection: BlockingConnection) { self.connection = connection }

  /// Reads the candidates of `entities`' name keys and words (see ``idsByKey``).
  mutating func prefetch(_ entities: [ArticleEntity]) throws {
    var kinds: [String] = []
    var keys: [String] = []
    var seen: Set<String> = []
    var words: Set<String> = []
    for entity in entities where entity.name.isNamed {
      for key in entity.aliasKeys where seen.insert(entity.kind + "\u{0}" + key).inserted {
        kinds.append(entity.kind)
        keys.append(key)
      }
      if entity.kind == EntityKind.person { words.formUnion(entity.name.words) }
    }
    for key in seen { idsByKey[key] = [] }
    for word in words { idsByWord[word] = [] }
    var ids: Set<Int64> = []
    if !keys.isEmpty {
      for row in try connection.rows(
        """
        SELECT k.kind, k.key, x.id FROM unnest($1::text[], $2::text[]) k(kind, key), LATERAL (
          SELECT e.id FROM entity_aliases a JOIN entities e ON e.id = a.entity_id
          WHERE a.folded = k.key AND e.kind = k.kind AND e.is_named
          ORDER BY e.id LIMIT \(Self.candidateLimit)) x
        """, [.texts(kinds), .texts(keys)])
      {
        let (kind, key, id) = try row.decode((String, String, Int64).self)
        idsByKey[kind + "\u{0}" + key, default: []].append(id)
        ids.insert(id)
      }
    }
    if !words.isEmpty {
      for row in try connection.rows(
        """
        SELECT w.word, x.entity_id FROM unnest($1::text[]) w(word), LATERAL (
          SELECT entity_id FROM entity_words WHERE word = w.word
          ORDER BY entity_id LIMIT \(Self.candidateLimit)) x
        """, [.texts(words.sorted())])
      {
        let (word, id) = try row.decode((String, Int64).self)
        idsByWord[word, default: []].append(id)
        ids.insert(id)
      }
    }
    known = try self.entities(ids.sorted())
  }

  mutating func candidates(kind: String, keys: Set<String>, words: [String]) throws(any Error)
    -> [IdentityCandidate]
  {
    var ids: Set<Int64> = []
    for key in keys {
      if let found = idsByKey[kind + "\u{0}" + key] {
        ids.formUnion(found)
      } else {
        for row in try connection.rows(
          """
          SELECT e.id FROM entity_aliases a JOIN entities e ON e.id = a.entity_id
          WHERE a.folded = $1 AND e.kind = $2 AND e.is_named ORDER BY e.id LIMIT \(Self.candidateLimit)
          """, [.text(key), .text(kind)])
        {
          ids.insert(try row.decode(Int64.self))
        }
      }
    }
    if kind == EntityKind.person {
      for word in Set(words) {
        if let found = idsByWord[word] {
          ids.formUnion(found)
        } else {
          for row in try connection.rows(
            """
            SELECT entity_id FROM entity_words WHERE word = $1
            ORDER BY entity_id LIMIT \(Self.candidateLimit)
            """, [.text(word)])
          {
            ids.insert(try row.decode(Int64.self))
          }
        }
      }
    }
    let sorted = ids.sorted()
    let missing = sorted.filter { known[$0] == nil }
    if !missing.isEmpty { known.merge(try entities(missing)) { _, new in new } }
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

  struct Entity {
    var kind: String
    var isNamed: Bool
    var gender: String?
    var aliases: [EntityName] = []
    var roles: [RoleObservation] = []
  }

  /// The stored entities among `ids`, with their aliases (first stored first) and roles, in
  /// one statement.
  func entities(_ ids: [Int64]) throws -> [Int64: Entity] {
    guard !ids.isEmpty else { return [:] }
    var found: [Int64: Entity] = [:]
    func optional(_ value: String) -> String? { value.isEmpty ? nil : value }
    for row in try connection.rows(
      """
      SELECT e.id, e.kind, e.is_named, e.gender,
        ARRAY(SELECT alias FROM entity_aliases WHERE entity_id = e.id ORDER BY id),
        ARRAY(SELECT u.field FROM entity_role_set r,
          unnest(ARRAY[r.title, r.organization, r.status, r.since, r.until]) WITH ORDINALITY u(field, n)
          WHERE r.entity_id = e.id
          ORDER BY r.title, r.organization, r.status, r.since, r.until, u.n)
      FROM entities e WHERE e.id = ANY($1::bigint[])
      """, [.ints(ids)])
    {
      let (id, kind, isNamed, gender, aliases, roles) = try row.decode(
        (Int64, String, Bool, String?, [String], [String]).self)
      var entity = Entity(kind: kind, isNamed: isNamed, gender: gender)
      entity.aliases = aliases.map { EntityName($0, kind: kind) }
      // The roles' five fields, one role after the other.
      var index = 0
      while index + 4 < roles.count {
        entity.roles.append(
          RoleObservation(
            title: roles[index], organization: optional(roles[index + 1]),
            status: roles[index + 2], since: optional(roles[index + 3]),
            until: optional(roles[index + 4])))
        index += 5
      }
      found[id] = entity
    }
    return found
  }

  /// For each of `ids`, the entities of `context` named by one of its latest articles: one
  /// statement for all of them.
  mutating func neighbours(of ids: [Int64], among context: Set<Int64>) throws(any Error)
    -> [Int64: Set<Int64>]
  {
    var found: [Int64: Set<Int64>] = [:]
    guard !ids.isEmpty, !context.isEmpty else { return found }
    for id in ids where !context.subtracting([id]).isEmpty { found[id] = [] }
    for row in try connection.rows(
      """
      SELECT c.id, b.entity_id FROM unnest($1::bigint[]) c(id), LATERAL (
        SELECT article_id FROM article_entities WHERE entity_id = c.id
        ORDER BY article_id DESC LIMIT \(Self.featureLimit)) latest
      JOIN article_entities b ON b.article_id = latest.article_id
      WHERE b.entity_id = ANY($2::bigint[]) AND b.entity_id <> c.id
      """, [.ints(ids), .ints(context.sorted())])
    {
      let (id, entity) = try row.decode((Int64, Int64).self)
      found[id, default: []].insert(entity)
    }
    return found
  }
}

extension PostgresStore {
  /// Links the article's entities (the decisions of ``IdentityResolution``) and returns, for
  /// each quote, its speaker's entity. New entities take their IDs in one statement and are
  /// written with multi-row inserts.
  static func saveIdentities(
    _ result: ExtractionResult, articleID: Int64, on connection: BlockingConnection
  ) throws -> [Int64?] {
    let (entities, quoteEntities) = IdentityResolution.prepare(result)
    var catalog = PostgresIdentityCatalog(connection: connection)
    try catalog.prefetch(entities)
    let targets = try IdentityResolution.resolve(entities, catalog: &catalog)
    let newCount = targets.count { $0 == nil }
    var fresh: [Int64] = []
    if newCount > 0 {
      for row in try connection.rows(
        "SELECT nextval('entities_id_seq') FROM generate_series(1, $1)", [.int(newCount)])
      {
        fresh.append(try row.decode(Int64.self))
      }
    }
    var ids: [Int64] = []
    var newRows: [[SQLValue]] = []
    var next = fresh.makeIterator()
    for (entity, target) in zip(entities, targets) {
      if let target {
        ids.append(target)
        continue
      }
      guard let id = next.next() else {
        throw StoreError(operation: "save", reason: "no entity ID was allocated")
      }
      ids.append(id)
      newRows.append([
        .int(id), .text(entity.kind), .text(entity.name.text), .text(entity.name.key),
        .bool(entity.name.isNamed), .text(entity.gender),
      ])
    }
    try connection.insert(
      into: "entities", columns: ["id", "kind", "name", "name_key", "is_named", "gender"],
      rows: newRows)
    // Existing entities: a fuller name, a gender learnt.
    let existing = zip(entities, targets).compactMap { entity, target in
      target.map { (entity, $0) }
    }
    if !existing.isEmpty {
      var current: [Int64: String] = [:]
      for row in try connection.rows(
        "SELECT id, name FROM entities WHERE id = ANY($1::bigint[])",
        [.ints(existing.map(\.1))])
      {
        let (id, name) = try row.decode((Int64, String).self)
        current[id] = name
      }
      var genders: [Int64: String] = [:]
      for (entity, id) in existing {
        if let name = current[id],
          IdentityResolution.isFuller(entity.name, than: EntityName(name, kind: entity.kind))
        {
          try connection.execute(
            "UPDATE entities SET name = $1, name_key = $2 WHERE id = $3",
            [.text(entity.name.text), .text(entity.name.key), .int(id)])
          current[id] = entity.name.text
        }
        // The first gender stated fills a gap, as one update per entity in order would.
        if let gender = entity.gender, genders[id] == nil { genders[id] = gender }
      }
      if !genders.isEmpty {
        let ids = genders.keys.sorted()
        try connection.execute(
          """
          UPDATE entities e SET gender = v.gender
          FROM unnest($1::bigint[], $2::text[]) v(id, gender)
          WHERE e.id = v.id AND e.gender IS NULL
          """, [.ints(ids), .texts(ids.map { genders[$0] ?? "" })])
      }
    }
    var aliases: [[SQLValue]] = []
    var aliasKeys: Set<String> = []
    var words: [[SQLValue]] = []
    var wordKeys: Set<String> = []
    var roles: [[SQLValue]] = []
    var roleSet: [[SQLValue]] = []
    var roleSetKeys: Set<[String]> = []
    var articleEntities: [Int64: (name: String, mentions: Int)] = [:]
    var articleEntityOrder: [Int64] = []
    for (entity, id) in zip(entities, ids) {
      for alias in entity.aliases {
        if aliasKeys.insert("\(id)\u{0}\(alias.key)").inserted {
          aliases.append([.int(id), .text(alias.text), .text(alias.key), .text(result.published)])
        }
        if entity.kind == EntityKind.person, entity.name.isNamed {
          for word in Set(alias.words).sorted() where wordKeys.insert("\(id)\u{0}\(word)").inserted
          {
            words.append([.text(word), .int(id)])
          }
        }
      }
      for role in entity.roles {
        roles.append([
          .int(id), .text(role.title), .text(role.organization), .text(role.status),
          .text(role.since), .text(role.until), .int(articleID), .text(result.published),
        ])
        let key = [
          String(id), role.title, role.organization ?? "", role.status, role.since ?? "",
          role.until ?? "",
        ]
        if roleSetKeys.insert(key).inserted {
          roleSet.append([
            .int(id), .text(key[1]), .text(key[2]), .text(key[3]), .text(key[4]), .text(key[5]),
          ])
        }
      }
      if let seen = articleEntities[id] {
        articleEntities[id] = (seen.name, seen.mentions + entity.mentionCount)
      } else {
        articleEntities[id] = (entity.name.text, entity.mentionCount)
        articleEntityOrder.append(id)
      }
    }
    // Aliases in the article's order, so that "first stored first" holds as in SQLite.
    try connection.insert(
      into: "entity_aliases", columns: ["entity_id", "alias", "folded", "first_seen"],
      rows: aliases, suffix: "ON CONFLICT (entity_id, folded) DO NOTHING")
    try connection.insert(
      into: "entity_words", columns: ["word", "entity_id"], rows: words,
      suffix: "ON CONFLICT (word, entity_id) DO NOTHING")
    try connection.insert(
      into: "entity_roles",
      columns: [
        "entity_id", "title", "organization", "status", "since", "until", "article_id",
        "published",
      ], rows: roles)
    try connection.insert(
      into: "entity_role_set",
      columns: ["entity_id", "title", "organization", "status", "since", "until"], rows: roleSet,
      suffix: "ON CONFLICT DO NOTHING")
    try connection.insert(
      into: "article_entities", columns: ["article_id", "entity_id", "name", "mention_count"],
      rows: articleEntityOrder.map { id in
        let entry = articleEntities[id] ?? ("", 0)
        return [.int(articleID), .int(id), .text(entry.name), .int(entry.mentions)]
      })
    return quoteEntities.map { index in index.flatMap { ids.indices.contains($0) ? ids[$0] : nil } }
  }
}
