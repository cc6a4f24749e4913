import Foundation
import QuotidianStore
import Testing

@testable import QuotidianStorePostgres

@Suite(
  "PostgreSQL: opening, migrations and the ingest queue",
  .enabled(if: PostgresTestServer.available, PostgresTestServer.skipMessage))
struct PostgresQueueTests {
  @Test("a wrong password is one clear error that does not repeat it")
  func wrongPassword() async throws {
    var location = try PostgresTestServer.baseLocation()
    location.password = "not-the-password-42"
    await #expect {
      _ = try await PostgresDatabase.open(location)
    } throws: { error in
      let text = String(describing: error)
      return text.contains("refused user") && !text.contains("not-the-password-42")
        && (error as? StoreError)?.isFatal == true
    }
  }

  @Test("an unreachable server is reported as such, not retried")
  func unreachable() async throws {
    var location = try PostgresTestServer.baseLocation()
    location.port = 1  // nothing listens on port 1
    await #expect {
      _ = try await PostgresDatabase.open(location)
    } throws: { error in
      let text = String(describing: error)
      return text.contains("cannot reach the server") && text.contains("refused")
        && (error as? StoreError)?.isFatal == true
    }
  }

  @Test("a database that does not exist is named in the error")
  func missingDatabase() async throws {
    var location = try PostgresTestServer.baseLocation()
    location.database = "no_such_database_here"
    await #expect {
      _ = try await PostgresDatabase.open(location)
    } throws: { error in
      String(describing: error).contains("no_such_database_here")
    }
  }

  @Test("migrations apply once, even when four workers start together")
  func migrationsApplyOnce() async throws {
    try await PostgresTestServer.withScratchDatabase { location in
      let applied = try await withThrowingTaskGroup(of: [Int].self) { group in
        for _ in 0..<4 {
          group.addTask {
            let database = try await PostgresDatabase.open(location)
            defer { database.close() }
            return try await PostgresMigrations.migrate(database)
          }
        }
        var all: [Int] = []
        for try await versions in group { all += versions }
        return all
      }
      #expect(applied.sorted() == PostgresMigrations.all.map(\.version).sorted())
      let database = try await PostgresDatabase.open(location)
      defer { database.close() }
      #expect(try await PostgresMigrations.migrate(database).isEmpty)
      #expect(
        try await PostgresMigrations.currentVersion(database) == PostgresMigrations.latestVersion)
    }
  }

  @Test("a schema newer than the binary is refused")
  func newerSchemaRefused() async throws {
    try await PostgresTestServer.withScratchDatabase { location in
      let database = try await PostgresDatabase.open(location)
      defer { database.close() }
      try await PostgresMigrations.migrate(database)
      try await database.execute(
        "INSERT INTO quotidian_schema_migrations (version, name) VALUES (9999, 'from the future')")
      await #expect {
        try await PostgresMigrations.migrate(database)
      } throws: { error in
        String(describing: error).contains("newer than this quotidian knows")
      }
    }
  }

  @Test("concurrent workers claim every job exactly once")
  func claimsAreExclusive() async throws {
    try await PostgresTestServer.withScratchDatabase { location in
      let setup = try await PostgresDatabase.open(location)
      try await PostgresMigrations.migrate(setup)
      let inputs = (0..<300).map { "articles/\($0).txt" }
      let queue = IngestQueue(database: setup, worker: "setup")
      #expect(try await queue.enqueue(inputs, since: try await queue.now()) == 300)
      let claimed = try await withThrowingTaskGroup(of: [String].self) { group in
        for worker in 0..<4 {
          group.addTask {
            let database = try await PostgresDatabase.open(location)
            defer { database.close() }
            let queue = IngestQueue(database: database, worker: "w\(worker)")
            var mine: [String] = []
            while true {
              let jobs = try await queue.claim(limit: 7)
              if jobs.isEmpty { break }
              for job in jobs {
                mine.append(job.input)
                #expect(try await queue.complete(job))
              }
            }
            return mine
          }
        }
        var all: [String] = []
        for try await mine in group { all += mine }
        return all
      }
      #expect(claimed.count == 300)
      #expect(Set(claimed) == Set(inputs))
      let status = try await queue.status()
      #expect(status.done == 300 && status.pending == 0 && status.leased == 0)
      setup.close()
    }
  }

  @Test("a killed worker's job is taken over after its lease; the late worker cannot complete it")
  func expiredLeaseIsTakenOver() async throws {
    try await PostgresTestServer.withScratchDatabase { location in
      let database = try await PostgresDatabase.open(location)
      defer { database.close() }
      try await PostgresMigrations.migrate(database)
      let crashed = IngestQueue(database: database, worker: "crashed", lease: .seconds(600))
      let survivor = IngestQueue(database: database, worker: "survivor", lease: .seconds(600))
      try await crashed.enqueue(["feed.xml"], since: try await crashed.now())
      let taken = try await crashed.claim()
      #expect(taken.map(\.input) == ["feed.xml"])
      #expect(try await survivor.claim().isEmpty, "the lease still runs")
      // The crashed worker stops renewing; its lease runs out (moved into the past here
      // rather than waited for, so that the test does not depend on the machine's speed).
      try await database.execute(
        "UPDATE ingest_jobs SET leased_until = now() - interval '1 second' WHERE worker = 'crashed'"
      )
      let takenOver = try await survivor.claim()
      #expect(takenOver.map(\.input) == ["feed.xml"])
      #expect(takenOver.first?.attempts == 2)
      #expect(try await crashed.complete(taken[0]) == false)
      #expect(try await crashed.renew(taken).isEmpty)
      #expect(try await survivor.complete(takenOver[0]))
    }
  }

  @Test("a lease given as a duration runs out on the server's clock")
  func leaseDuration() async throws {
    try await PostgresTestServer.withScratchDatabase { location in
      let database = try await PostgresDatabase.open(location)
      defer { database.close() }
      try await PostgresMigrations.migrate(database)
      let queue = IngestQueue(database: database, worker: "w", lease: .seconds(90))
      try await queue.enqueue(["a.txt"], since: try await queue.now())
      _ = try await queue.claim()
      let left = try #require(try await queue.status().open.first?.leaseSecondsLeft)
      #expect(left > 30 && left <= 90)
    }
  }

  @Test("a rerun queues finished inputs again; a concurrent worker's enqueue does not")
  func rerunRequeues() async throws {
    try await PostgresTestServer.withScratchDatabase { location in
      let database = try await PostgresDatabase.open(location)
      defer { database.close() }
      try await PostgresMigrations.migrate(database)
      let queue = IngestQueue(database: database, worker: "a")
      let firstRun = try await queue.now()
      #expect(try await queue.enqueue(["a.txt", "b.txt"], since: firstRun) == 2)
      for job in try await queue.claim(limit: 2) { try await queue.complete(job) }
      // A second worker that started with the first run adds nothing.
      #expect(try await queue.enqueue(["a.txt", "b.txt"], since: firstRun) == 0)
      // A later run queues both again.
      try await Task.sleep(for: .milliseconds(20))
      #expect(
        try await queue.enqueue(["a.txt", "b.txt", "c.txt"], since: try await queue.now()) == 3)
    }
  }

  @Test("a failing input is retried, then kept as failed with its error")
  func failuresAreKept() async throws {
    try await PostgresTestServer.withScratchDatabase { location in
      let database = try await PostgresDatabase.open(location)
      defer { database.close() }
      try await PostgresMigrations.migrate(database)
      let queue = IngestQueue(database: database, worker: "w", maximumAttempts: 2)
      try await queue.enqueue(["broken.html"], since: try await queue.now())
      for attempt in 1...2 {
        let jobs = try await queue.claim()
        #expect(jobs.first?.attempts == attempt)
        try await queue.fail(jobs[0], error: "broken.html: error: not valid HTML")
      }
      #expect(try await queue.claim().isEmpty)
      let status = try await queue.status()
      #expect(status.failed == 1)
      #expect(status.open.first?.error == "broken.html: error: not valid HTML")
      #expect(status.open.first?.state == "failed")
    }
  }
}
