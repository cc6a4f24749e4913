public import QuotidianCore
import Foundation
import GRDB

/// The embedded store: one SQLite file through GRDB, WAL mode, foreign keys, FTS5.
///
/// Writes go through GRDB's single writer, one transaction per article; reads run
/// concurrently. Safe to share between tasks.
public final class SQLiteStore: Store, Sendable {
  /// The file this store keeps.
  public let path: String
  let pool: DatabasePool

  /// Opens the store at `path`, creating the file and migrating the schema as needed.
  public convenience init(path: String) throws(StoreError) {
    try self.init(path: path, migratingUpTo: nil)
  }

  /// Opens the store migrated up to `migration` (every migration when nil): tests use it to
  /// build a database as an older version left it.
  init(path: String, migratingUpTo migration: String?) throws(StoreError) {
    self.path = path
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    configuration.label = "Quotidian"
    do {
      pool = try DatabasePool(path: path, configuration: configuration)
    } catch {
      throw StoreError(operation: "open", reason: Self.reason(error), source: path)
    }
    do {
      let migrator = Self.migrator
      if try pool.read({ try migrator.hasBeenSuperseded($0) }) {
        throw StoreError(
          operation: "migrate", reason: "the database was written by a newer version of Quotidian",
          source: path)
      }
      if let migration { try migrator.migrate(pool, upTo: migration) } else { try migrator.migrate(pool) }
    } catch let error as StoreError {
      throw error
    } catch {
      throw StoreError(operation: "migrate", reason: Self.reason(error), source: path)
    }
  }

  // MARK: Saving

  public func save(_ result: ExtractionResult) async throws(StoreError) -> SaveOutcome {
    try ResultValidation.validate(result)
    let hash = ArticleIdentity.contentHash(text: result.text, url: result.url, source: result.source)
    let authors = Self.jsonArray(result.authors)
    do {
      return try await pool.write { db in
        if let id = try Int64.fetchOne(
          db, sql: "SELECT id FROM articles WHERE content_hash = ?", arguments: [hash])
        {
          return .unchanged(articleID: id)
        }
        try db.execute(
          sql: """
            INSERT INTO articles
              (content_hash, source, url, format, title, authors, published, outlet, outlet_key, language, text)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
          arguments: [
            hash, result.source, result.url, result.format, result.title, authors, result.published,
            result.outlet, result.outlet.map(TextFolding.key), result.language, result.text,
          ])
        let articleID = db.lastInsertedRowID
        let speakerEntities = try Self.saveIdentities(db, result: result, articleID: articleID)
        let insert = try db.cachedStatement(
          sql: """
            INSERT INTO quotes
              (article_id, position, text, speaker, speaker_mention, cue, kind, start, "end", confidence, rule,
               entity_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (position, quote) in result.quotes.enumerated() {
          try insert.execute(arguments: [
            articleID, position, quote.text, TextFolding.nonBlank(quote.speaker), quote.speakerMention,
            quote.cue, quote.kind, quote.start, quote.end, quote.confidence, quote.rule,
            speakerEntities.indices.contains(position) ? speakerEntities[position] : nil,
          ])
        }
        try Self.saveStatements(db, result: result, articleID: articleID)
        return .inserted(articleID: articleID)
      }
    } catch {
      throw StoreError(operation: "save", reason: Self.reason(error), source: result.source)
    }
  }

  // MARK: Queries

  public func quotes(_ query: QuoteQuery) async throws(StoreError) -> [StoredQuote] {
    let filter = try QuoteFilter(query)
    if filter.isEmptyByConstruction { return [] }
    var conditions: [String] = []
    var arguments: [String: (any DatabaseValueConvertible)?] = [:]
    var match: [String] = []
    if let search = filter.search { match.append("{text} : (\(search.fts5))") }
    if let speaker = filter.speakerPhrase { match.append("{speaker} : (\(speaker.fts5))") }
    if !match.isEmpty {
      conditions.append("q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH :match)")
      arguments["match"] = match.joined(separator: " AND ")
    }
    if let outletKey = filter.outletKey {
      conditions.append("a.outlet_key = :outlet")
      arguments["outlet"] = outletKey
    }
    if let since = filter.since {
      conditions.append(PublishedDate.sqlOnOrAfter(column: "a.published", parameter: ":since"))
      arguments["since"] = since
    }
    if let until = filter.until {
      conditions.append(PublishedDate.sqlOnOrBefore(column: "a.published", parameter: ":until"))
      arguments["until"] = until
    }
    var sql = """
      SELECT q.article_id, a.source, a.title, a.outlet, a.published, q.text, q.speaker, q.kind, q.cue,
        q.rule, q.confidence, q.start, q."end"
      FROM quotes q JOIN articles a ON a.id = q.article_id
      """
    if !conditions.isEmpty { sql += "\nWHERE " + conditions.joined(separator: "\n  AND ") }
    sql += "\nORDER BY a.published IS NULL, a.published DESC, a.id, q.position"
    if let limit = filter.limit {
      sql += "\nLIMIT :limit"
      arguments["limit"] = limit
    }
    let statement = sql
    let bound = StatementArguments(arguments)
    do {
      return try await pool.read { db in
        try Row.fetchAll(db, sql: statement, arguments: bound).map { row in
          StoredQuote(
            articleID: row[0], source: row[1], title: row[2], outlet: row[3], published: row[4],
            text: row[5], speaker: row[6], kind: row[7], cue: row[8], rule: row[9], confidence: row[10],
            start: row[11], end: row[12])
        }
      }
    } catch {
      if !match.isEmpty, let search = query.search, Self.isFullTextError(error) {
        throw SearchExpression.syntaxError(search, Self.reason(error))
      }
      throw StoreError(operation: "query", reason: Self.reason(error))
    }
  }

  public func speakers(_ query: SpeakerQuery) async throws(StoreError) -> [SpeakerSummary] {
    if let limit = query.limit, limit <= 0 { return [] }
    var sql = """
      SELECT q.entity_id, coalesce(e.name, q.speaker) AS display, count(*) AS quote_count,
        count(DISTINCT q.article_id),
        json_group_array(DISTINCT a.outlet) FILTER (WHERE a.outlet IS NOT NULL),
        min(a.published), max(a.published)
      FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.entity_id
      WHERE q.speaker IS NOT NULL
      """
    var arguments: [String: (any DatabaseValueConvertible)?] = [:]
    if let outlet = TextFolding.nonBlank(query.outlet) {
      sql += " AND a.outlet_key = :outlet"
      arguments["outlet"] = TextFolding.key(outlet)
    }
    sql += """

      GROUP BY coalesce('e' || q.entity_id, 's' || q.speaker)
      ORDER BY quote_count DESC, display, q.entity_id IS NULL, q.entity_id
      """
    if let limit = query.limit {
      sql += "\nLIMIT :limit"
      arguments["limit"] = limit
    }
    let statement = sql
    let bound = StatementArguments(arguments)
    do {
      return try await pool.read { db in
        try Row.fetchAll(db, sql: statement, arguments: bound).map { row in
          let outletsJSON: String = row[4] ?? "[]"
          let outlets = (try? JSONDecoder().decode([String].self, from: Data(outletsJSON.utf8))) ?? []
          let entityID: Int64? = row[0]
          let roles = try entityID.map { EntityProfiles.latestPhrases(EntityProfiles.roles(try Self.roleRows(db, entityID: $0))) }
          return SpeakerSummary(
            name: row[1], quoteCount: row[2], articleCount: row[3],
            outlets: outlets.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) },
            firstQuoted: row[5], lastQuoted: row[6], roles: roles ?? [])
        }
      }
    } catch {
      throw StoreError(operation: "query", reason: Self.reason(error))
    }
  }

  public func articleCount() async throws(StoreError) -> Int {
    do {
      return try await pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM articles") ?? 0 }
    } catch {
      throw StoreError(operation: "query", reason: Self.reason(error))
    }
  }

  // MARK: Helpers

  /// Runs raw SQL on the writer; for tests that need to break things on purpose.
  func unsafeExecute(sql: String) throws(StoreError) {
    do {
      try pool.write { try $0.execute(sql: sql) }
    } catch {
      throw StoreError(operation: "execute", reason: Self.reason(error), source: path)
    }
  }

  /// The value of a `PRAGMA` or other single-value statement.
  func unsafeFetchString(sql: String) throws(StoreError) -> String? {
    do {
      return try pool.read { try String.fetchOne($0, sql: sql) }
    } catch {
      throw StoreError(operation: "query", reason: Self.reason(error), source: path)
    }
  }

  static func reason(_ error: any Error) -> String {
    if let error = error as? DatabaseError {
      return error.message ?? "\(error.resultCode)"
    }
    if let error = error as? StoreError { return error.reason }
    return "\(error)"
  }

  static func isFullTextError(_ error: any Error) -> Bool {
    guard let error = error as? DatabaseError else { return false }
    let message = error.message ?? ""
    return message.contains("fts5") || message.contains("syntax error")
  }

  static func jsonArray(_ strings: [String]) -> String {
    guard let data = try? JSONEncoder().encode(strings) else { return "[]" }
    return String(decoding: data, as: UTF8.self)
  }
}
