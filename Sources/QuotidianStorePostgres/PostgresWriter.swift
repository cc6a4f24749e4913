import Foundation
internal import NIOCore
internal import PostgresNIO
import QuotidianStore

/// A value bound to a `$n` parameter.
enum SQLValue {
  case text(String?)
  case int(Int64?)
  case real(Double?)
  case bool(Bool?)
  case bytes([UInt8]?)
  case texts([String])
  case ints([Int64])

  static func int(_ value: Int?) -> SQLValue { .int(value.map(Int64.init)) }
}

/// One PostgreSQL connection used synchronously: every call sends its statement and blocks
/// the calling thread until the answer.
///
/// Identity resolution and linking decide through the synchronous ``IdentityCatalog`` and
/// ``LinkCatalog`` protocols, whose SQLite conformances run inside GRDB's synchronous
/// transaction closure. Rather than write those decisions a second time in async form, the
/// PostgreSQL store runs its writer on a thread of its own (``PostgresWriter``), where
/// waiting for an `EventLoopFuture` is legal: it is neither an event loop nor a thread of the
/// Swift concurrency pool, so blocking it starves nothing else.
final class BlockingConnection {
  let connection: PostgresConnection

  init(_ connection: PostgresConnection) { self.connection = connection }

  var isClosed: Bool { connection.isClosed }

  /// Statements sent and not yet waited for (see ``execute(_:_:)``).
  private var pending: [EventLoopFuture<PostgresQueryResult>] = []

  /// The rows of `sql` with `values` bound to `$1`, `$2`, … The server answers statements in
  /// the order they were sent, so the rows reflect every write sent before. When it fails
  /// after a pipelined write failed, the write's error (the cause) is thrown.
  @discardableResult
  func rows(_ sql: String, _ values: [SQLValue] = []) throws -> [PostgresRow] {
    let query = PostgresQuery(unsafeSQL: sql, binds: try Self.bindings(values))
    let future: EventLoopFuture<PostgresQueryResult> = connection.query(
      query, logger: PostgresDatabase.quietLogger)
    do {
      return try future.wait().rows
    } catch {
      if let cause = drain() { throw cause }
      throw error
    }
  }

  /// Sends a write without waiting for its answer (pipelining: one round trip saved per
  /// statement); its error, if any, is thrown by the next ``control(_:)``, ``flush()`` or
  /// failing read.
  func execute(_ sql: String, _ values: [SQLValue] = []) throws {
    let query = PostgresQuery(unsafeSQL: sql, binds: try Self.bindings(values))
    pending.append(connection.query(query, logger: PostgresDatabase.quietLogger))
  }

  /// Waits for every pipelined write; throws the first one's error.
  func flush() throws {
    if let error = drain() { throw error }
  }

  /// Waits for every pipelined write and returns the first error.
  @discardableResult
  func drain() -> (any Error)? {
    var first: (any Error)?
    for future in pending {
      do { _ = try future.wait() } catch { if first == nil { first = error } }
    }
    pending.removeAll()
    return first
  }

  /// A transaction statement (`BEGIN`, `SAVEPOINT`, `RELEASE`, `COMMIT`): the pipelined
  /// writes are waited for first, so that their errors belong to the article that sent them.
  /// After a failure, `discardingPending` drops what was sent (rolling back).
  func control(_ sql: String, discardingPending: Bool = false) throws {
    if discardingPending { drain() } else { try flush() }
    try rows(sql)
  }

  /// The first column of the first row, if any.
  func value<T: PostgresDecodable>(_ type: T.Type, _ sql: String, _ values: [SQLValue] = [])
    throws -> T?
  {
    guard let cell = try rows(sql, values).first?.first(where: { _ in true }), cell.bytes != nil
    else { return nil }
    return try cell.decode(T.self)
  }

  /// Inserts `rows` (each one value per column) in multi-row `INSERT`s of at most a
  /// thousand rows (PostgreSQL takes at most 65,535 parameters a statement), then `suffix`
  /// (`ON CONFLICT …`).
  func insert(
    into table: String, columns: [String], rows: [[SQLValue]], suffix: String = "",
    castingLast cast: String? = nil
  ) throws {
    guard !rows.isEmpty else { return }
    let width = columns.count
    let perStatement = max(1, min(1000, 60_000 / max(1, width)))
    var start = 0
    while start < rows.count {
      let chunk = rows[start..<min(start + perStatement, rows.count)]
      var tuples: [String] = []
      var values: [SQLValue] = []
      var parameter = 1
      for row in chunk {
        precondition(row.count == width, "one value per column")
        var placeholders = (parameter..<(parameter + width)).map { "$\($0)" }
        if let cast { placeholders[width - 1] += "::" + cast }
        tuples.append("(" + placeholders.joined(separator: ", ") + ")")
        parameter += width
        values += row
      }
      try execute(
        "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
          + tuples.joined(separator: ", ") + (suffix.isEmpty ? "" : " " + suffix), values)
      start += perStatement
    }
  }

  static func bindings(_ values: [SQLValue]) throws -> PostgresBindings {
    var bindings = PostgresBindings(capacity: values.count)
    for value in values {
      switch value {
      case .text(let text): bindings.append(text)
      case .int(let number): bindings.append(number)
      case .real(let number): bindings.append(number)
      case .bool(let flag): bindings.append(flag)
      case .bytes(let bytes):
        if let bytes {
          bindings.append(ByteBuffer(bytes: bytes))
        } else {
          bindings.appendNull()
        }
      case .texts(let texts): bindings.append(texts)
      case .ints(let numbers): bindings.append(numbers)
      }
    }
    return bindings
  }
}

/// The store's single writer: a serial queue of its own, holding one connection, on which
/// every save runs synchronously (see ``BlockingConnection`` for why).
///
/// GCD's threads are not the Swift concurrency pool's, so a save blocking here never holds up
/// the tasks that analyse articles or answer queries.
final class PostgresWriter: @unchecked Sendable {
  private let queue = DispatchQueue(label: "quotidian.postgres.writer")
  private let database: PostgresDatabase
  /// Only touched on `queue`.
  private var connection: BlockingConnection?

  init(database: PostgresDatabase) { self.database = database }

  /// Runs `body` on the writer's thread with its connection (reopened when the server
  /// closed it), and returns its result to the awaiting task; `unavailable` makes the result
  /// when no connection can be opened.
  func run<Result: Sendable>(
    _ body: @escaping @Sendable (BlockingConnection) -> Result,
    unavailable: @escaping @Sendable (StoreError) -> Result
  ) async -> Result {
    await withCheckedContinuation { continuation in
      queue.async {
        switch self.currentConnection() {
        case .success(let connection): continuation.resume(returning: body(connection))
        case .failure(let error): continuation.resume(returning: unavailable(error))
        }
      }
    }
  }

  /// The open connection; a closed one is replaced.
  private func currentConnection() -> Swift.Result<BlockingConnection, StoreError> {
    if let connection, !connection.isClosed { return .success(connection) }
    do {
      let fresh = BlockingConnection(try database.connectBlocking(id: 1))
      connection = fresh
      return .success(fresh)
    } catch {
      connection = nil
      return .failure(error)
    }
  }

  func close() {
    queue.sync {
      if let connection { try? connection.connection.close().wait() }
      connection = nil
    }
  }

  deinit {
    // A store dropped without close(): the connection is closed in the background (the
    // callback keeps it alive until then), never left for PostgresNIO to find open.
    if let open = connection?.connection, !open.isClosed {
      open.close().whenComplete { _ in _ = open }
    }
  }
}
