public import Foundation
internal import PostgresNIO
public import QuotidianStore

/// The queue of inputs (files and URLs) that ingest workers on many machines share.
///
/// Every input is one row of `ingest_jobs`. A worker *claims* jobs with
/// `FOR UPDATE SKIP LOCKED`, so two workers never take the same job, and holds each under a
/// *lease*: a worker killed mid-job stops renewing it, and after the lease runs out any
/// worker takes the job over. Storing an article is idempotent (its content hash is unique),
/// so a job done twice — a lease that ran out just before its worker finished — stores
/// nothing twice.
public struct IngestQueue: Sendable {
  /// A claimed job.
  public struct Job: Hashable, Sendable {
    public var id: Int64
    public var input: String
    public var attempts: Int
  }

  /// One line of `status`.
  public struct Entry: Hashable, Sendable {
    public var input: String
    public var state: String
    public var worker: String?
    public var attempts: Int
    public var error: String?
    /// Seconds until the lease runs out (negative when it has run out), for leased jobs.
    public var leaseSecondsLeft: Double?
  }

  /// Counts by state, and the jobs that are not done.
  public struct Status: Hashable, Sendable {
    public var pending = 0
    public var leased = 0
    public var done = 0
    public var failed = 0
    public var open: [Entry] = []
  }

  public let database: PostgresDatabase
  /// Who holds a lease: host name and process id by default.
  public let worker: String
  /// How long a claimed job stays this worker's without a renewal.
  public let lease: Duration
  /// After this many failed attempts a job is `failed` and left alone.
  public let maximumAttempts: Int

  public init(
    database: PostgresDatabase, worker: String = IngestQueue.defaultWorkerName(),
    lease: Duration = .seconds(60), maximumAttempts: Int = 3
  ) {
    self.database = database
    self.worker = worker
    self.lease = lease
    self.maximumAttempts = maximumAttempts
  }

  public static func defaultWorkerName() -> String {
    "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"
  }

  private var leaseSeconds: Double {
    let parts = lease.components
    return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
  }

  /// The database's clock: workers on several machines agree on it, not on theirs.
  public func now() async throws(StoreError) -> Date {
    try await database.withConnection("query") { connection in
      var value = Date()
      for try await date in try await connection.query(
        "SELECT now()", logger: PostgresDatabase.quietLogger
      ).decode(Date.self) {
        value = date
      }
      return value
    }
  }

  /// Adds `inputs` to the queue. An input already queued keeps its row; one that was done
  /// or failed before `since` (a new run of the same inputs) is queued again, so a rerun
  /// re-reads it — and finds its articles already stored. Returns how many rows became
  /// pending.
  @discardableResult
  public func enqueue(_ inputs: [String], since: Date) async throws(StoreError) -> Int {
    guard !inputs.isEmpty else { return 0 }
    let unique = Array(Set(inputs)).sorted()
    return try await database.transaction("enqueue") { connection in
      var count = 0
      for chunk in stride(from: 0, to: unique.count, by: 1000) {
        let slice = Array(unique[chunk..<min(chunk + 1000, unique.count)])
        let rows = try await connection.query(
          """
          INSERT INTO ingest_jobs (input)
          SELECT unnest(\(slice)::text[])
          ON CONFLICT (input) DO UPDATE
            SET state = 'pending', attempts = 0, error = NULL, worker = NULL,
                leased_until = NULL, updated_at = now()
            WHERE ingest_jobs.state IN ('done', 'failed') AND ingest_jobs.updated_at < \(since)
          RETURNING id
          """, logger: PostgresDatabase.quietLogger)
        for try await _ in rows.decode(Int64.self) { count += 1 }
      }
      return count
    }
  }

  /// Takes up to `limit` jobs: pending ones, and leased ones whose lease ran out, oldest
  /// first, skipping rows another worker is claiming at this moment.
  public func claim(limit: Int = 1) async throws(StoreError) -> [Job] {
    let seconds = leaseSeconds
    let worker = self.worker
    return try await database.transaction("claim") { connection in
      let rows = try await connection.query(
        """
        UPDATE ingest_jobs SET state = 'leased', worker = \(worker),
          leased_until = now() + make_interval(secs => \(seconds)),
          attempts = attempts + 1, updated_at = now()
        WHERE id IN (
          SELECT id FROM ingest_jobs
          WHERE state = 'pending' OR (state = 'leased' AND leased_until < now())
          ORDER BY id LIMIT \(limit) FOR UPDATE SKIP LOCKED)
        RETURNING id, input, attempts
        """, logger: PostgresDatabase.quietLogger)
      var jobs: [Job] = []
      for try await (id, input, attempts) in rows.decode((Int64, String, Int).self) {
        jobs.append(Job(id: id, input: input, attempts: attempts))
      }
      return jobs.sorted { $0.id < $1.id }
    }
  }

  /// Extends the lease of `jobs` this worker still holds; returns the ids it still holds
  /// (a job whose lease ran out and was taken over is no longer this worker's).
  @discardableResult
  public func renew(_ jobs: [Job]) async throws(StoreError) -> Set<Int64> {
    guard !jobs.isEmpty else { return [] }
    let ids = jobs.map(\.id)
    let seconds = leaseSeconds
    let worker = self.worker
    return try await database.withConnection("renew") { connection in
      var held: Set<Int64> = []
      for try await id in try await connection.query(
        """
        UPDATE ingest_jobs SET leased_until = now() + make_interval(secs => \(seconds)),
          updated_at = now()
        WHERE id = ANY(\(ids)::bigint[]) AND state = 'leased' AND worker = \(worker)
        RETURNING id
        """, logger: PostgresDatabase.quietLogger
      ).decode(Int64.self) {
        held.insert(id)
      }
      return held
    }
  }

  /// Marks `job` done. Returns false when the job is no longer this worker's (its lease ran
  /// out and another worker took it over); its articles are stored either way.
  @discardableResult
  public func complete(_ job: Job) async throws(StoreError) -> Bool {
    let worker = self.worker
    return try await database.withConnection("complete") { connection in
      var updated = false
      for try await _ in try await connection.query(
        """
        UPDATE ingest_jobs SET state = 'done', leased_until = NULL, error = NULL,
          updated_at = now()
        WHERE id = \(job.id) AND state = 'leased' AND worker = \(worker)
        RETURNING id
        """, logger: PostgresDatabase.quietLogger
      ).decode(Int64.self) {
        updated = true
      }
      return updated
    }
  }

  /// Records that `job` failed with `error`: it goes back to pending for another attempt,
  /// or to `failed` after ``maximumAttempts``.
  public func fail(_ job: Job, error: String) async throws(StoreError) {
    let worker = self.worker
    let maximum = maximumAttempts
    let message = String(error.prefix(2000))
    try await database.withConnection("fail") { connection in
      _ = try await connection.query(
        """
        UPDATE ingest_jobs SET
          state = CASE WHEN attempts >= \(maximum) THEN 'failed' ELSE 'pending' END,
          leased_until = NULL, error = \(message), updated_at = now()
        WHERE id = \(job.id) AND state = 'leased' AND worker = \(worker)
        """, logger: PostgresDatabase.quietLogger)
    }
  }

  /// How many of `inputs` are still pending or leased (by any worker): a worker waits for
  /// them before it reports its run done, so that a job whose worker was killed is taken over
  /// once its lease runs out.
  public func unfinished(among inputs: [String]) async throws(StoreError) -> Int {
    guard !inputs.isEmpty else { return 0 }
    return try await database.withConnection("status") { connection in
      var count = 0
      for try await value in try await connection.query(
        """
        SELECT count(*) FROM ingest_jobs
        WHERE input = ANY(\(inputs)::text[]) AND state IN ('pending', 'leased')
        """, logger: PostgresDatabase.quietLogger
      ).decode(Int.self) {
        count = value
      }
      return count
    }
  }

  /// Counts by state and every job that is not done.
  public func status() async throws(StoreError) -> Status {
    var status = try await database.withConnection("status") { connection in
      var status = Status()
      for try await (state, count) in try await connection.query(
        "SELECT state, COUNT(*) FROM ingest_jobs GROUP BY state",
        logger: PostgresDatabase.quietLogger
      ).decode((String, Int).self) {
        switch state {
        case "pending": status.pending = count
        case "leased": status.leased = count
        case "done": status.done = count
        case "failed": status.failed = count
        default: continue
        }
      }
      return status
    }
    status.open = try await openEntries()
    return status
  }

  /// The jobs not done (pending, leased, failed), oldest first, at most 1,000.
  private func openEntries() async throws(StoreError) -> [Entry] {
    try await database.withConnection("status") { connection in
      var entries: [Entry] = []
      for try await (input, state, worker, attempts, error, left) in try await connection.query(
        """
        SELECT input, state, worker, attempts, error,
          EXTRACT(EPOCH FROM (leased_until - now()))::float8
        FROM ingest_jobs WHERE state <> 'done' ORDER BY id LIMIT 1000
        """, logger: PostgresDatabase.quietLogger
      ).decode((String, String, String?, Int, String?, Double?).self) {
        entries.append(
          Entry(
            input: input, state: state, worker: worker, attempts: attempts, error: error,
            leaseSecondsLeft: left))
      }
      return entries
    }
  }
}
