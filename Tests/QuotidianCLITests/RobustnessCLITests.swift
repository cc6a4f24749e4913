import Foundation
import Testing

/// What a new or hostile user ran into (issue 11) and SQLite with several processes (issue 10).
/// Serialized: each test waits for child processes, and several at once would hold every
/// thread of the shared pool that the networking tests need.
@Suite(.serialized) struct RobustnessCLITests {
  static func story(_ tag: String) -> String {
    """
    Ferry route \(tag) reopens

    By Ilse Varga

    "The crossing on route \(tag) is safe again," said Tomas Brenner, the harbour master.
    """
  }

  @Test(.bug(id: 10))
  func fourConcurrentIngestsIntoOneFileStoreEveryArticle() async throws {
    let directory = try CLIRunner.temporaryDirectory()
    for process in 0..<4 {
      let inputs = directory.appendingPathComponent("in\(process)")
      try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
      for number in 0..<20 {
        try Data(Self.story("\(process)-\(number)").utf8).write(
          to: inputs.appendingPathComponent("a\(number).txt"))
      }
    }
    let runs = (0..<4).map { process in
      let runner = Process()
      runner.executableURL = CLIRunner.binary
      runner.arguments = ["ingest", "--quiet", "--db", "shared.sqlite", "in\(process)"]
      runner.currentDirectoryURL = directory
      let errors = Pipe()
      runner.standardError = errors
      return (runner, errors)
    }
    for (runner, _) in runs { try runner.run() }
    // Wait without blocking a thread of the shared pool.
    while runs.contains(where: { $0.0.isRunning }) { try await Task.sleep(for: .milliseconds(50)) }
    var messages = ""
    for (runner, errors) in runs {
      messages += String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      #expect(runner.terminationStatus == 0)
    }
    #expect(!messages.contains("locked"), "\(messages)")
    #expect(messages.isEmpty, "\(messages)")
    let quotes = try CLIRunner(workingDirectory: directory).run([
      "quotes", "--db", "shared.sqlite", "--jsonl",
    ])
    #expect(quotes.stdout.split(separator: "\n").count == 80)
  }

  @Test(.bug(id: 11), arguments: ["quotes", "speakers", "entities"])
  func queryCommandsNeverCreateAStore(_ command: String) throws {
    let directory = try CLIRunner.temporaryDirectory()
    let run = try CLIRunner(workingDirectory: directory).run([command, "--db", "typo.sqlite"])
    #expect(run.status == 1)
    #expect(run.stderr.contains("typo.sqlite: error: store open failed: no store at this path"))
    #expect(
      !FileManager.default.fileExists(atPath: directory.appendingPathComponent("typo.sqlite").path))
  }

  @Test(.bug(id: 11))
  func extractOutNeverOverwritesAnInputWithTheSameBaseName() throws {
    let directory = try CLIRunner.temporaryDirectory()
    for folder in ["d1", "d2"] {
      let inputs = directory.appendingPathComponent(folder)
      try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
      try Data(Self.story(folder).utf8).write(to: inputs.appendingPathComponent("a.txt"))
    }
    let run = try CLIRunner(workingDirectory: directory).run(["extract", "d1", "d2", "--out", "o"])
    #expect(run.status == 0)
    let written = try FileManager.default.contentsOfDirectory(
      atPath: directory.appendingPathComponent("o").path
    ).sorted()
    #expect(written == ["a-2.json", "a.json"])
    #expect(run.stderr.contains("d2/a.txt: note: written to o/a-2.json"))
    let second = try String(
      contentsOf: directory.appendingPathComponent("o/a-2.json"), encoding: .utf8)
    #expect(second.contains("route d2"))
  }

  @Test(
    .bug(id: 11),
    arguments: [
      (["--since", "2026-13-01"], "month 13 does not exist"),
      (["--since", "2026-02-30"], "February 2026 has no day 30"),
      (["--until", "2026-03-01T25:00"], "hour 25 does not exist"),
      (["--limit=-1"], "--limit must be 0 or more"),
      (["--search", "\"unclosed"], "unterminated phrase"),
      (["--speaker", String(repeating: "x", count: 100_000)], "--speaker is too long"),
    ])
  func badQueryValuesAreUsageErrorsThatSayWhatIsWrong(_ arguments: [String], _ message: String)
    throws
  {
    let directory = try CLIRunner.temporaryDirectory()
    let run = try CLIRunner(workingDirectory: directory).run(["quotes"] + arguments)
    #expect(run.status == 2)
    #expect(run.stderr.contains(message), "\(run.stderr.prefix(300))")
  }

  @Test(.bug(id: 11))
  func noRawSQLiteMessageReachesTheUser() throws {
    let directory = try CLIRunner.temporaryDirectory()
    try Data(Self.story("x").utf8).write(to: directory.appendingPathComponent("a.txt"))
    let cli = CLIRunner(workingDirectory: directory)
    _ = try cli.run(["ingest", "a.txt"])
    let hundred = Array(repeating: "ferry", count: 100).joined(separator: " ")
    for arguments in [
      ["quotes", "--search", hundred],
      ["quotes", "--speaker", String(repeating: "Brenner ", count: 120)],
      ["entities", "--name", String(repeating: "n", count: 999)],
      ["speaker", String(repeating: "Tomas ", count: 160)],
    ] {
      let run = try cli.run(arguments)
      for raw in ["fts5", "LIKE or GLOB", "sqlite", "SQLITE", "syntax error"] {
        #expect(!run.stderr.contains(raw), "\(arguments.first ?? ""): \(run.stderr.prefix(300))")
      }
    }
  }

  @Test(.bug(id: 11))
  func aCharacterDeviceGivesASensibleMessage() throws {
    let run = try CLIRunner(workingDirectory: try CLIRunner.temporaryDirectory()).run([
      "extract", "/dev/zero",
    ])
    #expect(run.status == 1)
    #expect(run.stderr == "/dev/zero: error: cannot read: not a regular file (character device)\n")
  }

  @Test(.bug(id: 11))
  func controlBytesFromInputsAreEscapedOnStderr() throws {
    let directory = try CLIRunner.temporaryDirectory()
    let name = "bad\u{1B}[2Jname.txt"
    try Data().write(to: directory.appendingPathComponent(name))
    let run = try CLIRunner(workingDirectory: directory).run(["extract", name])
    #expect(!run.stderr.contains("\u{1B}"))
    #expect(run.stderr.contains("bad\\u{1B}[2Jname.txt: error: empty"))
  }
}
