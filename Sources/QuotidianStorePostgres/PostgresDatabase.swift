internal import Logging
internal import NIOPosix
internal import NIOSSL
public import PostgresNIO
public import QuotidianStore

/// A pool of connections to one PostgreSQL database, opened from a ``PostgresLocation``.
///
/// Opening checks the server with one connection first, so that an unreachable server, a
/// wrong password or a missing database is one clear ``StoreError`` (never a wait without
/// end, never the password), then runs the pool in the background until ``close()``.
public final class PostgresDatabase: Sendable {
  public let location: PostgresLocation
  let client: PostgresClient
  /// TLS for connections opened outside the pool (the store's writer).
  let connectionTLS: PostgresConnection.Configuration.TLS
  private let runner: Task<Void, Never>

  /// How long opening waits for the server before it reports it unreachable.
  public static let connectTimeout: Duration = .seconds(10)

  private init(
    location: PostgresLocation, client: PostgresClient,
    connectionTLS: PostgresConnection.Configuration.TLS
  ) {
    self.location = location
    self.client = client
    self.connectionTLS = connectionTLS
    self.runner = Task { await client.run() }
  }

  /// Connects to `location`, checking that the server answers and accepts the credentials.
  public static func open(
    _ location: PostgresLocation, maximumConnections: Int = 8
  ) async throws(StoreError) -> PostgresDatabase {
    let tls: PostgresClient.Configuration.TLS
    let connectionTLS: PostgresConnection.Configuration.TLS
    do {
      switch location.tls {
      case .disable:
        tls = .disable
        connectionTLS = .disable
      case .prefer, .require:
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = .none
        let context = try NIOSSLContext(configuration: configuration)
        tls = location.tls == .prefer ? .prefer(configuration) : .require(configuration)
        connectionTLS = location.tls == .prefer ? .prefer(context) : .require(context)
      case .verifyFull:
        let configuration = TLSConfiguration.makeClientConfiguration()
        let context = try NIOSSLContext(configuration: configuration)
        tls = .require(configuration)
        connectionTLS = .require(context)
      }
    } catch {
      throw StoreError(
        operation: "open", reason: "\(location): cannot set up TLS: \(error)", isFatal: true)
    }
    try await probe(location, tls: connectionTLS)
    var configuration = PostgresClient.Configuration(
      host: location.host, port: location.port, username: location.username,
      password: location.password, database: location.database, tls: tls)
    configuration.options.connectTimeout = connectTimeout
    configuration.options.maximumConnections = max(2, maximumConnections)
    configuration.options.additionalStartupParameters = [("application_name", "quotidian")]
    var logger = Logger(label: "quotidian.postgres")
    logger.logLevel = .critical
    let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
    return PostgresDatabase(location: location, client: client, connectionTLS: connectionTLS)
  }

  /// Stops the pool; queries after this fail.
  public func close() {
    runner.cancel()
  }

  deinit {
    runner.cancel()
  }

  /// One connection, opened and closed, so that the first failure is reported as it is
  /// rather than retried by the pool.
  private static func probe(
    _ location: PostgresLocation, tls: PostgresConnection.Configuration.TLS
  ) async throws(StoreError) {
    var configuration = PostgresConnection.Configuration(
      host: location.host, port: location.port, username: location.username,
      password: location.password, database: location.database, tls: tls)
    configuration.options.connectTimeout = .init(connectTimeout)
    var logger = Logger(label: "quotidian.postgres.probe")
    logger.logLevel = .critical
    do {
      let connection = try await PostgresConnection.connect(
        configuration: configuration, id: 0, logger: logger)
      try? await connection.close()
    } catch {
      throw StoreError(postgres: error, operation: "open", location: location, isFatal: true)
    }
  }

  /// Runs `body` in one transaction (`BEGIN` … `COMMIT`, `ROLLBACK` when it throws).
  func transaction<Result: Sendable>(
    _ operation: String,
    _ body: (PostgresConnection) async throws -> Result
  ) async throws(StoreError) -> Result {
    do {
      return try await client.withConnection { connection in
        try await connection.query("BEGIN", logger: Self.quietLogger)
        do {
          let result = try await body(connection)
          try await connection.query("COMMIT", logger: Self.quietLogger)
          return result
        } catch {
          _ = try? await connection.query("ROLLBACK", logger: Self.quietLogger)
          throw error
        }
      }
    } catch let error as StoreError {
      throw error
    } catch {
      throw StoreError(postgres: error, operation: operation, location: location)
    }
  }

  /// Runs `body` on one pooled connection, outside any explicit transaction.
  func withConnection<Result: Sendable>(
    _ operation: String,
    _ body: (PostgresConnection) async throws -> Result
  ) async throws(StoreError) -> Result {
    do {
      return try await client.withConnection { connection in try await body(connection) }
    } catch let error as StoreError {
      throw error
    } catch {
      throw StoreError(postgres: error, operation: operation, location: location)
    }
  }

  /// A connection of its own, outside the pool, opened by blocking the calling thread: for
  /// the store's writer, which runs on a thread of its own (never an event loop, never the
  /// Swift concurrency pool) so that the synchronous catalogs of identity resolution and
  /// linking can wait for each answer.
  func connectBlocking(id: Int) throws(StoreError) -> PostgresConnection {
    var configuration = PostgresConnection.Configuration(
      host: location.host, port: location.port, username: location.username,
      password: location.password, database: location.database, tls: connectionTLS)
    configuration.options.connectTimeout = .init(Self.connectTimeout)
    do {
      return try PostgresConnection.connect(
        on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration, id: id,
        logger: Self.quietLogger
      ).wait()
    } catch {
      throw StoreError(postgres: error, operation: "open", location: location, isFatal: true)
    }
  }

  /// Runs one SQL statement without parameters (administration: databases, schema).
  package func execute(_ sql: String) async throws(StoreError) {
    try await withConnection("execute") { connection in
      _ = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: Self.quietLogger)
    }
  }

  static let quietLogger: Logger = {
    var logger = Logger(label: "quotidian.postgres.query")
    logger.logLevel = .critical
    return logger
  }()
}
