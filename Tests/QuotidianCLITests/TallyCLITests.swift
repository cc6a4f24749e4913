import Foundation
import Testing

/// `tally` and `ledger` end to end on a fictional story we wrote: Governor Lena Varga promises
/// the Brisa bridge on five occasions (a press conference, an interview, a rally, a hearing, a
/// statement), each reported by one to three articles (copies, rewrites), with decoys: the
/// opposition leader saying the opposite, Varga on another project, an unrelated article.
@Suite struct TallyCLITests {
  static let fixtures = CLIRunner.packageRoot.appendingPathComponent(
    "Tests/QuotidianCLITests/Fixtures/bridge-promise")

  static func ingested() throws -> CLIRunner {
    let directory = try CLIRunner.temporaryDirectory()
    let cli = CLIRunner(workingDirectory: directory)
    let run = try cli.run(["ingest", fixtures.path])
    #expect(run.status == 0, "\(run.stderr)")
    return cli
  }

  static func json(_ run: CLIRunner.Run) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
  }

  @Test func oneStatementReportedByManyArticlesCountsOnceAndEachDayCounts() throws {
    let cli = try Self.ingested()
    let run = try cli.run([
      "tally", "--speaker", "Varga", "--about", "Brisa bridge finished", "--json",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let report = try #require(try Self.json(run) as? [String: Any])
    let occasions = try #require(report["occasions"] as? [[String: Any]])
    #expect(report["count"] as? Int == 5, "\(run.stdout)")
    let dates = occasions.compactMap { $0["date"] as? String }
    #expect(dates == ["2026-02-03", "2026-03-12", "2026-04-20", "2026-06-05", "2026-09-15"])
    // The press conference was reported by three articles, a copy and a rewrite among them.
    #expect((occasions.first?["articles"] as? [String])?.count == 3)
  }

  /// A rally reported as "tonight" (that day), "on Thursday" and "yesterday" (the next day),
  /// and "this week" (a weekly); then a radio interview whose article dates it "on Monday" in
  /// reported speech and quotes it without a date.
  @Test func relativeDatesResolveAgainstEachReportAndVaguerReportsMerge() throws {
    let directory = try CLIRunner.temporaryDirectory()
    let cli = CLIRunner(workingDirectory: directory)
    let fixtures = CLIRunner.packageRoot.appendingPathComponent(
      "Tests/QuotidianCLITests/Fixtures/tram-rally")
    let ingest = try cli.run(["ingest", fixtures.path])
    #expect(ingest.status == 0, "\(ingest.stderr)")
    let run = try cli.run(["tally", "--speaker", "Fenn", "--about", "trams run April", "--json"])
    #expect(run.status == 0, "\(run.stderr)")
    let report = try #require(try Self.json(run) as? [String: Any])
    let occasions = try #require(report["occasions"] as? [[String: Any]])
    #expect(report["count"] as? Int == 2, "\(run.stdout)")
    #expect(occasions.compactMap { $0["date"] as? String } == ["2026-05-14", "2026-06-01"])
    let names = (occasions.first?["articles"] as? [String] ?? []).map {
      URL(fileURLWithPath: $0).lastPathComponent
    }
    #expect(
      names == ["a-tonight.txt", "b-thursday.txt", "c-yesterday.txt", "d-thisweek.txt"],
      "\(run.stdout)")
  }

  /// Two people sharing a surname, each promising something: `ledger --speaker` refuses the
  /// surname alone, as `tally` does, and takes either full name.
  @Test func ledgerRefusesANameThatFitsTwoSpeakers() throws {
    let directory = try CLIRunner.temporaryDirectory()
    try Data(
      """
      Two Linds, two deadlines
      By Rosa Vell | May 4, 2026

      “The ferry terminal will be finished by the end of the year,” said Ana Lind, the port director.

      “The coast road will be finished by the end of the year,” said Per Lind, the roads minister.
      """.utf8
    ).write(to: directory.appendingPathComponent("linds.txt"))
    let runner = CLIRunner(workingDirectory: directory)
    #expect(try runner.run(["ingest", "--quiet", "--db", "s.sqlite", "linds.txt"]).status == 0)
    let both = try runner.run(["ledger", "--db", "s.sqlite", "--speaker", "Lind"])
    #expect(both.status == 1)
    #expect(both.stderr.contains("names 2 different speakers"), "\(both.stderr)")
    #expect(both.stderr.contains("Ana Lind") && both.stderr.contains("Per Lind"))
    let one = try runner.run(["ledger", "--db", "s.sqlite", "--speaker", "Per Lind", "--json"])
    #expect(one.status == 0, "\(one.stderr)")
    let entries = try #require(try Self.json(one) as? [[String: Any]])
    #expect(entries.map { $0["speaker"] as? String } == ["Per Lind"], "\(one.stdout)")
  }

  @Test(arguments: [
    (["--speaker", "Aros", "--about", "bridge finish"], 1),
    (["--speaker", "Varga", "--about", "tunnel"], 1),
    (["--speaker", "Varga", "--about", "bridges finishing", "--since", "2026-04-01"], 3),
    (["--speaker", "Varga", "--about", "Brisa bridge finished", "--until", "2026-03-31"], 2),
  ])
  func decoysAndDateBoundsAreCountedApart(_ arguments: [String], _ count: Int) throws {
    let cli = try Self.ingested()
    let run = try cli.run(["tally"] + arguments + ["--json"])
    let report = try #require(try Self.json(run) as? [String: Any])
    #expect(report["count"] as? Int == count, "\(run.stdout)")
  }

  @Test func tallyByMonthGroupsTheCount() throws {
    let cli = try Self.ingested()
    let run = try cli.run([
      "tally", "--speaker", "Varga", "--about", "Brisa bridge finished", "--by", "month", "--json",
    ])
    let report = try #require(try Self.json(run) as? [String: Any])
    #expect(
      report["byMonth"] as? [String: Int] == [
        "2026-02": 1, "2026-03": 1, "2026-04": 1, "2026-06": 1, "2026-09": 1,
      ])
  }

  @Test func ledgerListsEachPromiseOnceWithItsDeadlineAndStatus() throws {
    let cli = try Self.ingested()
    let run = try cli.run(["ledger", "--speaker", "Varga", "--as-of", "2026-12-15", "--json"])
    #expect(run.status == 0, "\(run.stderr)")
    let entries = try #require(try Self.json(run) as? [[String: Any]])
    let bridge = entries.filter {
      ($0["text"] as? String)?.contains("bridge") == true
        && ($0["speaker"] as? String) == "Lena Varga"
    }
    let saidDays = Set(bridge.compactMap { $0["said"] as? String })
    #expect(
      saidDays.isSuperset(of: [
        "2026-02-03", "2026-03-12", "2026-04-20", "2026-06-05", "2026-09-15",
      ]), "\(run.stdout)")
    for entry in bridge where entry["deadline"] != nil {
      #expect((entry["deadline"] as? String)?.hasPrefix("2026-12") == true, "\(entry)")
      #expect(["due", "overdue"].contains(entry["status"] as? String ?? ""))
    }
    let tunnel = entries.first { ($0["text"] as? String)?.contains("tunnel") == true }
    #expect(tunnel?["deadline"] as? String == "2027-12-31")
    #expect(tunnel?["status"] as? String == "pending")
  }

  @Test func badAsOfDateIsAUsageError() throws {
    let cli = CLIRunner(workingDirectory: try CLIRunner.temporaryDirectory())
    let run = try cli.run(["ledger", "--as-of", "next week"])
    #expect(run.status == 2)
    #expect(run.stderr.contains("--as-of"))
  }
}
