import Foundation
import HTTPTypes
import HummingbirdTesting
import QuotidianCore
import QuotidianStore
import Testing

@testable import QuotidianServer

@Suite("JSON API: claims")
struct ClaimsAPITests {
  /// Articles of our own with numbers in quotes and in the reporter's words.
  static func results() -> [ExtractionResult] {
    [
      (
        "harbour.txt", "2026-03-02",
        "“We moved more than 40,000 containers,” said Ilse Marren, the harbour master. "
          + "The port employs about 1,200 people."
      ),
      (
        "rail.txt", "2026-06-15",
        "“Nearly 300 trains were late in May,” said Odo Brenner, the rail operator's spokesman."
      ),
    ].map { ServerFixtures.analysed(source: $0, published: $1, text: $2) }
  }

  @Test(
    "claims answer with value, unit, qualifier, counted, speaker and article, filtered",
    arguments: [
      ("", [300.0, 40000, 1200]),
      ("?about=containers", [40000]),
      ("?speaker=Brenner", [300]),
      ("?since=2026-06", [300]),
      ("?about=people&until=2026-03", [1200]),
    ])
  func listing(_ query: String, _ expected: [Double]) async throws {
    try await ServerFixtures.withServer(results: Self.results()) { client in
      let response = try await client.execute(uri: "/api/v1/claims" + query, method: .get)
      #expect(response.status == .ok)
      #expect(response.items.compactMap { ($0["value"] as? NSNumber)?.doubleValue } == expected)
    }
  }

  @Test("a claim inside a quote names its speaker and its article")
  func speakerAndArticle() async throws {
    try await ServerFixtures.withServer(results: Self.results()) { client in
      let items = try await client.execute(uri: "/api/v1/claims?about=containers", method: .get)
        .items
      #expect(items.first?["speaker"] as? String == "Ilse Marren")
      #expect(items.first?["qualifier"] as? String == "more than")
      #expect(items.first?["counted"] as? String == "containers")
      #expect(items.first?["article"] as? String == "harbour.txt")
    }
  }

  @Test(
    "a bad search or date is a 400, not a server error",
    arguments: ["?about=%28trains", "?since=May"])
  func badParameters(_ query: String) async throws {
    try await ServerFixtures.withServer(results: Self.results()) { client in
      let response = try await client.execute(uri: "/api/v1/claims" + query, method: .get)
      #expect(response.status == .badRequest)
    }
  }

  @Test("claims export as CSV with a header row")
  func csv() async throws {
    try await ServerFixtures.withServer(results: Self.results()) { client in
      let response = try await client.execute(uri: "/api/v1/claims?format=csv", method: .get)
      #expect(response.status == .ok)
      let text = String(buffer: response.body)
      #expect(text.hasPrefix("text,value,unit,qualifier,counted,speaker,article,published\r\n"))
      #expect(text.contains(",40000,"))
    }
  }
}
