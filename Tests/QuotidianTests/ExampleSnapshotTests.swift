import Foundation
import Quotidian
import QuotidianCore
import Testing

/// Golden files: the extraction of every bundled example, compared with
/// `__Snapshots__/<example>.json`. Re-record with `RECORD_SNAPSHOTS=1 swift test`; the test
/// then fails once, saying "Recorded new baseline".
@Suite struct ExampleSnapshotTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let examples = root.appendingPathComponent("Examples/articles")
  static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("__Snapshots__")

  static var exampleNames: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? [])
      .filter { !$0.hasPrefix(".") }.sorted()
  }

  @Test func thereAreAtLeastEightExamples() {
    #expect(Self.exampleNames.count >= 8)
  }

  @Test(arguments: exampleNames)
  func extractionMatchesSnapshot(name: String) async throws {
    let path = Self.examples.appendingPathComponent(name).path
    var results: [ExtractionResult] = []
    await Engine(maxConcurrency: 1).extract(paths: [path]) { outcome in
      #expect(outcome.error == nil, "\(outcome.error?.description ?? "")")
      results.append(contentsOf: outcome.results)
    }
    let result = try #require(results.first)
    // The source path differs between machines: snapshot the name only.
    var stable = result
    stable.source = name
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let actual = String(decoding: try encoder.encode(stable), as: UTF8.self) + "\n"
    let base = (name as NSString).deletingPathExtension
    let snapshot = Self.snapshots.appendingPathComponent(base + ".json")
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
      try Data(actual.utf8).write(to: snapshot)
      Issue.record("Recorded new baseline for \(name) at \(snapshot.path)")
      return
    }
    let expected = try String(contentsOf: snapshot, encoding: .utf8)
    #expect(actual == expected, "extraction of \(name) differs from \(snapshot.lastPathComponent)")
  }
}
