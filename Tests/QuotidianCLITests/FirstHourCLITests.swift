import Foundation
import Testing

/// The small things a new user met in the first hour (issue 22, item 7).
@Suite(.serialized) struct FirstHourCLITests {
  static let story = """
    Ferry route 9 reopens

    “The crossing is safe again,” said Tomas Brenner, the harbour master.
    """

  @Test(.bug(id: 22))
  func aDashReadsTheArticleFromStandardInput() throws {
    let directory = try CLIRunner.temporaryDirectory()
    let input = directory.appendingPathComponent("story.txt")
    try Data(Self.story.utf8).write(to: input)
    let process = Process()
    process.executableURL = CLIRunner.binary
    process.arguments = ["extract", "-"]
    process.standardInput = try FileHandle(forReadingFrom: input)
    let out = Pipe()
    process.standardOutput = out
    process.standardError = Pipe()
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(String(decoding: data, as: UTF8.self).contains("Tomas Brenner"))
  }

  @Test(.bug(id: 22))
  func aFailedFirstIngestLeavesNoEmptyStoreBehind() throws {
    let directory = try CLIRunner.temporaryDirectory()
    let run = try CLIRunner(workingDirectory: directory).run([
      "ingest", "--db", "new.sqlite", "missing.txt",
    ])
    #expect(run.status == 1)
    #expect(run.stderr.contains("missing.txt: error:"))
    #expect(
      !FileManager.default.fileExists(atPath: directory.appendingPathComponent("new.sqlite").path))
  }

  @Test(.bug(id: 22))
  func extractJSONWithoutExplainIsAUsageError() throws {
    let directory = try CLIRunner.temporaryDirectory()
    try Data(Self.story.utf8).write(to: directory.appendingPathComponent("a.txt"))
    let run = try CLIRunner(workingDirectory: directory).run(["extract", "--json", "a.txt"])
    #expect(run.status == 2)
    #expect(run.stderr.contains("--json needs --explain"))
  }

  @Test(.bug(id: 22))
  func watchHelpPrintsEachDefaultOnce() throws {
    let run = try CLIRunner(workingDirectory: try CLIRunner.temporaryDirectory()).run([
      "watch", "--help",
    ])
    for value in ["15m", "20"] {
      let line = run.stdout.split(separator: "\n").first {
        $0.contains("default: \(value)")
      }
      #expect(line != nil, "\(value)")
      #expect(line.map { $0.components(separatedBy: "default").count - 1 } == 1, "\(line ?? "")")
    }
  }

  @Test(.bug(id: 22))
  func twoPeopleSharingASurnameAreAnAmbiguityForSpeakerAndTally() throws {
    let directory = try CLIRunner.temporaryDirectory()
    try Data(
      """
      Two Kesslers at the dam

      “The reservoir fills by June,” said Marta Kessler, the energy minister.

      “The turbines are ready,” said Paul Kessler, the chief engineer, no relation.
      """.utf8
    ).write(to: directory.appendingPathComponent("dam.txt"))
    let runner = CLIRunner(workingDirectory: directory)
    #expect(try runner.run(["ingest", "--quiet", "--db", "s.sqlite", "dam.txt"]).status == 0)
    let speaker = try runner.run(["speaker", "--db", "s.sqlite", "Kessler"])
    #expect(speaker.status == 1)
    #expect(speaker.stderr.contains("names 2 different speakers"), "\(speaker.stderr)")
    #expect(!speaker.stderr.contains("store query failed"))
    let tally = try runner.run(["tally", "--db", "s.sqlite", "--speaker", "Kessler"])
    #expect(tally.status == 1)
    #expect(tally.stderr.contains("names 2 different speakers"), "\(tally.stderr)")
    let one = try runner.run(["tally", "--db", "s.sqlite", "--speaker", "Paul Kessler"])
    #expect(one.status == 0, "\(one.stderr)")
  }

  @Test(.bug(id: 22))
  func aStoreMissingItsSearchTableIsACleanError() throws {
    let directory = try CLIRunner.temporaryDirectory()
    try Data(Self.story.utf8).write(to: directory.appendingPathComponent("a.txt"))
    let runner = CLIRunner(workingDirectory: directory)
    #expect(try runner.run(["ingest", "--quiet", "--db", "s.sqlite", "a.txt"]).status == 0)
    let drop = Process()
    drop.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    drop.arguments = [
      "-c",
      "import sqlite3; c = sqlite3.connect('s.sqlite'); c.execute('DROP TABLE quotes_fts'); c.commit()",
    ]
    drop.currentDirectoryURL = directory
    try drop.run()
    drop.waitUntilExit()
    let run = try runner.run(["quotes", "--db", "s.sqlite", "--search", "crossing"])
    #expect(run.status == 1)
    #expect(run.stderr.contains("the store is damaged: its table 'quotes_fts' is missing"))
    #expect(!run.stderr.contains("fts5") && !run.stderr.contains("no such table"))
  }

  @Test(.bug(id: 22))
  func anUnknownHostIsNamedPlainly() throws {
    let directory = try CLIRunner.temporaryDirectory()
    let run = try CLIRunner(workingDirectory: directory).run([
      "ingest", "--db", "s.sqlite", "http://no-such-host.invalid/story",
    ])
    #expect(run.status == 1)
    #expect(run.stderr.contains("unknown host"), "\(run.stderr)")
    #expect(!run.stderr.contains("SocketAddressError"))
  }
}
