import Foundation
import Testing

/// Commands throw; `QuotidianCommand.main` alone turns an error into one `path: error: …`
/// line on stderr and an exit code (1 for an error, 2 for a usage error), as the README says.
@Suite struct ErrorReportingCLITests {
  /// A directory holding `notes.sqlite`, a text file where a store is expected, and
  /// `empty.sqlite`, a migrated store with no articles.
  static func stores() throws -> CLIRunner {
    let directory = try CLIRunner.temporaryDirectory()
    try Data("Minutes of the Varrow harbour board, not a database.\n".utf8).write(
      to: directory.appendingPathComponent("notes.sqlite"))
    let runner = CLIRunner(workingDirectory: directory)
    let migrate = try runner.run(["migrate", "--db", "empty.sqlite"])
    #expect(migrate.status == 0, "\(migrate.stderr)")
    return runner
  }

  static let notAStore =
    "notes.sqlite: error: store open failed: not a Quotidian store: not an SQLite database "
    + "(left unchanged)\n"

  @Test(
    .bug(id: 22),
    arguments: [
      ["quotes"], ["speakers"], ["entities"], ["stories"], ["story", "1"], ["duplicates"],
      ["rewrites"], ["statements"], ["ledger"], ["claims"], ["speaker", "Ana Lorcan"],
      ["tally", "--speaker", "Lorcan"], ["status"],
    ])
  func aQueryOnAFileThatIsNotAStoreSaysSoOnceAndExitsOne(_ arguments: [String]) throws {
    let run = try Self.stores().run(arguments + ["--db", "notes.sqlite"])
    #expect(run.status == 1)
    #expect(run.stderr == Self.notAStore)
    #expect(run.stdout.isEmpty)
  }

  @Test(
    .bug(id: 22),
    arguments: [
      (["story", "999"], "error: no story with id 999\n"),
      (["speaker", "Ana Lorcan"], "error: no stored speaker matches 'Ana Lorcan'\n"),
    ])
  func aQueryThatFindsNothingItWasAskedForSaysSoOnceAndExitsOne(
    _ arguments: [String], _ message: String
  ) throws {
    let run = try Self.stores().run(arguments + ["--db", "empty.sqlite"])
    #expect(run.status == 1)
    #expect(run.stderr == message)
    #expect(run.stdout.isEmpty)
  }

  static let sqlite3 = "/usr/bin/sqlite3"

  /// A store that opens but cannot run the query (a column of its quotes table renamed by
  /// hand, which the open-time table check does not see): the store error names the store,
  /// once.
  @Test(
    .bug(id: 22),
    .enabled(if: FileManager.default.isExecutableFile(atPath: sqlite3), "needs sqlite3"))
  func aQueryTheStoreCannotRunNamesTheStoreOnceAndExitsOne() throws {
    let runner = try Self.stores()
    let damage = Process()
    damage.executableURL = URL(fileURLWithPath: Self.sqlite3)
    damage.arguments = ["empty.sqlite", "ALTER TABLE quotes RENAME COLUMN text TO words"]
    damage.currentDirectoryURL = runner.workingDirectory
    try damage.run()
    damage.waitUntilExit()
    try #require(damage.terminationStatus == 0)
    let run = try runner.run(["quotes", "--db", "empty.sqlite"])
    #expect(run.status == 1)
    #expect(run.stderr.hasPrefix("empty.sqlite: error: store query failed: "), "\(run.stderr)")
    #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
    #expect(run.stdout.isEmpty)
  }

  @Test(.bug(id: 22))
  func aMissingSubscriptionListIsOneErrorNamingIt() throws {
    let run = try Self.stores().run(["watch", "--once", "absent.opml", "--db", "empty.sqlite"])
    #expect(run.status == 1)
    let lines = run.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(run.stderr)")
    #expect(run.stderr.hasPrefix("absent.opml: error: "), "\(run.stderr)")
  }

  @Test(.bug(id: 22))
  func aBadHiddenScorerChoiceIsAUsageErrorWithExitTwo() throws {
    let run = try Self.stores().run(["extract", "--speaker-scorer", "guess", "absent.txt"])
    #expect(run.status == 2)
    #expect(run.stderr == "error: --speaker-scorer must be priority or learned, not 'guess'\n")
  }

  @Test(.bug(id: 22))
  func aBadOptionValueIsAUsageErrorWithExitTwo() throws {
    let run = try Self.stores().run(["quotes", "--limit", "-3", "--db", "empty.sqlite"])
    #expect(run.status == 2)
    #expect(run.stderr.contains("--limit"), "\(run.stderr)")
    #expect(run.stdout.isEmpty)
  }

  /// A crash says one line, with no backtrace full of build paths, and ends the process with
  /// its signal. The crash is a SIGSEGV sent to `extract -` while it waits for standard
  /// input; a signal that arrives before the handler is set (a loaded machine) is retried
  /// with a longer wait.
  @Test(.bug(id: 22))
  func aCrashIsOneLineWithoutABacktrace() throws {
    var stderr = ""
    var signalled: Int32 = 0
    for wait in [1.0, 3.0, 8.0] {
      let process = Process()
      process.executableURL = CLIRunner.binary
      process.arguments = ["extract", "-"]
      var environment = ProcessInfo.processInfo.environment
      environment.removeValue(forKey: "QUOTIDIAN_BACKTRACE")
      process.environment = environment
      let input = Pipe()
      let err = Pipe()
      process.standardInput = input
      process.standardOutput = FileHandle.nullDevice
      process.standardError = err
      try process.run()
      Thread.sleep(forTimeInterval: wait)
      kill(process.processIdentifier, SIGSEGV)
      stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      try? input.fileHandleForWriting.close()
      #expect(process.terminationReason == .uncaughtSignal)
      signalled = process.terminationStatus
      if !stderr.isEmpty { break }
    }
    #expect(signalled == SIGSEGV)
    #expect(
      stderr
        == "quotidian: internal error: the program crashed; this is a bug, please report it "
        + "with the command and input that caused it\n")
    #expect(!stderr.contains("/"), "no paths: \(stderr)")
  }
}
