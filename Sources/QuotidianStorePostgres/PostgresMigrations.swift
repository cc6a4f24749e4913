internal import PostgresNIO
public import QuotidianStore

/// One schema change: a version, a name, and its SQL. Never edited once merged: a change
/// to the schema is a new migration.
struct PostgresMigration: Sendable {
  var version: Int
  var name: String
  var statements: [String]
}

/// The PostgreSQL store's schema history, applied in order and recorded in
/// `quotidian_schema_migrations`.
///
/// Several workers may start at once on a new database: migrating takes a transaction-wide
/// advisory lock, so one applies what is missing and the others then find it applied. A
/// database whose recorded version is newer than the binary knows is refused rather than
/// written with an older idea of the schema.
public enum PostgresMigrations {
  /// The advisory lock key migrations hold (an arbitrary constant of ours: "QUOT" in ASCII).
  static let lockKey: Int64 = 0x5155_4F54

  static let all: [PostgresMigration] = [
    PostgresMigration(
      version: 1, name: "ingest job queue",
      statements: [
        """
        CREATE TABLE ingest_jobs (
          id BIGSERIAL PRIMARY KEY,
          input TEXT NOT NULL UNIQUE,
          state TEXT NOT NULL DEFAULT 'pending'
            CHECK (state IN ('pending', 'leased', 'done', 'failed')),
          worker TEXT,
          leased_until TIMESTAMPTZ,
          attempts INTEGER NOT NULL DEFAULT 0,
          error TEXT,
          created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
          updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
          CHECK ((state = 'leased') = (leased_until IS NOT NULL))
        )
        """,
        "CREATE INDEX ingest_jobs_open ON ingest_jobs (id) WHERE state IN ('pending', 'leased')",
      ]),
    PostgresMigration(
      version: 2, name: "articles, quotes, identities, links, statements, full-text search",
      statements: PostgresSchema.recordV2),
    PostgresMigration(
      version: 3, name: "storylines (events chained over months)",
      statements: PostgresSchema.storylinesV3),
  ]

  /// The first version holding the record (articles, quotes, …), not only the job queue.
  public static let recordVersion = 2

  /// The newest version this binary knows.
  public static var latestVersion: Int { all.map(\.version).max() ?? 0 }

  /// Applies the migrations `database` lacks; returns the versions applied (empty when it
  /// was up to date).
  @discardableResult
  public static func migrate(_ database: PostgresDatabase) async throws(StoreError) -> [Int] {
    try await migrate(database, upTo: latestVersion)
  }

  static func migrate(_ database: PostgresDatabase, upTo target: Int) async throws(StoreError)
    -> [Int]
  {
    let location = database.location
    let known = all.filter { $0.version <= target }.sorted { $0.version < $1.version }
    let newest = latestVersion
    return try await database.transaction("migrate") { connection in
      let logger = PostgresDatabase.quietLogger
      try await connection.query(
        "SELECT pg_advisory_xact_lock(\(lockKey))", logger: logger)
      try await connection.query(
        """
        CREATE TABLE IF NOT EXISTS quotidian_schema_migrations (
          version INTEGER PRIMARY KEY,
          name TEXT NOT NULL,
          applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
        )
        """, logger: logger)
      let current = try await recordedVersion(connection)
      if current > newest {
        throw StoreError(
          operation: "migrate",
          reason:
            "\(location): the schema is at version \(current), newer than this quotidian knows (\(newest)); upgrade quotidian before using this database",
          isFatal: true)
      }
      var applied: [Int] = []
      for migration in known where migration.version > current {
        for statement in migration.statements {
          try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
        }
        try await connection.query(
          "INSERT INTO quotidian_schema_migrations (version, name) VALUES (\(migration.version), \(migration.name))",
          logger: logger)
        applied.append(migration.version)
      }
      return applied
    }
  }

  /// The version `database` is at (0 for a database Quotidian never touched).
  public static func currentVersion(_ database: PostgresDatabase) async throws(StoreError) -> Int {
    try await database.withConnection("query") { connection in
      let logger = PostgresDatabase.quietLogger
      var exists = false
      for try await value in try await connection.query(
        "SELECT to_regclass('quotidian_schema_migrations') IS NOT NULL", logger: logger
      ).decode(Bool.self) {
        exists = value
      }
      guard exists else { return 0 }
      return try await recordedVersion(connection)
    }
  }

  /// The newest version `quotidian_schema_migrations` records (0 when it is empty).
  private static func recordedVersion(_ connection: PostgresConnection) async throws -> Int {
    var current = 0
    for try await version in try await connection.query(
      "SELECT COALESCE(MAX(version), 0) FROM quotidian_schema_migrations",
      logger: PostgresDatabase.quietLogger
    ).decode(Int.self) {
      current = version
    }
    return current
  }
}
