import Foundation
internal import PostgresNIO
public import QuotidianCore
public import QuotidianStore

/// The shared store: one PostgreSQL database that many ingest workers write and one server
/// (or many) reads.
///
/// Queries run on a pool of connections. Saves run on one writer per process
/// (``PostgresWriter``): a batch is one transaction, each article in a savepoint of its own,
/// and its identity resolution and linking go through the same ``IdentityResolution`` and
/// ``ArticleLinker`` as the SQLite store's, through PostgreSQL catalogs.
///
/// Many writers (processes, machines): each batch transaction first takes one
/// transaction-wide advisory lock (``writerLockKey``), so batches from different workers
/// are applied one after the other. Identity and linking decide from what is stored — the
/// people with a surname, the stories sharing a term, the articles sharing a band — and a
/// unique key cannot say "this is the same person"; with the lock, the second of two workers
/// seeing the same new person finds the first one's entity, exactly as a single writer
/// would. Analysis, the costly part of ingest, still runs on every worker at once; only the
/// writes are serialised, in batches of hundreds of articles.
public final class PostgresStore: Store, ArticleReading, StatementStore, Sendable {
  public let database: PostgresDatabase
  let writer: PostgresWriter

  /// The advisory lock every batch transaction holds ("QUOW" in ASCII).
  static let writerLockKey: Int64 = 0x5155_4F57

  /// Opens the store at `location`, migrating its schema as needed.
  public static func open(_ location: PostgresLocation, maximumConnections: Int = 4)
    async throws(StoreError) -> PostgresStore
  {
    let database = try await PostgresDatabase.open(
      location, maximumConnections: maximumConnections)
    do {
      try await PostgresMigrations.migrate(database)
    } catch {
      database.close()
      throw error
    }
    return PostgresStore(database: database)
  }

  /// Opens the store at `location` for queries: nothing is created; a database without the
  /// record's tables (never migrated) is an error.
  public static func openForReading(_ location: PostgresLocation, maximumConnections: Int = 4)
    async throws(StoreError) -> PostgresStore
  {
    let database = try await PostgresDatabase.open(
      location, maximumConnections: maximumConnections)
    let version: Int
    do {
      version = try await PostgresMigrations.currentVersion(database)
    } catch {
      database.close()
      throw error
    }
    guard version >= PostgresMigrations.recordVersion else {
      database.close()
      throw StoreError(
        operation: "open",
        reason:
          "\(location): no Quotidian record in this database (schema version \(version)); run `quotidian migrate --db …` or ingest first",
        isFatal: true)
    }
    guard version <= PostgresMigrations.latestVersion else {
      database.close()
      throw StoreError(
        operation: "open",
        reason:
          "\(location): the schema is at version \(version), newer than this quotidian knows (\(PostgresMigrations.latestVersion)); upgrade quotidian",
        isFatal: true)
    }
    return PostgresStore(database: database)
  }

  init(database: PostgresDatabase) {
    self.database = database
    self.writer = PostgresWriter(database: database)
  }

  /// A store on an open database whose schema the caller has checked (`status`); closing
  /// the database stays the caller's.
  public convenience init(sharing database: PostgresDatabase) { self.init(database: database) }

  /// Closes the writer's connection and the pool.
  public func close() {
    writer.close()
    database.close()
  }

  var location: PostgresLocation { database.location }

  // MARK: Saving

  public func save(_ result: ExtractionResult) async throws(StoreError) -> SaveOutcome {
    try await saveAll([result])[0].get()
  }

  /// One transaction for the batch, holding the writers' advisory lock, each article in a
  /// savepoint: an article that fails is rolled back alone and reported. When the
  /// transaction itself fails (the connection lost), nothing of it is kept and each article
  /// is tried again in a transaction of its own, so each gets its own outcome.
  public func saveAll(_ results: [ExtractionResult]) async -> [Result<SaveOutcome, StoreError>] {
    var outcomes = [Result<SaveOutcome, StoreError>?](repeating: nil, count: results.count)
    for (index, result) in results.enumerated() {
      do { try ResultValidation.validate(result) } catch { outcomes[index] = .failure(error) }
    }
    let pending = outcomes.indices.filter { outcomes[$0] == nil }
    guard !pending.isEmpty else { return outcomes.compactMap { $0 } }
    let location = self.location
    let batch = pending.map { results[$0] }
    let saved = await writer.run(
      { connection in Self.write(batch, on: connection, location: location) },
      unavailable: { error in .failure(error) })
    switch saved {
    case .success(let batchOutcomes):
      for (index, outcome) in zip(pending, batchOutcomes) { outcomes[index] = outcome }
    case .failure(let error) where error.isFatal || pending.count == 1:
      for index in pending { outcomes[index] = .failure(error) }
    case .failure:
      for index in pending {
        let one = [results[index]]
        let single = await writer.run(
          { connection in Self.write(one, on: connection, location: location) },
          unavailable: { error in .failure(error) })
        switch single {
        case .success(let outcome): outcomes[index] = outcome[0]
        case .failure(let error): outcomes[index] = .failure(error)
        }
      }
    }
    return outcomes.compactMap { $0 }
  }

  /// Writes `results` in one transaction on the writer's thread.
  static func write(
    _ results: [ExtractionResult], on connection: BlockingConnection, location: PostgresLocation
  ) -> Result<[Result<SaveOutcome, StoreError>], StoreError> {
    do {
      try connection.control("BEGIN")
      try connection.execute("SELECT pg_advisory_xact_lock($1)", [.int(writerLockKey)])
      var outcomes: [Result<SaveOutcome, StoreError>] = []
      let termCounts = TermCounts()
      for result in results {
        try connection.control("SAVEPOINT article")
        do {
          let outcome = try insert(result, on: connection, termCounts: termCounts)
          try connection.control("RELEASE SAVEPOINT article")
          termCounts.keepArticle()
          outcomes.append(.success(outcome))
        } catch {
          termCounts.dropArticle()
          let failure = Self.failure(error, operation: "save", location: location)
          try connection.control("ROLLBACK TO SAVEPOINT article", discardingPending: true)
          outcomes.append(
            .failure(
              StoreError(
                operation: "save", reason: failure.reason, source: result.source,
                isFatal: failure.isFatal)))
        }
      }
      try termCounts.write(on: connection)
      try connection.control("COMMIT")
      return .success(outcomes)
    } catch {
      if !connection.isClosed { try? connection.control("ROLLBACK", discardingPending: true) }
      return .failure(Self.failure(error, operation: "save", location: location))
    }
  }

  /// `error` as a store error: a driver error in words a user can act on, our own as it is.
  static func failure(_ error: any Error, operation: String, location: PostgresLocation)
    -> StoreError
  {
    if let error = error as? StoreError { return error }
    if error is PSQLError {
      return StoreError(postgres: error, operation: operation, location: location)
    }
    if error is PostgresDecodingError {
      return StoreError(
        operation: operation, reason: "\(location): a stored value has an unexpected type")
    }
    return StoreError(postgres: error, operation: operation, location: location)
  }

  /// Inserts one validated article inside the current transaction.
  static func insert(
    _ result: ExtractionResult, on connection: BlockingConnection, termCounts: TermCounts
  ) throws -> SaveOutcome {
    let sighting = ArticleSighting(result: result)
    if let id = try recordSighting(sighting, on: connection) { return .unchanged(articleID: id) }
    let authors = String(
      decoding: (try? JSONEncoder().encode(result.authors)) ?? Data("[]".utf8), as: UTF8.self)
    guard
      let articleID = try connection.value(
        Int64.self,
        """
        INSERT INTO articles
          (text_key, source, url, format, title, authors, published, outlet, outlet_key, language, text,
           search)
        VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11, $12::tsvector) RETURNING id
        """,
        [
          .text(sighting.contentKey), .text(result.source), .text(result.url),
          .text(result.format), .text(result.title), .text(authors), .text(result.published),
          .text(result.outlet), .text(result.outlet.map(TextFolding.key)),
          .text(result.language), .text(result.text),
          .text(PostgresSearch.vector([result.title, result.text])),
        ])
    else { throw StoreError(operation: "save", reason: "the article was not inserted") }
    let speakerEntities = try saveIdentities(result, articleID: articleID, on: connection)
    try connection.insert(
      into: "quotes",
      columns: [
        "article_id", "position", "text", "speaker", "speaker_mention", "cue", "kind", "start",
        "\"end\"", "confidence", "rule", "entity_id", "search",
      ],
      rows: result.quotes.enumerated().map { position, quote in
        [
          .int(articleID), .int(position), .text(quote.text),
          .text(TextFolding.nonBlank(quote.speaker)), .text(quote.speakerMention),
          .text(quote.cue), .text(quote.kind), .int(quote.start), .int(quote.end),
          .real(quote.confidence), .text(quote.rule),
          .int(speakerEntities.indices.contains(position) ? speakerEntities[position] : nil),
          .text(PostgresSearch.vector([quote.text])),
        ]
      }, castingLast: "tsvector")
    try insertSighting(sighting, articleID: articleID, on: connection)
    if !ArticleLinker.isDisabled {
      try link(
        result, articleID: articleID, speakerEntities: speakerEntities, on: connection,
        termCounts: termCounts)
    }
    try saveStatements(result, articleID: articleID, on: connection)
    return .inserted(articleID: articleID)
  }

  /// Records `sighting` when an article with its content is stored; returns that article.
  static func recordSighting(_ sighting: ArticleSighting, on connection: BlockingConnection)
    throws -> Int64?
  {
    guard
      let id = try connection.value(
        Int64.self, "SELECT id FROM articles WHERE text_key = $1", [.text(sighting.contentKey)])
    else { return nil }
    try insertSighting(sighting, articleID: id, on: connection)
    return id
  }

  static func insertSighting(
    _ sighting: ArticleSighting, articleID: Int64, on connection: BlockingConnection
  ) throws {
    try connection.execute(
      """
      INSERT INTO article_sightings (article_id, source, source_key, url, format, title, outlet, published)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (article_id, source_key) DO NOTHING
      """,
      [
        .int(articleID), .text(sighting.source),
        .text(ArticleIdentity.sourceKey(sighting.source)), .text(sighting.url),
        .text(sighting.format), .text(sighting.title), .text(sighting.outlet),
        .text(sighting.published),
      ])
  }

  public func recordSighting(_ sighting: ArticleSighting) async throws(StoreError) -> Int64? {
    // A read first: most articles are new, and a read does not wait for the writer.
    let known = try await database.withConnection("query") { connection in
      var id: Int64?
      for try await value in try await connection.query(
        "SELECT id FROM articles WHERE text_key = \(sighting.contentKey)",
        logger: PostgresDatabase.quietLogger
      ).decode(Int64.self) {
        id = value
      }
      return id
    }
    guard known != nil else { return nil }
    let location = self.location
    let recorded = await writer.run(
      { connection -> Result<Int64?, StoreError> in
        do {
          try connection.control("BEGIN")
          let id = try Self.recordSighting(sighting, on: connection)
          try connection.control("COMMIT")
          return .success(id)
        } catch {
          if !connection.isClosed { try? connection.control("ROLLBACK", discardingPending: true) }
          return .failure(Self.failure(error, operation: "save", location: location))
        }
      }, unavailable: { .failure($0) })
    do { return try recorded.get() } catch {
      throw StoreError(
        operation: error.operation, reason: error.reason, source: sighting.source,
        isFatal: error.isFatal)
    }
  }

  /// Saves an article's statements, dates, claims and promises, as the SQLite store does.
  static func saveStatements(
    _ result: ExtractionResult, articleID: Int64, on connection: BlockingConnection
  ) throws {
    try connection.insert(
      into: "said_statements",
      columns: [
        "article_id", "position", "kind", "text", "speaker", "speaker_key", "said",
        "said_granularity", "said_text", "occasion", "start", "\"end\"",
      ],
      rows: (result.quotes + (result.reported ?? [])).enumerated().map { position, quote in
        let speaker = TextFolding.nonBlank(quote.speaker)
        return [
          .int(articleID), .int(position), .text(quote.kind), .text(quote.text), .text(speaker),
          .text(speaker.map(TextFolding.key)),
          .text(quote.said?.value ?? result.published.map { String($0.prefix(10)) }),
          .text(quote.said?.granularity ?? (result.published == nil ? nil : "day")),
          .text(quote.said?.text), .text(quote.said?.occasion), .int(quote.start),
          .int(quote.end),
        ]
      })
    try connection.insert(
      into: "article_dates",
      columns: ["article_id", "position", "text", "value", "granularity", "start", "\"end\""],
      rows: (result.dates ?? []).enumerated().map { position, item in
        [
          .int(articleID), .int(position), .text(item.text), .text(item.value),
          .text(item.granularity), .int(item.start), .int(item.end),
        ]
      })
    try connection.insert(
      into: "claims",
      columns: [
        "article_id", "position", "text", "value", "unit", "qualifier", "counted", "start",
        "\"end\"", "search",
      ],
      rows: (result.claims ?? []).enumerated().compactMap { position, item in
        guard item.value.isFinite else { return nil }
        return [
          .int(articleID), .int(position), .text(item.text), .real(item.value), .text(item.unit),
          .text(item.qualifier), .text(item.counted), .int(item.start), .int(item.end),
          .text(PostgresSearch.vector([item.text, item.counted])),
        ]
      }, castingLast: "tsvector")
    try connection.insert(
      into: "promises",
      columns: [
        "article_id", "position", "speaker", "speaker_key", "text", "said", "deadline",
        "deadline_value", "deadline_text", "horizon", "start", "\"end\"",
      ],
      rows: (result.promises ?? []).enumerated().map { position, item in
        let speaker = TextFolding.nonBlank(item.speaker)
        return [
          .int(articleID), .int(position), .text(speaker), .text(speaker.map(TextFolding.key)),
          .text(item.text), .text(item.said), .text(item.deadline), .text(item.deadlineValue),
          .text(item.deadlineText), .text(item.horizon), .int(item.start), .int(item.end),
        ]
      })
  }
}
