public import QuotidianStore
public import QuotidianStorePostgres

/// Where `--db` (or `QUOTIDIAN_DB`) points: an SQLite file, or a PostgreSQL database named by
/// a `postgres://` URL completed by the `PG*` environment variables.
public enum StoreLocation: Sendable, CustomStringConvertible {
  case sqlite(path: String)
  case postgres(PostgresLocation)

  /// Reads a `--db` argument. A `postgres://` or `postgresql://` URL is a PostgreSQL
  /// database (an invalid one is an error naming what is wrong); anything else is a path.
  public init(_ argument: String, environment: [String: String] = [:]) throws(StoreError) {
    if PostgresLocation.isPostgresURL(argument) {
      self = .postgres(try PostgresLocation(url: argument, environment: environment))
    } else {
      self = .sqlite(path: argument)
    }
  }

  /// The path, or the URL without its password.
  public var description: String {
    switch self {
    case .sqlite(let path): path
    case .postgres(let location): location.description
    }
  }

  /// The store for writing (ingest, serve with a token): an SQLite file created and migrated
  /// as needed, or a PostgreSQL database migrated as needed.
  public func openForWriting() async throws(StoreError) -> any RecordStore {
    switch self {
    case .sqlite(let path): try SQLiteStore(path: path)
    case .postgres(let location): try await PostgresStore.open(location)
    }
  }

  /// The store for queries: never created. An SQLite file is opened read-only; a PostgreSQL
  /// database must hold a record already.
  public func openForReading() async throws(StoreError) -> any RecordStore {
    switch self {
    case .sqlite(let path): try SQLiteStore.openForReading(path: path)
    case .postgres(let location): try await PostgresStore.openForReading(location)
    }
  }
}

/// A store that answers every query the interfaces ask: both backends are one.
public typealias RecordStore = Store & ArticleReading & StatementStore

/// What `quotidian status` reports about a store.
public struct StoreStatus: Sendable, Encodable {
  public var store: String
  public var backend: String
  public var schemaVersion: Int?
  public var latestSchemaVersion: Int?
  public var articles: Int?
  public var queue: Queue?

  /// The PostgreSQL ingest queue: counts by state, and the jobs not done.
  public struct Queue: Sendable, Encodable {
    public var pending: Int
    public var leased: Int
    public var done: Int
    public var failed: Int
    public var open: [Job]
  }

  public struct Job: Sendable, Encodable {
    public var input: String
    public var state: String
    public var worker: String?
    public var attempts: Int
    public var error: String?
    public var leaseSecondsLeft: Double?
  }
}

/// Schema upgrades and health, for `quotidian migrate` and `quotidian status`.
public enum StoreMaintenance {
  /// Creates the store if needed and brings its schema up to date. Returns what was done.
  public static func migrate(_ location: StoreLocation) async throws(StoreError) -> String {
    switch location {
    case .sqlite(let path):
      let store = try SQLiteStore(path: path)
      let count = try await store.articleCount()
      return "\(path): schema up to date (\(count) article\(count == 1 ? "" : "s"))"
    case .postgres(let postgres):
      let database = try await PostgresDatabase.open(postgres, maximumConnections: 2)
      defer { database.close() }
      let applied = try await PostgresMigrations.migrate(database)
      if applied.isEmpty {
        return "\(postgres): schema up to date (version \(PostgresMigrations.latestVersion))"
      }
      let list = applied.map(String.init).joined(separator: ", ")
      return
        "\(postgres): applied migration\(applied.count == 1 ? "" : "s") \(list); schema at version \(PostgresMigrations.latestVersion)"
    }
  }

  /// The store's schema and contents; for PostgreSQL, the ingest queue. Never creates or
  /// migrates anything.
  public static func status(_ location: StoreLocation) async throws(StoreError) -> StoreStatus {
    switch location {
    case .sqlite(let path):
      let store = try SQLiteStore.openForReading(path: path)
      return StoreStatus(
        store: path, backend: "sqlite", articles: try await store.articleCount())
    case .postgres(let postgres):
      let database = try await PostgresDatabase.open(postgres, maximumConnections: 2)
      defer { database.close() }
      let version = try await PostgresMigrations.currentVersion(database)
      var status = StoreStatus(
        store: postgres.description, backend: "postgres", schemaVersion: version,
        latestSchemaVersion: PostgresMigrations.latestVersion)
      if version >= PostgresMigrations.recordVersion {
        status.articles = try await PostgresStore(sharing: database).articleCount()
      }
      if version >= 1 {
        let queue = try await IngestQueue(database: database).status()
        status.queue = StoreStatus.Queue(
          pending: queue.pending, leased: queue.leased, done: queue.done, failed: queue.failed,
          open: queue.open.map {
            StoreStatus.Job(
              input: $0.input, state: $0.state, worker: $0.worker, attempts: $0.attempts,
              error: $0.error, leaseSecondsLeft: $0.leaseSecondsLeft)
          })
      }
      return status
    }
  }
}
