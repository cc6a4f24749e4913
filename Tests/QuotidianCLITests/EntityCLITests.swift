import Foundation
import Testing

/// `speaker`, `entities` and `speakers` over articles ingested from a JSON Lines file we wrote:
/// the mayor Ines Carrow is quoted in two outlets, two months apart.
@Suite struct EntityCLITests {
  static let articles =
    [
      #"{"title": "Ferry line to open in May", "published": "2025-01-10", "outlet": "Alder Courier", "url": "https://courier.example/ferry-may", "text": "Mayor Ines Carrow said on Tuesday that the new ferry line would open in May. \"We have waited long enough for this,\" said Ines Carrow, the mayor of Port Alder. The harbour board did not comment."}"#,
      #"{"title": "Ferries fill up", "published": "2025-03-02", "outlet": "Harbour Weekly", "url": "https://weekly.example/ferries-full", "text": "The ferry line opened on Monday with two boats. \"The boats are full every morning,\" said Ines Carrow, the mayor of Port Alder. Passengers praised the service."}"#,
      #"{"title": "Board wants more boats", "published": "2025-03-05", "outlet": "Alder Courier", "url": "https://courier.example/more-boats", "text": "The harbour board met on Wednesday. \"We need more boats before the summer,\" said Tomas Brenner, who chairs the Port Alder Harbour Board. Carrow did not attend."}"#,
    ].joined(separator: "\n") + "\n"

  /// A directory with the articles ingested into `quotidian.sqlite`.
  func ingested() throws -> CLIRunner {
    let directory = try CLIRunner.temporaryDirectory()
    try Data(Self.articles.utf8).write(to: directory.appendingPathComponent("news.jsonl"))
    let cli = CLIRunner(workingDirectory: directory)
    let run = try cli.run(["ingest", "news.jsonl"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.contains("3 new articles"))
    return cli
  }

  func json(_ run: CLIRunner.Run) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
  }

  @Test func speakerShowsOneProfileAcrossArticles() throws {
    let cli = try ingested()
    let run = try cli.run(["speaker", "carrow", "--json"])
    #expect(run.status == 0, "\(run.stderr)")
    let profile = try #require(try json(run) as? [String: Any])
    #expect(profile["name"] as? String == "Ines Carrow")
    #expect(profile["quoteCount"] as? Int == 2)
    #expect(profile["articleCount"] as? Int == 2)
    #expect(profile["quotesByMonth"] as? [String: Int] == ["2025-01": 1, "2025-03": 1])
    #expect(profile["outlets"] as? [String] == ["Alder Courier", "Harbour Weekly"])
    let latest = try #require(profile["latestQuotes"] as? [[String: Any]])
    #expect(latest.first?["text"] as? String == "The boats are full every morning,")

    let readable = try cli.run(["speaker", "Ines Carrow"])
    #expect(readable.status == 0)
    #expect(readable.stdout.hasPrefix("Ines Carrow (person)"))
    #expect(readable.stdout.contains("2 in 2 articles, 2025-01-10 – 2025-03-02"))
    #expect(
      readable.stdout.contains("2025-03-02  Harbour Weekly  “The boats are full every morning,”"))
  }

  @Test func speakerWithoutAMatchFails() throws {
    let run = try ingested().run(["speaker", "Nobody Known"])
    #expect(run.status == 1)
    #expect(run.stderr.contains("no stored speaker matches 'Nobody Known'"))
  }

  @Test func entitiesListsOneIdentityPerPerson() throws {
    let cli = try ingested()
    let run = try cli.run(["entities", "--type", "person", "--json"])
    #expect(run.status == 0, "\(run.stderr)")
    let entities = try #require(try json(run) as? [[String: Any]])
    let carrow = try #require(entities.first { $0["name"] as? String == "Ines Carrow" })
    #expect(carrow["articleCount"] as? Int == 2)
    #expect(carrow["quoteCount"] as? Int == 2)
    #expect(entities.allSatisfy { $0["type"] as? String == "person" })
    #expect(entities.filter { ($0["name"] as? String)?.contains("Carrow") == true }.count == 1)

    let orgs = try cli.run(["entities", "--type", "org", "--csv"])
    let lines = orgs.stdout.split(separator: "\n")
    #expect(lines.first == "name,type,articles,quotes,aliases,roles")
    #expect(lines.contains { $0.hasPrefix("Port Alder Harbour Board,org,1,") })
  }

  @Test(arguments: [
    ["entities", "--type", "planet"], ["entities", "--json", "--csv"], ["speaker"],
  ])
  func entityUsageErrorsExitWithTwo(arguments: [String]) throws {
    let run = try CLIRunner(workingDirectory: CLIRunner.temporaryDirectory()).run(arguments)
    #expect(run.status == 2)
    #expect(!run.stderr.isEmpty)
  }

  @Test func speakersCountOneSpeakerPerIdentityWithRoles() throws {
    let cli = try ingested()
    let run = try cli.run(["speakers", "--json"])
    #expect(run.status == 0)
    let speakers = try #require(try json(run) as? [[String: Any]])
    #expect(speakers.map { $0["name"] as? String } == ["Ines Carrow", "Tomas Brenner"])
    #expect(speakers.first?["quoteCount"] as? Int == 2)
    #expect(speakers.allSatisfy { $0["roles"] is [String] })
    let csv = try cli.run(["speakers", "--csv"])
    #expect(csv.stdout.hasPrefix("speaker,quotes,articles,outlets,first,last,roles\n"))
  }
}
