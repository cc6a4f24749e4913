import Foundation
import GRDB
public import QuotidianCore

#if canImport(Glibc)
import Glibc
#endif

/// The embedded store: one SQLite file through GRDB, WAL mode, foreign keys, FTS5.
///
/// Writes go through GRDB's single writer, one transaction per article (per batch for
/// `saveAll`, each article in its own savepoint); reads run
/// concurrently. Safe to share between tasks.
public final class SQLiteStore: Store, Sendable {
  /// The file this store keeps.
  public let path: String
  /// A `DatabasePool` on a file (WAL: readers run beside the writer), or a `DatabaseQueue` on
  /// an in-memory database.
  let pool: any DatabaseWriter
  /// The writer's cache of entities identity resolution reads.
  let identityCache = IdentityCache()

  /// Whether the store was opened for queries only.
  public let isReadOnly: Bool
  /// The private copy a read-only store reads when its file's directory cannot hold the WAL
  /// index; removed with the store.
  let readCopy: String?

  /// How long a writer waits for another process's write to finish before giving up.
  public static let busyTimeout: Double = 60

  /// Opens the store at `path` for writing, creating the file and migrating the schema as
  /// needed. A file that holds another application's SQLite database is refused before
  /// anything is written to it.
  public convenience init(path: String) throws(StoreError) {
    try self.init(path: path, migratingUpTo: nil)
  }

  /// Opens the existing store at `path` for queries: nothing is created or written, so a
  /// read-only file can be queried. A missing file is an error; a store written by an older
  /// version is migrated first by a short-lived writer, when the file can be written.
  public static func openForReading(path: String) throws(StoreError) -> SQLiteStore {
    switch try Self.inspect(path) {
    case .missing:
      throw StoreError(
        operation: "open",
        reason:
          "no store at this path (nothing has been ingested here; check --db or QUOTIDIAN_DB)",
        source: path)
    case .empty:
      throw StoreError(
        operation: "open", reason: "the store is empty (nothing has been ingested here)",
        source: path)
    case .quotidian(let pending):
      if pending {
        guard access(path, W_OK) == 0 else {
          throw StoreError(
            operation: "open",
            reason:
              "the store was written by an older version and is read-only, so it cannot be upgraded",
            source: path)
        }
        _ = try SQLiteStore(path: path)
      }
      return try SQLiteStore(path: path, readOnly: true)
    }
  }

  /// A store in memory: the same schema and SQL as a file (GRDB's `DatabaseQueue`), gone with
  /// the value. For tests and trials.
  public static func inMemory() throws(StoreError) -> SQLiteStore {
    try SQLiteStore(inMemory: ())
  }

  init(inMemory: Void) throws(StoreError) {
    path = ":memory:"
    isReadOnly = false
    readCopy = nil
    do {
      let queue = try DatabaseQueue(configuration: Self.configuration(readOnly: false))
      try Self.migrator.migrate(queue)
      pool = queue
    } catch {
      throw StoreError(operation: "open", error, source: ":memory:")
    }
  }

  /// Opens the store migrated up to `migration` (every migration when nil): tests use it to
  /// build a database as an older version left it.
  init(path: String, migratingUpTo migration: String?) throws(StoreError) {
    self.path = path
    self.isReadOnly = false
    self.readCopy = nil
    _ = try Self.inspect(path)
    let pool: DatabasePool
    do {
      pool = try DatabasePool(path: path, configuration: Self.configuration(readOnly: false))
    } catch {
      throw StoreError(operation: "open", error, source: path)
    }
    self.pool = pool
    do {
      let migrator = Self.migrator
      if try pool.read({ try migrator.hasBeenSuperseded($0) }) {
        throw StoreError(
          operation: "migrate", reason: "the database was written by a newer version of Quotidian",
          source: path)
      }
      // Several processes may open a new file at once: the one that loses the race finds
      // the migrations applied by the other.
      var attempt = 0
      while true {
        do {
          if let migration {
            try migrator.migrate(pool, upTo: migration)
          } else {
            try migrator.migrate(pool)
          }
          break
        } catch {
          attempt += 1
          let done = try pool.read { db in
            try migration.map { try migrator.appliedIdentifiers(db).contains($0) }
              ?? migrator.hasCompletedMigrations(db)
          }
          if done { break }
          if attempt >= 5 { throw error }
          Thread.sleep(forTimeInterval: 0.1 * Double(attempt))
        }
      }
    } catch let error as StoreError {
      throw error
    } catch {
      throw StoreError(operation: "migrate", error, source: path)
    }
  }

  /// A read-only store on an existing, migrated file.
  init(path: String, readOnly: Bool) throws(StoreError) {
    self.path = path
    self.isReadOnly = readOnly
    do {
      let (reader, copy) = try Self.readerPool(path: path, readOnly: readOnly)
      (pool, readCopy) = (reader, copy)
      if try reader.read({ try Self.migrator.hasBeenSuperseded($0) }) {
        throw StoreError(
          operation: "open", reason: "the database was written by a newer version of Quotidian",
          source: path)
      }
    } catch let error as StoreError {
      throw error
    } catch {
      throw StoreError(operation: "open", error, source: path)
    }
  }

  /// A pool on `path`. A reader that cannot create the WAL index next to a read-only file
  /// (a read-only directory or disk) reads a private copy of the file instead: nobody can be
  /// writing a file that nobody may write, so the copy is the whole store.
  static func readerPool(path: String, readOnly: Bool) throws -> (pool: DatabasePool, copy: String?)
  {
    do {
      let pool = try DatabasePool(path: path, configuration: configuration(readOnly: readOnly))
      _ = try pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") }
      return (pool, nil)
    } catch let original as DatabaseError
      where readOnly
      && [.SQLITE_READONLY, .SQLITE_CANTOPEN].contains(original.resultCode.primaryResultCode)
    {
      guard access(path, W_OK) != 0, !FileManager.default.fileExists(atPath: path + "-wal") else {
        throw original
      }
      let copy = FileManager.default.temporaryDirectory
        .appendingPathComponent("quotidian-readonly-\(UUID().uuidString).sqlite").path
      do {
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: copy)
        let pool = try DatabasePool(path: copy, configuration: configuration(readOnly: true))
        _ = try pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") }
        return (pool, copy)
      } catch {
        Self.removeCopy(copy)
        throw original
      }
    }
  }

  static func removeCopy(_ copy: String) {
    for suffix in ["", "-wal", "-shm"] {
      try? FileManager.default.removeItem(atPath: copy + suffix)
    }
  }

  deinit {
    if let readCopy { Self.removeCopy(readCopy) }
  }

  static func configuration(readOnly: Bool) -> Configuration {
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    configuration.label = "Quotidian"
    configuration.readonly = readOnly
    // Other processes may be writing: wait for them rather than fail with "database is
    // locked". GRDB begins write transactions IMMEDIATE, so the wait applies at BEGIN (a
    // deferred transaction upgrading to a write would fail at once instead).
    configuration.busyMode = .timeout(busyTimeout)
    // A 64 MB page cache and memory-mapped reads keep the indexes the ingest path seeks in
    // memory (the 2 MB default re-read them from the file for every article); in WAL mode,
    // synchronous=NORMAL loses no committed transaction on a crash of the process, only
    // possibly the last ones on a power cut, and saves an fsync per transaction.
    configuration.prepareDatabase { db in
      try db.execute(sql: "PRAGMA cache_size = -65536")
      try db.execute(sql: "PRAGMA mmap_size = 268435456")
      if !readOnly { try db.execute(sql: "PRAGMA synchronous = NORMAL") }
    }
    return configuration
  }

  /// The tables every fully migrated store has, search indexes included.
  static let requiredTables = [
    "articles", "quotes", "quotes_fts", "articles_fts", "claims", "claims_fts", "entities",
    "article_sightings",
  ]

  /// What a file holds, found without writing to it.
  enum FileContent {
    case missing
    /// Zero bytes, or an SQLite database without any table: safe to make a store of.
    case empty
    /// A Quotidian store; `pendingMigrations` when an older version wrote it.
    case quotidian(pendingMigrations: Bool)
  }

  /// Looks at `path` read-only; throws when it is neither missing, empty nor a Quotidian
  /// store (another application's database, or not a database at all).
  static func inspect(_ path: String, copyingIfReadOnly: Bool = true) throws(StoreError)
    -> FileContent
  {
    var info = stat()
    guard stat(path, &info) == 0 else {
      if errno == ENOENT { return .missing }
      throw StoreError(
        operation: "open", reason: String(cString: strerror(errno)).lowercased(), source: path)
    }
    guard info.st_mode & S_IFMT == S_IFREG else {
      throw StoreError(operation: "open", reason: "not a regular file", source: path)
    }
    if info.st_size == 0 { return .empty }
    do {
      var configuration = Configuration()
      configuration.readonly = true
      configuration.busyMode = .timeout(busyTimeout)
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      defer { try? queue.close() }
      return try queue.read { db -> FileContent in
        let tables = try String.fetchAll(
          db,
          sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        if tables.isEmpty { return .empty }
        // Another process creating the store: its migrator has made its bookkeeping table
        // but not yet committed the first migration.
        if tables == ["grdb_migrations"],
          try Int.fetchOne(db, sql: "SELECT count(*) FROM grdb_migrations") == 0
        {
          return .empty
        }
        var isStore = tables.contains("grdb_migrations") && tables.contains("articles")
        if isStore {
          isStore =
            try Bool.fetchOne(
              db, sql: "SELECT count(*) > 0 FROM grdb_migrations WHERE identifier = ?",
              arguments: [firstMigration]) ?? false
        }
        guard isStore else {
          throw StoreError(
            operation: "open",
            reason:
              "not a Quotidian store: the file is another application's SQLite database (left unchanged)",
            source: path)
        }
        let pending = !(try migrator.hasCompletedMigrations(db))
        // A store missing one of its tables (a search index dropped by hand, a bad copy)
        // would open and then fail in the middle of a query with the driver's words.
        if !pending, let missing = requiredTables.first(where: { !tables.contains($0) }) {
          throw StoreError(
            operation: "open",
            reason:
              "the store is damaged: its table '\(missing)' is missing (ingest into a new store, or restore a copy)",
            source: path)
        }
        return .quotidian(pendingMigrations: pending)
      }
    } catch let error as StoreError {
      throw error
    } catch let error as DatabaseError
      where [.SQLITE_READONLY, .SQLITE_CANTOPEN].contains(error.resultCode.primaryResultCode)
      && copyingIfReadOnly && access(path, W_OK) != 0
      && !FileManager.default.fileExists(atPath: path + "-wal")
    {
      // A read-only file whose directory cannot hold the WAL index: look at a copy.
      let copy = FileManager.default.temporaryDirectory
        .appendingPathComponent("quotidian-inspect-\(UUID().uuidString).sqlite").path
      defer { removeCopy(copy) }
      do {
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: copy)
      } catch {
        throw StoreError(
          operation: "open", reason: "the store is read-only and cannot be copied to be read",
          source: path)
      }
      do {
        return try inspect(copy, copyingIfReadOnly: false)
      } catch let inner {
        throw StoreError(operation: inner.operation, reason: inner.reason, source: path)
      }
    } catch {
      if let database = error as? DatabaseError, database.resultCode == .SQLITE_NOTADB {
        throw StoreError(
          operation: "open",
          reason: "not a Quotidian store: not an SQLite database (left unchanged)", source: path)
      }
      throw StoreError(operation: "open", error, source: path)
    }
  }

  // MARK: Saving

  public func save(_ result: ExtractionResult) async throws(StoreError) -> SaveOutcome {
    try ResultValidation.validate(result)
    do {
      let cache = identityCache
      return try await pool.write { db in
        try cache.validate(db)
        do { return try Self.insert(db, result, cache: cache) } catch {
          cache.clear()
          throw error
        }
      }
    } catch {
      throw StoreError(operation: "save", error, source: result.source)
    }
  }

  /// One write transaction for the whole batch, each article in its own savepoint: an
  /// article that fails is rolled back alone and reported. When the transaction itself
  /// fails (a full disk, a lost lock), the articles are saved one by one instead, so each
  /// gets its own outcome and nothing saved is reported lost.
  public func saveAll(_ results: [ExtractionResult]) async -> [Result<SaveOutcome, StoreError>] {
    var outcomes = [Result<SaveOutcome, StoreError>?](repeating: nil, count: results.count)
    for (index, result) in results.enumerated() {
      do { try ResultValidation.validate(result) } catch { outcomes[index] = .failure(error) }
    }
    let pending = outcomes.indices.filter { outcomes[$0] == nil }
    guard pending.count > 1 else {
      for index in pending {
        do { outcomes[index] = .success(try await save(results[index])) } catch {
          outcomes[index] = .failure(error)
        }
      }
      return outcomes.compactMap { $0 }
    }
    do {
      let cache = identityCache
      let batch = try await pool.write { db -> [Result<SaveOutcome, StoreError>] in
        try cache.validate(db)
        var saved: [Result<SaveOutcome, StoreError>] = []
        for index in pending {
          let result = results[index]
          do {
            var outcome: SaveOutcome?
            try db.inSavepoint {
              outcome = try Self.insert(db, result, cache: cache)
              return .commit
            }
            guard let outcome else { preconditionFailure("the savepoint body sets the outcome") }
            saved.append(.success(outcome))
          } catch {
            // The savepoint's rows are gone: so must be what the cache learnt from them.
            cache.clear()
            let failure = StoreError(operation: "save", error, source: result.source)
            if failure.isFatal || !db.isInsideTransaction { throw failure }
            saved.append(.failure(failure))
          }
        }
        return saved
      }
      for (index, outcome) in zip(pending, batch) { outcomes[index] = outcome }
    } catch {
      identityCache.clear()
      var fatal: StoreError?
      for index in pending {
        if let fatal {
          outcomes[index] = .failure(fatal)
          continue
        }
        do { outcomes[index] = .success(try await save(results[index])) } catch {
          outcomes[index] = .failure(error)
          if error.isFatal { fatal = error }
        }
      }
    }
    return outcomes.compactMap { $0 }
  }

  /// Inserts a validated article inside the current transaction.
  static func insert(_ db: Database, _ result: ExtractionResult, cache: IdentityCache) throws
    -> SaveOutcome
  {
    let sighting = ArticleSighting(result: result)
    let hash = sighting.contentKey
    let authors = Self.jsonArray(result.authors)
    if let id = try Self.recordSighting(db, sighting) { return .unchanged(articleID: id) }
    try db.cachedStatement(
      sql: """
        INSERT INTO articles
          (content_hash, text_key, source, url, format, title, authors, published, outlet, outlet_key, language,
           text)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      hash, hash, result.source, result.url, result.format, result.title, authors, result.published,
      result.outlet, result.outlet.map(TextFolding.key), result.language, result.text,
    ])
    let articleID = db.lastInsertedRowID
    let speakerEntities = try Self.saveIdentities(
      db, result: result, articleID: articleID, cache: cache)
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
    try Self.insertSighting(db, sighting, articleID: articleID)
    if !ArticleLinker.isDisabled {
      try Self.link(
        db, result: result, articleID: articleID, speakerEntities: speakerEntities, cache: cache)
    }
    try Self.saveStatements(db, result: result, articleID: articleID)
    return .inserted(articleID: articleID)
  }

  public func recordSighting(_ sighting: ArticleSighting) async throws(StoreError) -> Int64? {
    do {
      // A read first: most articles are new, and a read does not wait for the writer.
      let known = try await pool.read { db in
        try Int64.fetchOne(
          db, sql: "SELECT id FROM articles WHERE text_key = ?", arguments: [sighting.contentKey])
      }
      guard known != nil else { return nil }
      return try await pool.write { db in try Self.recordSighting(db, sighting) }
    } catch {
      throw StoreError(operation: "save", reason: Self.reason(error), source: sighting.source)
    }
  }

  // MARK: Queries

  /// The SQL alternatives that select quotes of these speakers: by entity, or by the
  /// speaker's name for quotes linked to no entity (names bound as `:speakerN`).
  static func speakerConditions(
    entityIDs: [Int64], names: [String],
    arguments: inout [String: (any DatabaseValueConvertible)?]
  ) -> [String] {
    var parts: [String] = []
    if !entityIDs.isEmpty {
      parts.append("q.entity_id IN (\(entityIDs.map(String.init).joined(separator: ", ")))")
    }
    if !names.isEmpty {
      var placeholders: [String] = []
      for (index, name) in names.enumerated() {
        placeholders.append(":speaker\(index)")
        arguments["speaker\(index)"] = name
      }
      parts.append(
        "(q.entity_id IS NULL AND q.speaker IN (\(placeholders.joined(separator: ", "))))")
    }
    return parts
  }

  public func quotes(_ query: QuoteQuery) async throws(StoreError) -> [StoredQuote] {
    let filter = try QuoteFilter(query)
    if filter.isEmptyByConstruction { return [] }
    var conditions: [String] = []
    var arguments: [String: (any DatabaseValueConvertible)?] = [:]
    var match: [String] = []
    if let search = filter.search { match.append("{text} : (\(search.fts5))") }
    if filter.speakerPhrase != nil, let name = query.speaker {
      let speakers = try await chosenSpeakers(name)
      if speakers.isEmpty { return [] }
      let parts = Self.speakerConditions(
        entityIDs: speakers.compactMap(\.entityID),
        names: speakers.filter { $0.entityID == nil }.map(\.name), arguments: &arguments)
      conditions.append("(" + parts.joined(separator: " OR ") + ")")
    }
    if !match.isEmpty {
      conditions.append("q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH :match)")
      arguments["match"] = match.joined(separator: " AND ")
    }
    Self.appendArticleConditions(
      outletKey: filter.outletKey, since: filter.since, until: filter.until,
      conditions: &conditions, arguments: &arguments)
    if let language = filter.language {
      conditions.append("lower(a.language) = :language")
      arguments["language"] = language
    }
    if !query.includeCopies { conditions.append("a.duplicate_of IS NULL") }
    var sql = """
      SELECT q.article_id, a.source, a.title, a.outlet, a.published, q.text, q.speaker, q.kind, q.cue,
        q.rule, q.confidence, q.start, q."end", a.url, q.position
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
        try Row.fetchAll(db, sql: statement, arguments: bound).map(Self.storedQuote)
      }
    } catch {
      if !match.isEmpty, let search = query.search, Self.isFullTextError(error) {
        throw SearchExpression.syntaxError(search, "the full-text index could not parse it")
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
    if !query.includeCopies { sql += " AND a.duplicate_of IS NULL" }
    var arguments: [String: (any DatabaseValueConvertible)?] = [:]
    if let outlet = TextFolding.nonBlank(query.outlet) {
      sql += " AND a.outlet_key = :outlet"
      arguments["outlet"] = TextFolding.key(outlet)
    } else if let limit = query.limit,
      let groups = try await leadingSpeakerGroups(limit: limit, includeCopies: query.includeCopies)
    {
      // Only the speakers that can rank among the first `limit` are aggregated.
      let parts = Self.speakerConditions(
        entityIDs: groups.compactMap { $0.hasPrefix("e") ? Int64($0.dropFirst()) : nil },
        names: groups.filter { $0.hasPrefix("s") }.map { String($0.dropFirst()) },
        arguments: &arguments)
      if parts.isEmpty { return [] }
      sql += " AND (" + parts.joined(separator: " OR ") + ")"
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
          let outlets =
            (try? JSONDecoder().decode([String].self, from: Data(outletsJSON.utf8))) ?? []
          let entityID: Int64? = row[0]
          let roles = try entityID.map {
            EntityProfiles.latestPhrases(EntityProfiles.roles(try Self.roleRows(db, entityID: $0)))
          }
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

  /// The speaker groups (`e<ID>` or `s<name>`) that can be among the `limit` most quoted,
  /// from the counts kept on write: every group quoted at least as often as the `limit`-th,
  /// ties included. Nil when too many tie to be worth it (the full count is then made).
  func leadingSpeakerGroups(limit: Int, includeCopies: Bool) async throws(StoreError) -> [String]? {
    let column = includeCopies ? "all_quotes" : "quotes"
    do {
      return try await pool.read { db -> [String]? in
        let threshold =
          try Int.fetchOne(
            db,
            sql:
              "SELECT \(column) FROM speaker_counts ORDER BY \(column) DESC LIMIT 1 OFFSET ?",
            arguments: [limit - 1]) ?? 1
        let groups = try String.fetchAll(
          db,
          sql: """
            SELECT speaker_group FROM speaker_counts WHERE \(column) >= ?
            ORDER BY \(column) DESC LIMIT ?
            """, arguments: [max(threshold, 1), Self.leadingGroupLimit + 1])
        return groups.count > Self.leadingGroupLimit ? nil : groups
      }
    } catch {
      throw StoreError(operation: "query", reason: Self.reason(error))
    }
  }

  /// Most speaker groups ``leadingSpeakerGroups(limit:includeCopies:)`` hands on.
  static let leadingGroupLimit = 2000

  public func articleCount() async throws(StoreError) -> Int {
    do {
      return try await pool.read { db in
        try Int.fetchOne(db, sql: "SELECT count(*) FROM articles") ?? 0
      }
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

  /// The value of a single-value statement run on the writer's connection.
  func unsafeWriterString(sql: String) throws(StoreError) -> String? {
    do {
      return try pool.write { try String.fetchOne($0, sql: sql) }
    } catch {
      throw StoreError(operation: "query", reason: Self.reason(error), source: path)
    }
  }

  /// The details of `EXPLAIN QUERY PLAN` for `sql`, its `?` parameters NULL.
  func queryPlan(_ sql: String) throws(StoreError) -> [String] {
    do {
      let nulls = StatementArguments(
        [DatabaseValue?](repeating: nil, count: sql.utf8.filter { $0 == UInt8(ascii: "?") }.count))
      return try pool.read { db in
        try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: nulls).map {
          $0["detail"]
        }
      }
    } catch {
      throw StoreError(operation: "query", reason: Self.reason(error), source: path)
    }
  }

  /// A driver error in words a user can act on; SQLite's own text (which may quote SQL)
  /// never reaches the user.
  static func reason(_ error: any Error) -> String {
    if let error = error as? StoreError { return error.reason }
    guard let error = error as? DatabaseError else { return "unexpected store failure" }
    switch error.resultCode.primaryResultCode {
    case .SQLITE_BUSY, .SQLITE_LOCKED:
      return "the store is busy: another process kept it locked for more than \(Int(busyTimeout)) s"
    case .SQLITE_FULL: return "disk full: the store could not grow"
    case .SQLITE_READONLY:
      return "the store is read-only (file or directory permissions, or a read-only disk)"
    case .SQLITE_CORRUPT: return "the store file is damaged"
    case .SQLITE_NOTADB: return "not an SQLite database"
    case .SQLITE_CANTOPEN: return "cannot open the file (a missing directory, or no permission)"
    case .SQLITE_IOERR: return "input/output error while using the store"
    case .SQLITE_PERM, .SQLITE_AUTH: return "permission denied"
    case .SQLITE_NOMEM: return "out of memory"
    case .SQLITE_TOOBIG: return "a value is too large for the store"
    case .SQLITE_CONSTRAINT: return "the data breaks a rule of the store's schema"
    case .SQLITE_INTERRUPT: return "interrupted"
    default:
      return "the store could not run the request (SQLite result code \(error.resultCode.rawValue))"
    }
  }

  /// Whether later writes would fail the same way, so a run should stop at the first.
  static func isFatal(_ error: any Error) -> Bool {
    if let error = error as? StoreError { return error.isFatal }
    guard let error = error as? DatabaseError else { return false }
    switch error.resultCode.primaryResultCode {
    case .SQLITE_FULL, .SQLITE_READONLY, .SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_IOERR,
      .SQLITE_CANTOPEN,
      .SQLITE_PERM:
      return true
    default:
      return false
    }
  }

  static let firstMigration = "v1: articles, quotes, full-text search"

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

extension StoreError {
  /// Wraps a driver error: a clear reason, and whether the run should stop.
  init(operation: String, _ error: any Error, source: String? = nil) {
    self.init(operation: operation, reason: SQLiteStore.reason(error), source: source)
    isFatal = SQLiteStore.isFatal(error)
  }
}
