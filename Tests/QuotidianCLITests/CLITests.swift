import Foundation
import Testing

/// The CLI as a user runs it: arguments in, stdout/stderr/exit code out.
@Suite struct CLITests {
  /// A short wire report we wrote for these tests.
  static let article = """
    Harbour strike enters second week

    PORT ALDER — Dock workers in Port Alder voted on Tuesday to extend their strike.

    "We are not going back until the cranes are safe," said Mara Okonjo, the union's chief steward.

    The port authority said in a statement that talks would resume on Friday. "Our door remains open," \
    said Tomas Wren, the authority's director.
    """

  func writeArticle(in directory: URL, name: String = "strike.txt", text: String = article) throws
    -> URL
  {
    let url = directory.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url
  }

  @Test func helpListsEverySubcommand() throws {
    let run = try CLIRunner(workingDirectory: CLIRunner.temporaryDirectory()).run(["--help"])
    #expect(run.status == 0)
    for command in ["extract", "ingest", "quotes", "speakers"] {
      #expect(run.stdout.contains(command))
    }
  }

  @Test(arguments: [
    ["extract", "--no-such-flag", "x"], ["quotes", "--since", "yesterday"], ["frobnicate"],
  ])
  func usageErrorsExitWithTwo(arguments: [String]) throws {
    let run = try CLIRunner(workingDirectory: CLIRunner.temporaryDirectory()).run(arguments)
    #expect(run.status == 2)
    #expect(!run.stderr.isEmpty)
  }

  @Test func extractPrintsTheJSONContract() throws {
    let directory = try CLIRunner.temporaryDirectory()
    let file = try writeArticle(in: directory)
    let run = try CLIRunner(workingDirectory: directory).run(["extract", file.path])
    #expect(run.status == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(object["source"] as? String == file.path)
    #expect(object["text"] is String)
    let quotes = try #require(object["quotes"] as? [[String: Any]])
    let texts = quotes.compactMap { $0["text"] as? String }
    #expect(texts.contains { $0.hasPrefix("We are not going back") })
    #expect(texts.contains { $0.hasPrefix("Our door remains open") })
  }

  @Test func extractWritesOneFilePerInputIntoOutDirectory() throws {
    let directory = try CLIRunner.temporaryDirectory()
    _ = try writeArticle(in: directory, name: "a.txt")
    _ = try writeArticle(in: directory, name: "b.txt")
    let out = directory.appendingPathComponent("out")
    let run = try CLIRunner(workingDirectory: directory).run([
      "extract", "a.txt", "b.txt", "--out", out.path,
    ])
    #expect(run.status == 0)
    let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
    #expect(names == ["a.json", "b.json"])
  }

  @Test func extractOfMissingFileNamesItAndFails() throws {
    let directory = try CLIRunner.temporaryDirectory()
    let run = try CLIRunner(workingDirectory: directory).run(["extract", "missing.txt"])
    #expect(run.status == 1)
    #expect(run.stderr.contains("missing.txt: error:"))
  }

  @Test func ingestIsIdempotentAndQueriesFindTheQuotes() throws {
    let directory = try CLIRunner.temporaryDirectory()
    _ = try writeArticle(in: directory)
    let cli = CLIRunner(workingDirectory: directory)
    let first = try cli.run(["ingest", "strike.txt"])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stderr.contains("1 new article"))
    let second = try cli.run(["ingest", "strike.txt"])
    #expect(second.status == 0)
    #expect(second.stderr.contains("0 new articles"))
    #expect(second.stderr.contains("1 unchanged"))
    #expect(
      FileManager.default.fileExists(
        atPath: directory.appendingPathComponent("quotidian.sqlite").path))

    let quotes = try cli.run(["quotes", "--jsonl"])
    #expect(quotes.status == 0)
    #expect(quotes.stdout.split(separator: "\n").count == 2)

    let search = try cli.run(["quotes", "--search", "cranes", "--json"])
    let found = try #require(
      try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [[String: Any]])
    #expect(found.count == 1)
    #expect((found.first?["text"] as? String)?.contains("cranes") == true)
  }

  @Test func ingestReportsBadFilesAndKeepsTheGoodOnes() throws {
    let directory = try CLIRunner.temporaryDirectory()
    let inputs = directory.appendingPathComponent("inputs")
    try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
    _ = try writeArticle(in: inputs, name: "good.txt")
    try Data().write(to: inputs.appendingPathComponent("empty.txt"))
    try Data([0x00, 0x01, 0x02, 0xFF, 0x00]).write(to: inputs.appendingPathComponent("binary.txt"))
    try Data([0x41, 0x42, 0xC3, 0x28, 0x43]).write(to: inputs.appendingPathComponent("latin.txt"))
    // UTF-8 with damage (a valid "é" before a bad byte): refused, not guessed.
    try Data(Array("Caf\u{E9} ".utf8) + [0xFF, 0x41]).write(
      to: inputs.appendingPathComponent("broken.txt"))
    let cli = CLIRunner(workingDirectory: directory)
    let run = try cli.run(["ingest", "inputs"])
    #expect(run.status == 1)
    #expect(run.stderr.contains("empty.txt: error:"))
    #expect(run.stderr.contains("binary.txt: error:"))
    #expect(run.stderr.contains("latin.txt: warning: not UTF-8 (byte 2); read as Windows-1252"))
    #expect(run.stderr.contains("broken.txt: error: invalid UTF-8 at byte 6"))
    #expect(run.stderr.contains("2 new articles"))
    // Nothing already stored is lost or duplicated by a second, failing run.
    let again = try cli.run(["ingest", "inputs"])
    #expect(again.stderr.contains("0 new articles"))
    let quotes = try cli.run(["quotes", "--jsonl"])
    #expect(quotes.stdout.split(separator: "\n").count == 2)
  }

  @Test func thousandUnbalancedQuotationMarksAreBounded() throws {
    let directory = try CLIRunner.temporaryDirectory()
    let noisy = String(repeating: "He said \u{201C}maybe. ", count: 1000)
    _ = try writeArticle(in: directory, name: "noisy.txt", text: noisy)
    let run = try CLIRunner(workingDirectory: directory).run(["extract", "noisy.txt"])
    #expect(run.status == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let quotes = try #require(object["quotes"] as? [[String: Any]])
    for quote in quotes {
      #expect(((quote["text"] as? String)?.count ?? 0) < 5000)
    }
  }

  @Test func speakersListsTheMostQuotedFirst() throws {
    let directory = try CLIRunner.temporaryDirectory()
    _ = try writeArticle(in: directory)
    let cli = CLIRunner(workingDirectory: directory)
    _ = try cli.run(["ingest", "strike.txt"])
    let run = try cli.run(["speakers", "--csv"])
    #expect(run.status == 0)
    let lines = run.stdout.split(separator: "\n")
    #expect(lines.first == "speaker,quotes,articles,outlets,first,last,roles")
    #expect(lines.count == 3)
  }

  @Test func dbOptionAndEnvironmentChooseTheStore() throws {
    let directory = try CLIRunner.temporaryDirectory()
    _ = try writeArticle(in: directory)
    var cli = CLIRunner(workingDirectory: directory)
    cli.environment["QUOTIDIAN_DB"] = directory.appendingPathComponent("env.sqlite").path
    _ = try cli.run(["ingest", "strike.txt"])
    #expect(
      FileManager.default.fileExists(atPath: directory.appendingPathComponent("env.sqlite").path))
    _ = try cli.run(["ingest", "--db", "flag.sqlite", "strike.txt"])
    #expect(
      FileManager.default.fileExists(atPath: directory.appendingPathComponent("flag.sqlite").path))
  }
}
