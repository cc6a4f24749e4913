import Foundation
import Testing

/// `migrate` and `status`, and what `--db postgres://…` does today.
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
  func articleCommandsOnPostgresSayWhatWorksInsteadOfFailingOnAFile(arguments: [String]) throws {
    let directory = try CLIRunner.temporaryDirectory()
    let run = try CLIRunner(workingDirectory: directory).run(
      arguments + ["--db", "postgres://reader:topsecret@127.0.0.1:1/news"])
    #expect(run.status == 1)
    #expect(run.stderr.contains("only `quotidian migrate` and `quotidian status` work on it"))
    #expect(!run.stderr.contains("topsecret"))
    #expect(!run.stderr.contains("unable to open database file"))
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
}
