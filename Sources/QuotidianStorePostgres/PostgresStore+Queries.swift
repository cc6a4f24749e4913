import Foundation
internal import PostgresNIO
public import QuotidianCore
public import QuotidianStore

/// The queries of ``Store``, with the same filters, orders and results as the SQLite store's.
/// Text is ordered by code point (`COLLATE "C"`, SQLite's `BINARY`), whatever the server's
/// locale.
extension PostgresStore {
  /// The rows of `sql` on a pooled connection.
  func rows(_ sql: String, _ values: [SQLValue] = []) async throws(StoreError) -> [PostgresRow] {
    let location = self.location
    do {
      let bindings = try BlockingConnection.bindings(values)
      return try await database.withConnection("query") { connection in
        var rows: [PostgresRow] = []
        for try await row in try await connection.query(
          PostgresQuery(unsafeSQL: sql, binds: bindings), logger: PostgresDatabase.quietLogger)
        {
          rows.append(row)
        }
        return rows
      }
    } catch {
      throw Self.failure(error, operation: "query", location: location)
    }
  }

  /// `body` over each row, a decoding failure reported as a query error.
  func decode<T>(_ rows: [PostgresRow], _ body: (PostgresRow) throws -> T) throws(StoreError)
    -> [T]
  {
    do { return try rows.map(body) } catch {
      throw Self.failure(error, operation: "query", location: location)
    }
  }

  /// The PostgreSQL form of ``PublishedDate``'s comparison at the common precision.
  static func dateCondition(column: String, parameter: String, comparison: String) -> String {
    let length = "least(length(\(column)), length(\(parameter)))"
    return
      "substr(\(column), 1, \(length)) COLLATE \"C\" \(comparison) substr(\(parameter), 1, \(length)) COLLATE \"C\""
  }

  static let storedQuoteColumns = """
    q.article_id, a.source, a.title, a.outlet, a.published, q.text, q.speaker, q.kind, q.cue,
      q.rule, q.confidence, q.start, q."end", a.url, q.position
    """
  static let newestFirst = "a.published IS NULL, a.published COLLATE \"C\" DESC, a.id, q.position"

  static func storedQuote(_ row: PostgresRow) throws -> StoredQuote {
    let (
      articleID, source, title, outlet, published, text, speaker, kind, cue, rule, confidence,
      start, end, url, position
    ) = try row.decode(
      (
        Int64, String, String?, String?, String?, String, String?, String, String?, String, Double,
        Int, Int, String?, Int
      ).self)
    return StoredQuote(
      articleID: articleID, source: source, title: title, outlet: outlet, published: published,
      text: text, speaker: speaker, kind: kind, cue: cue, rule: rule, confidence: confidence,
      start: start, end: end, url: url, position: position)
  }

  /// Conditions selecting quotes of these speakers, appended to `values` as parameters.
  static func speakerConditions(entityIDs: [Int64], names: [String], values: inout [SQLValue])
    -> [String]
  {
    var parts: [String] = []
    if !entityIDs.isEmpty {
      values.append(.ints(entityIDs))
      parts.append("q.entity_id = ANY($\(values.count)::bigint[])")
    }
    if !names.isEmpty {
      values.append(.texts(names))
      parts.append("(q.entity_id IS NULL AND q.speaker = ANY($\(values.count)::text[]))")
    }
    return parts
  }

  public func quotes(_ query: QuoteQuery) async throws(StoreError) -> [StoredQuote] {
    let filter = try QuoteFilter(query)
    if filter.isEmptyByConstruction { return [] }
    var conditions: [String] = []
    var values: [SQLValue] = []
    if let search = filter.search {
      values.append(.text(PostgresSearch.query(search)))
      conditions.append("q.search @@ $\(values.count)::tsquery")
    }
    if filter.speakerPhrase != nil, let name = query.speaker {
      let speakers = try await chosenSpeakers(name)
      if speakers.isEmpty { return [] }
      let parts = Self.speakerConditions(
        entityIDs: speakers.compactMap(\.entityID),
        names: speakers.filter { $0.entityID == nil }.map(\.name), values: &values)
      conditions.append("(" + parts.joined(separator: " OR ") + ")")
    }
    Self.appendArticleConditions(
      outletKey: filter.outletKey, since: filter.since, until: filter.until,
      conditions: &conditions, values: &values)
    if let language = filter.language {
      values.append(.text(language))
      conditions.append("lower(a.language) = $\(values.count)")
    }
    if !query.includeCopies { conditions.append("a.duplicate_of IS NULL") }
    var sql = """
      SELECT \(Self.storedQuoteColumns)
      FROM quotes q JOIN articles a ON a.id = q.article_id
      """
    if !conditions.isEmpty { sql += "\nWHERE " + conditions.joined(separator: "\n  AND ") }
    sql += "\nORDER BY " + Self.newestFirst
    if let limit = filter.limit {
      values.append(.int(limit))
      sql += "\nLIMIT $\(values.count)"
    }
    return try decode(try await rows(sql, values), Self.storedQuote)
  }

  static func appendArticleConditions(
    outletKey: String?, since: String?, until: String?, conditions: inout [String],
    values: inout [SQLValue]
  ) {
    if let outletKey {
      values.append(.text(outletKey))
      conditions.append("a.outlet_key = $\(values.count)")
    }
    if let since {
      values.append(.text(since))
      conditions.append(
        dateCondition(column: "a.published", parameter: "$\(values.count)::text", comparison: ">="))
    }
    if let until {
      values.append(.text(until))
      conditions.append(
        dateCondition(column: "a.published", parameter: "$\(values.count)::text", comparison: "<="))
    }
  }

  public func speakers(_ query: SpeakerQuery) async throws(StoreError) -> [SpeakerSummary] {
    if let limit = query.limit, limit <= 0 { return [] }
    var values: [SQLValue] = []
    var sql = """
      SELECT q.entity_id, coalesce(e.name, q.speaker) AS display, count(*) AS quote_count,
        count(DISTINCT q.article_id),
        array_agg(DISTINCT a.outlet) FILTER (WHERE a.outlet IS NOT NULL),
        min(a.published COLLATE "C"), max(a.published COLLATE "C")
      FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.entity_id
      WHERE q.speaker IS NOT NULL
      """
    if !query.includeCopies { sql += " AND a.duplicate_of IS NULL" }
    if let outlet = TextFolding.nonBlank(query.outlet) {
      values.append(.text(TextFolding.key(outlet)))
      sql += " AND a.outlet_key = $\(values.count)"
    }
    sql += """

      GROUP BY q.entity_id, coalesce(e.name, q.speaker)
      ORDER BY quote_count DESC, coalesce(e.name, q.speaker) COLLATE "C", q.entity_id IS NULL, q.entity_id
      """
    if let limit = query.limit {
      values.append(.int(limit))
      sql += "\nLIMIT $\(values.count)"
    }
    let found = try decode(try await rows(sql, values)) { row in
      try row.decode((Int64?, String, Int, Int, [String]?, String?, String?).self)
    }
    let roles = try await roleRows(entityIDs: found.compactMap(\.0))
    return found.map { entityID, name, quotes, articles, outlets, first, last in
      SpeakerSummary(
        name: name, quoteCount: quotes, articleCount: articles,
        outlets: (outlets ?? []).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) },
        firstQuoted: first, lastQuoted: last,
        roles: entityID.map { EntityProfiles.latestPhrases(EntityProfiles.roles(roles[$0] ?? [])) }
          ?? [])
    }
  }

  /// Each entity's stated roles, in storing order.
  func roleRows(entityIDs: [Int64]) async throws(StoreError) -> [Int64: [RoleRow]] {
    guard !entityIDs.isEmpty else { return [:] }
    var found: [Int64: [RoleRow]] = [:]
    let rows = try await rows(
      """
      SELECT entity_id, title, organization, status, since, until, article_id, published
      FROM entity_roles WHERE entity_id = ANY($1::bigint[]) ORDER BY id
      """, [.ints(Array(Set(entityIDs)))])
    var keys: [String: String] = [:]  // each title folded once
    for (entity, role) in try decode(
      rows,
      { row in
        let (entity, title, organization, status, since, until, article, published) =
          try row.decode(
            (Int64, String, String?, String, String?, String?, Int64, String?).self)
        return (
          entity,
          RoleRow(
            role: RoleObservation(
              title: title, organization: organization, status: status, since: since,
              until: until, keys: &keys), articleID: article, published: published)
        )
      })
    {
      found[entity, default: []].append(role)
    }
    return found
  }

  /// Each entity's aliases, first stored first.
  func aliases(entityIDs: [Int64]) async throws(StoreError) -> [Int64: [String]] {
    guard !entityIDs.isEmpty else { return [:] }
    var found: [Int64: [String]] = [:]
    let rows = try await rows(
      "SELECT entity_id, alias FROM entity_aliases WHERE entity_id = ANY($1::bigint[]) ORDER BY id",
      [.ints(Array(Set(entityIDs)))])
    for (entity, alias) in try decode(rows, { try $0.decode((Int64, String).self) }) {
      found[entity, default: []].append(alias)
    }
    return found
  }

  public func articleCount() async throws(StoreError) -> Int {
    try decode(try await rows("SELECT count(*) FROM articles")) { try $0.decode(Int.self) }
      .first ?? 0
  }

  // MARK: Entities and speakers

  public func entities(_ query: EntityQuery) async throws(StoreError) -> [EntitySummary] {
    if let limit = query.limit, limit <= 0 { return [] }
    let type = TextFolding.nonBlank(query.type).map(TextFolding.key)
    let name = TextFolding.nonBlank(query.name)
    let nameWords = name.map(TextFolding.words) ?? []
    if name != nil && nameWords.isEmpty { return [] }
    var conditions: [String] = []
    var values: [SQLValue] = []
    if let type {
      values.append(.text(type))
      conditions.append("e.kind = $\(values.count)")
    }
    if let longest = nameWords.max(by: { $0.utf8.count < $1.utf8.count }) {
      values.append(.text("%" + longest + "%"))
      conditions.append(
        "e.id IN (SELECT entity_id FROM entity_aliases WHERE folded LIKE $\(values.count))")
    }
    var sql = """
      SELECT e.id, e.name, e.kind, e.is_named,
        (SELECT count(*) FROM quotes q WHERE q.entity_id = e.id) AS quote_count,
        (SELECT count(*) FROM article_entities ae WHERE ae.entity_id = e.id) AS article_count
      FROM entities e
      """
    if !conditions.isEmpty { sql += "\nWHERE " + conditions.joined(separator: " AND ") }
    sql += "\nORDER BY article_count DESC, quote_count DESC, e.name COLLATE \"C\", e.id"
    if name == nil, let limit = query.limit {
      values.append(.int(limit))
      sql += "\nLIMIT $\(values.count)"
    }
    let found = try decode(try await rows(sql, values)) { row in
      try row.decode((Int64, String, String, Bool, Int, Int).self)
    }
    let ids = found.map(\.0)
    let aliases = try await aliases(entityIDs: ids)
    let roles = try await roleRows(entityIDs: ids)
    var summaries: [EntitySummary] = []
    for (id, entityName, kind, isNamed, quotes, articles) in found {
      if let limit = query.limit, summaries.count >= limit { break }
      let names = aliases[id] ?? []
      if let name, EntityProfiles.nameMatch(name, [entityName] + names) == 0 { continue }
      summaries.append(
        EntitySummary(
          id: id, name: entityName, type: kind, isNamed: isNamed, aliases: names,
          roles: EntityProfiles.roles(roles[id] ?? []), quoteCount: quotes,
          articleCount: articles))
    }
    return summaries
  }

  /// Everyone stored whom `name` may refer to: entities with an alias containing its
  /// longest word, and bare speaker names of quotes without an entity.
  func speakerCandidates(named name: String) async throws(StoreError) -> [QuotidianStore
    .SpeakerCandidate]
  {
    let words = TextFolding.words(name)
    guard let longest = words.max(by: { $0.utf8.count < $1.utf8.count }) else { return [] }
    let entities = try decode(
      try await rows(
        """
        SELECT e.id, e.name, (SELECT count(*) FROM quotes q WHERE q.entity_id = e.id) FROM entities e
        WHERE e.id IN (SELECT entity_id FROM entity_aliases WHERE folded LIKE $1) ORDER BY e.id
        """, [.text("%" + longest + "%")])
    ) { try $0.decode((Int64, String, Int).self) }
    let aliases = try await aliases(entityIDs: entities.map(\.0))
    var candidates = entities.map { id, name, count in
      QuotidianStore.SpeakerCandidate(
        entityID: id, name: name, aliases: aliases[id] ?? [], quoteCount: count)
    }
    let legacy = try decode(
      try await rows(
        """
        SELECT speaker, count(*) FROM quotes WHERE entity_id IS NULL AND speaker IS NOT NULL
        GROUP BY speaker ORDER BY speaker COLLATE "C"
        """)
    ) { try $0.decode((String, Int).self) }
    for (speaker, count) in legacy {
      candidates.append(
        QuotidianStore.SpeakerCandidate(
          entityID: nil, name: speaker, aliases: [], quoteCount: count))
    }
    return candidates
  }

  func chosenSpeakers(_ name: String) async throws(StoreError) -> [QuotidianStore.SpeakerCandidate]
  {
    try QuoteFilter.checkName(name, field: "speaker name")
    return try EntityProfiles.chooseSpeaker(name, among: try await speakerCandidates(named: name))
  }

  public func speaker(named name: String) async throws(StoreError) -> SpeakerProfile? {
    try await speaker(named: name, includeCopies: false)
  }

  public func speaker(named name: String, includeCopies: Bool) async throws(StoreError)
    -> SpeakerProfile?
  {
    let chosen = try await chosenSpeakers(name)
    guard !chosen.isEmpty else { return nil }
    var values: [SQLValue] = []
    let parts = Self.speakerConditions(
      entityIDs: chosen.compactMap(\.entityID),
      names: chosen.filter { $0.entityID == nil }.map(\.name), values: &values)
    let copies = includeCopies ? "" : " AND a.duplicate_of IS NULL"
    var quotes = try decode(
      try await rows(
        """
        SELECT \(Self.storedQuoteColumns) FROM quotes q JOIN articles a ON a.id = q.article_id
        WHERE (\(parts.joined(separator: " OR ")))\(copies)
        """, values), Self.storedQuote)
    quotes = EntityProfiles.sortedNewestFirst(quotes)
    // The entity with the most quotes names the profile.
    let lead = chosen.filter { $0.entityID != nil }.max { $0.quoteCount < $1.quoteCount }
    if let lead, let id = lead.entityID,
      let entity = try decode(
        try await rows("SELECT name, kind FROM entities WHERE id = $1", [.int(id)]),
        { try $0.decode((String, String).self) }
      ).first
    {
      let roles = try await roleRows(entityIDs: [id])
      return EntityProfiles.profile(
        entityID: id, name: entity.0, type: entity.1, aliases: lead.aliases,
        roles: EntityProfiles.roles(roles[id] ?? []), quotes: quotes)
    }
    let display = chosen.max { $0.quoteCount < $1.quoteCount }?.name ?? name
    return EntityProfiles.profile(
      entityID: nil, name: display, type: nil, aliases: [], roles: [], quotes: quotes)
  }
}
