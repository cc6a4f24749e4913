import Foundation
import Testing

/// `duplicates`, `rewrites`, `stories`, `story` and `statements` on a fictional corpus we
/// wrote for them (Tests/Fixtures/linking): a wire story on a ferry strike with copies in
/// three formats and at a second path, a syndicated copy under a new headline, a rewrite that
/// alters two quotes, and two other storylines of two events each (two reports in May, one
/// months later).
@Suite struct LinkingCLITests {
  static let fixture = CLIRunner.packageRoot.appendingPathComponent("Tests/Fixtures/linking")
  static let distinct = [
    "01-wire.txt", "05-hospital.txt", "06-rewrite.txt", "07-hospital-protest.txt", "08-bridge.txt",
    "09-bridge-repairs.txt", "10-bridge-reopens.txt", "11-maternity-review.txt",
  ]

  /// A copy of the fixture in a fresh directory, ingested into `store.sqlite` there.
  static func ingested(_ names: [String]? = nil) throws -> (CLIRunner, URL) {
    let directory = try CLIRunner.temporaryDirectory()
    let corpus = directory.appendingPathComponent("corpus")
    let manager = FileManager.default
    if let names {
      try manager.createDirectory(at: corpus, withIntermediateDirectories: true)
      for name in names {
        try manager.copyItem(
          at: fixture.appendingPathComponent(name), to: corpus.appendingPathComponent(name))
      }
    } else {
      try manager.copyItem(at: fixture, to: corpus)
    }
    let runner = CLIRunner(workingDirectory: directory)
    let run = try runner.run(["ingest", "corpus", "--db", "store.sqlite", "--quiet"])
    #expect(run.status == 0, "\(run.stderr)")
    return (runner, directory)
  }

  static func json(_ runner: CLIRunner, _ arguments: [String]) throws -> Any {
    let run = try runner.run(arguments + ["--db", "store.sqlite"])
    #expect(run.status == 0, "\(arguments): \(run.stderr)")
    return try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
  }

  static func name(_ source: Any?) -> String {
    (source as? String).map { $0.replacingOccurrences(of: "corpus/", with: "") } ?? "?"
  }

  @Test func everyCopyIsFoundAndNamesTheWireOriginal() throws {
    let (runner, _) = try Self.ingested()
    let records = try #require(try Self.json(runner, ["duplicates", "--json"]) as? [[String: Any]])
    let pairs = Set(
      records.map { "\(Self.name($0["article"])) -> \(Self.name($0["duplicateOf"]))" })
    #expect(
      pairs == [
        "02-courier.txt -> 01-wire.txt", "03-sound-news.html -> 01-wire.txt",
        "04-forward.eml -> 01-wire.txt",
        "mirror/01-wire.txt -> 01-wire.txt",
      ])
    for record in records {
      let kind = try #require(record["kind"] as? String)
      let similarity = try #require(record["similarity"] as? Double)
      // Rounded to two decimals: a near copy may show 1.0.
      #expect(
        kind == "exact" ? similarity == 1 : kind == "near" && similarity >= 0.6 && similarity <= 1)
    }
    #expect(
      Set(records.first.map { Array($0.keys) } ?? []) == [
        "article", "duplicateOf", "kind", "similarity",
      ])
  }

  @Test(.bug(id: 11)) func theSameFilesUnderAnotherPathChangeNothing() throws {
    let (runner, _) = try Self.ingested()
    let before = try runner.run(["quotes", "--json", "--include-copies", "--db", "store.sqlite"])
      .stdout
    let duplicates = try runner.run(["duplicates", "--json", "--db", "store.sqlite"]).stdout
    let again = try runner.run(["ingest", "./corpus", "--db", "store.sqlite"])
    #expect(again.status == 0)
    #expect(again.stderr.contains("ingested 0 new articles"))
    #expect(
      try runner.run(["quotes", "--json", "--include-copies", "--db", "store.sqlite"]).stdout
        == before)
    #expect(try runner.run(["duplicates", "--json", "--db", "store.sqlite"]).stdout == duplicates)
  }

  @Test func theRewriteIsLinkedWithItsAlteredQuotes() throws {
    let (runner, _) = try Self.ingested()
    let records = try #require(try Self.json(runner, ["rewrites", "--json"]) as? [[String: Any]])
    #expect(records.map { Self.name($0["article"]) } == ["06-rewrite.txt"])
    #expect(records.map { Self.name($0["original"]) } == ["01-wire.txt"])
    #expect(records.first?["sharedQuotes"] as? Int == 3)
    let altered = try #require(records.first?["alteredQuotes"] as? [[String: Any]])
    #expect(altered.compactMap { $0["speaker"] as? String } == ["Hana Loris", "Ilse Brandt"])
    #expect(
      altered.compactMap { $0["variant"] as? String }.first?.hasPrefix("We won't return to work")
        == true)
    #expect(
      altered.compactMap { $0["original"] as? String }.first?.hasPrefix("We will return to work")
        == true)
    #expect(altered.allSatisfy { $0["meaningChanged"] as? Bool == true })
    let table = try runner.run(["rewrites", "--db", "store.sqlite"])
    #expect(table.stdout.contains("[-will-] {+won't+}"))
  }

  @Test func articlesClusterIntoEventsInsideThreeStorylines() throws {
    let (runner, _) = try Self.ingested()
    let stories = try #require(try Self.json(runner, ["stories", "--json"]) as? [[String: Any]])
    let clusters = Set(stories.map { Set(($0["articles"] as? [String] ?? []).map(Self.name)) })
    #expect(
      clusters == [
        [
          "01-wire.txt", "02-courier.txt", "03-sound-news.html", "04-forward.eml",
          "mirror/01-wire.txt",
          "06-rewrite.txt",
        ],
        ["05-hospital.txt", "07-hospital-protest.txt", "11-maternity-review.txt"],
        ["08-bridge.txt", "09-bridge-repairs.txt", "10-bridge-reopens.txt"],
      ])
    // Events: the closure reported twice in May, the review in October; the bridge's
    // closure and repairs in May, its reopening in September.
    let events = Set(
      stories.flatMap { story in
        (story["events"] as? [[String: Any]] ?? []).map {
          Set(($0["articles"] as? [String] ?? []).map(Self.name))
        }
      })
    #expect(events.contains(["05-hospital.txt", "07-hospital-protest.txt"]))
    #expect(events.contains(["11-maternity-review.txt"]))
    #expect(events.contains(["08-bridge.txt", "09-bridge-repairs.txt"]))
    #expect(events.contains(["10-bridge-reopens.txt"]))
    #expect(events.count == 5)
    let id = try #require(stories.first?["id"] as? Int)
    let story = try runner.run(["story", String(id), "--db", "store.sqlite"])
    #expect(story.status == 0)
    #expect(story.stdout.contains("rewrite of corpus/01-wire.txt"))
    #expect(story.stdout.contains("speakers: "))
    let bridge = try #require(
      stories.first { ($0["title"] as? String)?.hasPrefix("Engineers shut Lantern") == true }?["id"]
        as? Int)
    let timeline = try runner.run(["story", String(bridge), "--db", "store.sqlite"]).stdout
    let may = try #require(timeline.range(of: "2026-05-10 – 2026-05-12  event"))
    let september = try #require(timeline.range(of: "2026-09-14  event"))
    #expect(may.lowerBound < september.lowerBound, "events in date order")
    #expect(try runner.run(["story", "999", "--db", "store.sqlite"]).status == 1)
  }

  @Test func speakerCountsEqualTheCountsOverDistinctArticles() throws {
    let (all, _) = try Self.ingested()
    let (distinct, _) = try Self.ingested(Self.distinct)
    func counts(_ runner: CLIRunner) throws -> [String: [Int]] {
      let speakers = try #require(
        try Self.json(runner, ["speakers", "--json"]) as? [[String: Any]])
      var counts: [String: [Int]] = [:]
      for speaker in speakers {
        counts[speaker["name"] as? String ?? "?"] = [
          speaker["quoteCount"] as? Int ?? -1, speaker["articleCount"] as? Int ?? -1,
        ]
      }
      return counts
    }
    let expected = try counts(distinct)
    #expect(expected["Hana Loris"] == [2, 2], "the wire and the rewrite")
    #expect(try counts(all) == expected)
    let loris = try #require(
      try Self.json(all, ["speaker", "Hana Loris", "--json"]) as? [String: Any])
    #expect(loris["quoteCount"] as? Int == 2)
    let withCopies = try #require(
      try Self.json(all, ["speaker", "Hana Loris", "--json", "--include-copies"]) as? [String: Any])
    let duplicates = try #require(try Self.json(all, ["duplicates", "--json"]) as? [[String: Any]])
    let nearCopies = duplicates.filter { $0["kind"] as? String == "near" }.count
    #expect(nearCopies >= 2)
    #expect(
      withCopies["quoteCount"] as? Int == 2 + nearCopies,
      "the wire, its stored near copies and the rewrite")
    let quotes = try #require(
      try Self.json(all, ["quotes", "--speaker", "Loris", "--json"]) as? [[String: Any]])
    #expect(quotes.count == 2)
  }

  @Test func aStatementListsEveryReportWithItsWording() throws {
    let (runner, _) = try Self.ingested()
    let statements = try #require(
      try Self.json(runner, ["statements", "--speaker", "Loris", "--json"]) as? [[String: Any]])
    #expect(statements.count == 1)
    let reports = try #require(statements.first?["reports"] as? [[String: Any]])
    #expect(reports.count == 6, "the wire, its near and exact copies, the rewrite")
    #expect(
      reports.filter { $0["isAltered"] as? Bool == true }.map { Self.name($0["source"]) } == [
        "06-rewrite.txt"
      ])
    #expect(
      reports.filter { $0["isCopy"] as? Bool == true }.count == 4,
      "two paths and three formats of the wire")
    let table = try runner.run(["statements", "--speaker", "Loris", "--db", "store.sqlite"])
    #expect(table.stdout.contains("altered: “We won't return"))
  }

  @Test(.bug(id: 8)) func theBundledExamplesReportTheAlteredPatienceQuote() throws {
    let directory = try CLIRunner.temporaryDirectory()
    let runner = CLIRunner(workingDirectory: directory)
    let examples = CLIRunner.packageRoot.appendingPathComponent("Examples/articles").path
    #expect(try runner.run(["ingest", examples, "--db", "store.sqlite", "--quiet"]).status == 0)
    let records = try #require(try Self.json(runner, ["rewrites", "--json"]) as? [[String: Any]])
    let altered = records.flatMap { $0["alteredQuotes"] as? [[String: Any]] ?? [] }
    let patience = altered.filter {
      ($0["variant"] as? String)?.contains("patience is not a policy") == true
    }
    #expect(patience.count == 1)
    #expect(
      patience.first?["original"] as? String
        == "We have been patient for three weeks. Patience is not a policy,")
    #expect(patience.first?["meaningChanged"] as? Bool == true, "'three weeks' became 'weeks'")
  }
}
