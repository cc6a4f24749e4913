import Foundation
import Testing

/// `migrate` and `status`, and what `--db postgres://…` does.
@Suite struct StoreMaintenanceCLITests {
  static let postgresURL = ProcessInfo.processInfo.environment["QUOTIDIAN_TEST_POSTGRES_URL"]
  static let postgresRequired =
    ProcessInfo.processInfo.environment["QUOTIDIAN_REQUIRE_POSTGRES"] == "1"

  @Test func migrateCreatesAnSQLiteStoreAndStatusCountsItsArticles() throws {
    let directory = try CLIRunner.temporaryDirectory()
    let runner = CLIRunner(workingDirectory: directory)
    let migrate = try runner.run(["migrate", "--db", "new.sqlite"])
    #expect(migrate.status == 0, "\(migrate.stderr)")
    #expect(migrate.stdout.contains("new.sqlite: schema up to date (0 articles)"))
    let status = try runner.run(["status", "--db", "new.sqlite", "--json"])
    #expect(status.status == 0, "\(status.stderr)")
    #expect(status.stdout.contains("\"articles\" : 0"))
    #expect(status.stdout.contains("\"backend\" : \"sqlite\""))
  }

  @Test func statusOfAMissingStoreFailsAndCreatesNothing() throws {
    let directory = try CLIRunner.temporaryDirectory()
    let run = try CLIRunner(workingDirectory: directory).run(["status", "--db", "absent.sqlite"])
    #expect(run.status == 1)
    #expect(run.stderr.contains("absent.sqlite"))
    #expect(
      !FileManager.default.fileExists(
        atPath: directory.appendingPathComponent("absent.sqlite").path))
  }

  @Test(arguments: [["quotes"], ["speakers"], ["ingest", "x.txt"]])
  func articleCommandsOnAnUnreachablePostgresServerSaySoWithoutThePassword(arguments: [String])
    throws
  {
    let directory = try CLIRunner.temporaryDirectory()
    let run = try CLIRunner(workingDirectory: directory).run(
      arguments + ["--db", "postgres://reader:topsecret@127.0.0.1:1/news"])
    #expect(run.status == 1)
    #expect(run.stderr.contains("postgres://reader@127.0.0.1:1/news: cannot reach the server"))
    #expect(!run.stderr.contains("topsecret"))
    #expect(!run.stderr.contains("unable to open database file"))
  }

  @Test func watchOnAnUnreachablePostgresServerSaysSoWithoutThePassword() throws {
    let directory = try CLIRunner.temporaryDirectory()
    try "https://example.org/feed\n".write(
      to: directory.appendingPathComponent("feeds.txt"), atomically: true, encoding: .utf8)
    let run = try CLIRunner(workingDirectory: directory).run(
      ["watch", "feeds.txt", "--once", "--db", "postgres://reader:topsecret@127.0.0.1:1/news"])
    #expect(run.status == 1)
    #expect(run.stderr.contains("postgres://reader@127.0.0.1:1/news: cannot reach the server"))
    #expect(!run.stderr.contains("topsecret"))
  }

  @Test func anUnreachablePostgresServerIsOneClearError() throws {
    let directory = try CLIRunner.temporaryDirectory()
    let run = try CLIRunner(workingDirectory: directory).run(
      ["status", "--db", "postgres://reader:topsecret@127.0.0.1:1/news"])
    #expect(run.status == 1)
    #expect(run.stderr.contains("postgres://reader@127.0.0.1:1/news: cannot reach the server"))
    #expect(!run.stderr.contains("topsecret"))
  }

  @Test(
    .enabled(
      if: postgresURL != nil || postgresRequired,
      "no PostgreSQL server: set QUOTIDIAN_TEST_POSTGRES_URL (scripts/pg-test-cluster start prints one)"
    ))
  func migrateThenStatusOnPostgres() throws {
    let url = try #require(Self.postgresURL)
    let runner = CLIRunner(workingDirectory: try CLIRunner.temporaryDirectory())
    let migrate = try runner.run(["migrate", "--db", url])
    #expect(migrate.status == 0, "\(migrate.stderr)")
    #expect(migrate.stdout.contains("schema"))
    let again = try runner.run(["migrate", "--db", url])
    #expect(again.stdout.contains("schema up to date"))
    let status = try runner.run(["status", "--db", url])
    #expect(status.status == 0, "\(status.stderr)")
    #expect(status.stdout.contains("(postgres)"))
    #expect(status.stdout.contains("ingest queue:"))
    #expect(!status.stdout.contains(":quotidian@"))
  }

  @Test(
    .enabled(
      if: postgresURL != nil || postgresRequired,
      "no PostgreSQL server: set QUOTIDIAN_TEST_POSTGRES_URL (scripts/pg-test-cluster start prints one)"
    ))
  func ingestAndQueriesOnPostgresAnswerAsOnSQLite() throws {
    let base = try #require(Self.postgresURL)
    let directory = try CLIRunner.temporaryDirectory()
    let runner = CLIRunner(workingDirectory: directory)
    // A database of its own, so that other tests' rows do not count.
    let name = "qcli_\(UInt32.random(in: 0...UInt32.max))"
    let slash = try #require(base.lastIndex(of: "/"))
    let url = base[..<slash] + "/" + name
    let created = try Self.psql(base, "CREATE DATABASE \(name)")
    try #require(created, "psql could not create the test database")
    defer { _ = try? Self.psql(base, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
    let article = directory.appendingPathComponent("harbour.txt")
    try """
    Port Alder, March 3, 2026 — The council approved the harbour plan on Tuesday.
    "This is a gamble with public money," said Tomás Ruiz, the opposition leader.
    Mayor Ana Vidal said the plan "will bring the ferries back by the summer".
    """.write(to: article, atomically: true, encoding: .utf8)
    for db in [url, "local.sqlite"] {
      let ingest = try runner.run(["ingest", article.path, "--db", db])
      #expect(ingest.status == 0, "\(ingest.stderr)")
      #expect(!ingest.stderr.contains(":quotidian@"))
    }
    let again = try runner.run(["ingest", article.path, "--db", url])
    #expect(again.stderr.contains("0 new articles"), "\(again.stderr)")
    for query in [["quotes"], ["speakers"], ["entities"], ["quotes", "--search", "public money"]] {
      let onPostgres = try runner.run(query + ["--json", "--db", url])
      let onSQLite = try runner.run(query + ["--json", "--db", "local.sqlite"])
      #expect(onPostgres.status == 0, "\(onPostgres.stderr)")
      #expect(onPostgres.stdout == onSQLite.stdout, "\(query)")
      #expect(onPostgres.stdout.count > 10)
    }
  }

  /// Runs one statement with `psql` against the database of `url`; false when psql is absent.
  static func psql(_ url: String, _ sql: String) throws -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["psql", url, "-qc", sql]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus == 0
  }

  @Test(
    .enabled(
      if: postgresURL != nil || postgresRequired,
      "no PostgreSQL server: set QUOTIDIAN_TEST_POSTGRES_URL (scripts/pg-test-cluster start prints one)"
    ))
  func twoWorkersOnTwoCopiesStoreEachArticleOnce() throws {
    let base = try #require(Self.postgresURL)
    let directory = try CLIRunner.temporaryDirectory()
    let runner = CLIRunner(workingDirectory: directory)
    let name = "qcli_\(UInt32.random(in: 0...UInt32.max))"
    let slash = try #require(base.lastIndex(of: "/"))
    let url = base[..<slash] + "/" + name
    try #require(try Self.psql(base, "CREATE DATABASE \(name)"), "psql could not create it")
    defer { _ = try? Self.psql(base, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
    let people = ["Ines Harrow", "Bruno Calloway", "Petra Lindqvist", "Omar Vell", "Lucia Brand"]
    for copy in ["a", "b"] {
      let folder = directory.appendingPathComponent(copy)
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      for (index, person) in people.enumerated() {
        try """
        Brightwater, May \(index + 2), 2026 — The town council met on the ferry timetable.
        "The \(index + 1) o'clock crossing stays on the timetable this summer," said \(person), \
        who chairs the harbour committee.
        """.write(
          to: folder.appendingPathComponent("story-\(index).txt"), atomically: true,
          encoding: .utf8)
      }
    }
    let results = Results()
    DispatchQueue.concurrentPerform(iterations: 2) { worker in
      let run = try? runner.run(["ingest", worker == 0 ? "a" : "b", "--db", url])
      results.set(worker, run)
    }
    for run in results.all {
      let run = try #require(run)
      #expect(run.status == 0, "\(run.stderr)")
    }
    let quotes = try runner.run(["quotes", "--json", "--db", url])
    let stored = try JSONSerialization.jsonObject(with: Data(quotes.stdout.utf8)) as? [Any]
    #expect(stored?.count == people.count, "\(quotes.stdout)")
    let copies = try runner.run(["duplicates", "--json", "--db", url])
    let listed = try JSONSerialization.jsonObject(with: Data(copies.stdout.utf8)) as? [Any]
    #expect(listed?.count == people.count, "every article of one copy is a sighting of the other")
    let status = try runner.run(["status", "--db", url])
    #expect(status.stdout.contains("10 done"), "\(status.stdout)")
    #expect(status.stdout.contains("articles: \(people.count)"), "\(status.stdout)")
    // A rerun adds nothing.
    let again = try runner.run(["ingest", "a", "b", "--db", url])
    #expect(again.status == 0, "\(again.stderr)")
    #expect(again.stderr.contains("ingested 0 new articles"), "\(again.stderr)")
  }
}

/// The runs of processes started at once.
final class Results: @unchecked Sendable {
  private let lock = NSLock()
  private var runs: [CLIRunner.Run?] = [nil, nil]
  func set(_ index: Int, _ run: CLIRunner.Run?) { lock.withLock { runs[index] = run } }
  var all: [CLIRunner.Run?] { lock.withLock { runs } }
}
