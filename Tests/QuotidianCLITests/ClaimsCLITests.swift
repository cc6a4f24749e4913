import Foundation
import Testing

/// `quotidian claims` as a user runs it.
@Suite struct ClaimsCLITests {
  static let article = """
    Port figures

    KESTREL BAY, March 2 — “We moved more than 40,000 containers,” said Ilse Marren, \
    the harbour master. The port employs about 1,200 people.
    """

  @Test func claimsListValueCountedSpeakerAndArticle() throws {
    let directory = try CLIRunner.temporaryDirectory()
    try Data(Self.article.utf8).write(to: directory.appendingPathComponent("port.txt"))
    let runner = CLIRunner(workingDirectory: directory)
    #expect(try runner.run(["ingest", "--quiet", "port.txt"]).status == 0)
    let run = try runner.run(["claims", "--about", "containers", "--jsonl"])
    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.stdout.split(separator: "\n")
    #expect(lines.count == 1)
    let object = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
    #expect((object?["value"] as? NSNumber)?.doubleValue == 40000)
    #expect(object?["speaker"] as? String == "Ilse Marren")
    #expect(object?["counted"] as? String == "containers")
    #expect(object?["article"] as? String == "port.txt")
    let bySpeaker = try runner.run(["claims", "--speaker", "Marren", "--csv"])
    #expect(bySpeaker.stdout.split(separator: "\n").count == 2, "a header and one claim")
  }

  @Test(arguments: [["claims", "--since", "March"], ["claims", "--limit", "-1"]])
  func badArgumentsAreUsageErrors(_ arguments: [String]) throws {
    let run = try CLIRunner(workingDirectory: CLIRunner.temporaryDirectory()).run(arguments)
    #expect(run.status == 2)
  }
}
