import Foundation
import HTTPTypes
import HummingbirdTesting
import Quotidian
import QuotidianCore
import QuotidianStore
import QuotidianStoreTesting
import Testing

@testable import QuotidianServer

/// `/api/v1/tally`, `/api/v1/ledger` and their pages, on the fictional story the CLI's
/// `tally` tests use: Governor Lena Varga promises the Brisa bridge on five occasions, each
/// reported by one to three articles (copies, a rewrite), with decoys.
@Suite("JSON API and pages: tally and ledger")
struct TallyAPITests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("QuotidianCLITests/Fixtures/bridge-promise")

  /// Runs `body` against a server over the fixtures, ingested as `quotidian ingest` does.
  static func withServer<Value: Sendable>(
    _ body: @Sendable (any TestClientProtocol) async throws -> Value
  ) async throws -> Value {
    let store = try SQLiteStore.inMemory()
    let summary = await Engine().ingestFiles(paths: [fixtures.path], into: store)
    // Eleven files, two of them exact copies kept as sightings of the article they copy.
    #expect(summary.inserted == 9 && summary.unchanged == 2, "\(summary)")
    let app = try buildApplication(ServerConfiguration(store: store))
    return try await app.test(.router, body)
  }

  static let bridge = "speaker=Varga&about=Brisa+bridge+finished"

  @Test("the tally counts each occasion once, on its day, with every article's report")
  func tally() async throws {
    try await Self.withServer { client in
      let response = try await client.execute(uri: "/api/v1/tally?" + Self.bridge, method: .get)
      #expect(response.status == .ok, "\(response.text)")
      let json = response.json
      #expect(json["count"] as? Int == 5, "\(response.text)")
      let occasions = try #require(json["occasions"] as? [[String: Any]])
      #expect(
        occasions.compactMap { $0["date"] as? String } == [
          "2026-02-03", "2026-03-12", "2026-04-20", "2026-06-05", "2026-09-15",
        ])
      // The press conference: the wire story, its copy and a rewrite, each with outlet and ID.
      let reports = try #require(occasions.first?["reports"] as? [[String: Any]])
      #expect(reports.count == 3)
      #expect(Set(reports.compactMap { $0["outlet"] as? String }).count == 3, "\(reports)")
      #expect(reports.allSatisfy { ($0["articleID"] as? Int ?? 0) > 0 })
      #expect(reports.allSatisfy { ($0["published"] as? String)?.hasPrefix("2026-02") == true })
      // Every report of every occasion is one of its articles.
      for occasion in occasions {
        let articles = Set(occasion["articles"] as? [String] ?? [])
        let reported = Set(
          (occasion["reports"] as? [[String: Any]] ?? []).compactMap { $0["article"] as? String })
        #expect(articles == reported)
        let altered = Set(occasion["alteredIn"] as? [String] ?? [])
        let markedAltered = Set(
          (occasion["reports"] as? [[String: Any]] ?? []).filter { $0["altered"] as? Bool == true }
            .compactMap { $0["article"] as? String })
        #expect(altered == markedAltered)
      }
    }
  }

  @Test(
    "tally filters by topic and dates, and counts by month",
    arguments: [
      ("speaker=Aros&about=bridge+finish", 1),
      ("speaker=Varga&about=tunnel", 1),
      ("speaker=Varga&about=bridges+finishing&since=2026-04-01", 3),
      ("speaker=Varga&about=Brisa+bridge+finished&until=2026-03-31", 2),
      ("speaker=Varga&about=Brisa+bridge+finished&since=2026-06&until=2026-06", 1),
    ])
  func tallyFilters(_ query: String, _ count: Int) async throws {
    try await Self.withServer { client in
      let response = try await client.execute(uri: "/api/v1/tally?" + query, method: .get)
      #expect(response.status == .ok)
      #expect(response.json["count"] as? Int == count, "\(query): \(response.text)")
    }
  }

  @Test("by=month adds the count per month")
  func tallyByMonth() async throws {
    try await Self.withServer { client in
      let response = try await client.execute(
        uri: "/api/v1/tally?" + Self.bridge + "&by=month", method: .get)
      #expect(
        response.json["byMonth"] as? [String: Int] == [
          "2026-02": 1, "2026-03": 1, "2026-04": 1, "2026-06": 1, "2026-09": 1,
        ])
    }
  }

  @Test("the ledger lists each promise once with its deadline, status and reports")
  func ledger() async throws {
    try await Self.withServer { client in
      let response = try await client.execute(
        uri: "/api/v1/ledger?speaker=Varga&asOf=2026-12-15", method: .get)
      #expect(response.status == .ok, "\(response.text)")
      let bridge = response.items.filter {
        ($0["text"] as? String)?.contains("bridge") == true
          && $0["speaker"] as? String == "Lena Varga"
      }
      let said = Set(bridge.compactMap { $0["said"] as? String })
      #expect(
        said.isSuperset(of: ["2026-02-03", "2026-03-12", "2026-04-20", "2026-06-05", "2026-09-15"]),
        "\(response.text)")
      for entry in bridge where entry["deadline"] != nil {
        #expect((entry["deadline"] as? String)?.hasPrefix("2026-12") == true)
        #expect(["due", "overdue"].contains(entry["status"] as? String ?? ""))
        let reports = entry["reports"] as? [[String: Any]] ?? []
        #expect(reports.count == (entry["articles"] as? [String])?.count)
        #expect(reports.allSatisfy { ($0["articleID"] as? Int ?? 0) > 0 })
      }
      // Before the deadlines nothing is overdue for lack of time; a status filter narrows.
      let early = try await client.execute(
        uri: "/api/v1/ledger?speaker=Varga&asOf=2026-02-04&status=pending", method: .get)
      #expect(!early.items.isEmpty)
      #expect(early.items.allSatisfy { $0["status"] as? String == "pending" })
      let csv = try await client.execute(
        uri: "/api/v1/ledger?speaker=Varga&asOf=2026-12-15&format=csv", method: .get)
      #expect(csv.text.hasPrefix("speaker,text,deadline,status,said,"))
      #expect(csv.text.contains("Lena Varga"))
    }
  }

  @Test(
    "bad parameters are a 400 naming the parameter",
    arguments: [
      "/api/v1/tally", "/api/v1/tally?about=bridge", "/api/v1/tally?speaker=%20%20",
      "/api/v1/tally?speaker=Varga&since=May", "/api/v1/tally?speaker=Varga&until=2026-02-30",
      "/api/v1/tally?speaker=Varga&by=week",
      "/api/v1/tally?speaker=" + String(repeating: "a", count: 201),
      "/api/v1/tally?speaker=Var%00ga", "/api/v1/tally?speaker=Varga&speaker=Aros",
      "/api/v1/ledger?asOf=2026-12", "/api/v1/ledger?asOf=2026-13-01",
      "/api/v1/ledger?status=late", "/api/v1/ledger?limit=0", "/api/v1/ledger?cursor=%3F",
      "/tally?speaker=Varga&since=May", "/ledger?asOf=tomorrow", "/claims?since=May",
      "/claims?about=%28bridge",
    ])
  func badParameters(_ uri: String) async throws {
    try await Self.withServer { client in
      let response = try await client.execute(uri: uri, method: .get)
      #expect(response.status == .badRequest, "\(uri): \(response.text)")
      if uri.hasPrefix("/api/") {
        #expect(
          ["invalid_parameter", "invalid_search", "invalid_cursor"].contains(response.errorCode))
      }
    }
  }

  /// Two speakers who share a surname, each promising something.
  static func namesakes() -> [ExtractionResult] {
    [
      (
        "lind-a.txt", "2026-05-04",
        "“The ferry terminal will be finished by the end of the year,” said Ana Lind, the port director."
      ),
      (
        "lind-p.txt", "2026-05-05",
        "“The coast road will be finished by the end of the year,” said Per Lind, the roads minister."
      ),
    ].map { ServerFixtures.analysed(source: $0, published: $1, text: $2) }
  }

  @Test("a surname two speakers share is a 409 on tally, ledger and their pages")
  func ambiguousName() async throws {
    let results = Self.namesakes()
    #expect(results.allSatisfy { !($0.promises ?? []).isEmpty }, "the fixtures hold promises")
    try await ServerFixtures.withServer(results: results) { client in
      for uri in [
        "/api/v1/tally?speaker=Lind", "/api/v1/ledger?speaker=Lind", "/tally?speaker=Lind",
        "/ledger?speaker=Lind",
      ] {
        let response = try await client.execute(uri: uri, method: .get)
        #expect(response.status == .conflict, "\(uri): \(response.text)")
        #expect(response.text.contains("Ana Lind") && response.text.contains("Per Lind"))
      }
      let one = try await client.execute(uri: "/api/v1/ledger?speaker=Per+Lind", method: .get)
      #expect(one.status == .ok)
      #expect(one.items.map { $0["speaker"] as? String } == ["Per Lind"])
    }
  }

  @Test("the tally page shows each occasion with its reports: outlet, date, article link")
  func tallyPage() async throws {
    try await Self.withServer { client in
      let response = try await client.execute(uri: "/tally?" + Self.bridge, method: .get)
      #expect(response.status == .ok)
      let html = response.text
      #expect(html.contains("Lena Varga: 5 occasions about “Brisa bridge finished”"))
      #expect(html.components(separatedBy: "<p class=\"when\">").count == 6)
      #expect(html.contains("<p class=\"when\">2026-02-03</p>"))
      #expect(html.contains("3 reports"))
      #expect(html.contains("<a href=\"/articles/"))
      #expect(html.contains("The Harbour Courier"))
      #expect(
        html.contains("href=\"/api/v1/tally?speaker=Varga&amp;about=Brisa%20bridge%20finished\""))
      #expect(html.contains("<a href=\"/tally\">Tally</a>"))
      // Without a speaker, the form alone.
      let empty = try await client.execute(uri: "/tally", method: .get)
      #expect(empty.status == .ok)
      #expect(empty.text.contains("Give a speaker"))
    }
  }

  @Test("the ledger page puts overdue and due promises first, each with its reports")
  func ledgerPage() async throws {
    try await Self.withServer { client in
      let response = try await client.execute(
        uri: "/ledger?speaker=Varga&asOf=2026-12-15", method: .get)
      #expect(response.status == .ok)
      let html = response.text
      #expect(html.contains("As of 2026-12-15:"))
      let overdue = html.range(of: "class=\"status-overdue\"")
      let due = html.range(of: "class=\"status-due\"")
      let pending = html.range(of: "class=\"status-pending\"")
      #expect(overdue != nil || due != nil, "\(html)")
      if let due, let pending { #expect(due.lowerBound < pending.lowerBound) }
      if let overdue, let due { #expect(overdue.lowerBound < due.lowerBound) }
      #expect(html.contains("<a href=\"/articles/"))
      #expect(
        html.contains("href=\"/api/v1/ledger?speaker=Varga&amp;asOf=2026-12-15&amp;format=csv\""))
    }
  }

  @Test("the claims page searches claims by words and speaker and links their articles")
  func claimsPage() async throws {
    try await ServerFixtures.withServer(results: ClaimsAPITests.results()) { client in
      let response = try await client.execute(uri: "/claims?about=containers", method: .get)
      #expect(response.status == .ok)
      let html = response.text
      #expect(html.contains("more than 40,000"))
      #expect(html.contains("<a href=\"/speakers/Ilse%20Marren\">Ilse Marren</a>"))
      #expect(html.contains("<a href=\"/articles/1\">harbour.txt</a>"))
      #expect(!html.contains("300"))
      let bySpeaker = try await client.execute(uri: "/claims?speaker=Brenner", method: .get).text
      #expect(bySpeaker.contains("300"))
      #expect(!bySpeaker.contains("40,000"))
    }
  }

  @Test(
    "claim values show with thousands separators, fractions and small numbers as they are",
    arguments: [
      ("520000000", "520,000,000"), ("40000", "40,000"), ("1200", "1200"), ("-25000", "-25,000"),
      ("12345.5", "12,345.5"), ("0.25", "0.25"),
    ])
  func grouped(_ value: String, _ expected: String) {
    #expect(WebUI.grouped(value) == expected)
  }

  @Test("a quote shown on its own loses the comma that led into its attribution")
  func trimmedQuote() {
    #expect(WebUI.trimmed("I give you my word,") == "I give you my word")
    #expect(WebUI.trimmed("Wait: ") == "Wait")
    #expect(WebUI.trimmed(",") == ",")
  }

  @Test("a rewrite that altered the words is the same occasion, its report marked altered")
  func alteredRewrite() async throws {
    let results = [LinkFixtures.wire, LinkFixtures.syndicated, LinkFixtures.rewrite]
    try await ServerFixtures.withServer(results: results) { client in
      let response = try await client.execute(
        uri: "/api/v1/tally?speaker=Loris&about=return+to+work", method: .get)
      #expect(response.json["count"] as? Int == 1, "\(response.text)")
      let occasion = try #require((response.json["occasions"] as? [[String: Any]])?.first)
      let reports = occasion["reports"] as? [[String: Any]] ?? []
      #expect(reports.count == 3, "\(reports)")
      let altered = reports.filter { $0["altered"] as? Bool == true }
      #expect(altered.map { $0["article"] as? String } == [LinkFixtures.rewrite.source])
      #expect((altered.first?["text"] as? String)?.contains("won't") == true)
      #expect(occasion["alteredIn"] as? [String] == [LinkFixtures.rewrite.source])
      let html = try await client.execute(
        uri: "/tally?speaker=Loris&about=return+to+work", method: .get
      ).text
      #expect(html.contains("1 altered the words"))
      #expect(html.contains("<tr class=\"altered\"><td class=\"nowrap\">Harbour Daily</td>"))
      #expect(html.contains("altered:</span> “We won&#39;t return to work"))
    }
  }
}
