import Foundation
import HTTPTypes
import HummingbirdTesting
import QuotidianStore
import QuotidianStoreTesting
import Testing

@testable import QuotidianServer

@Suite("JSON API")
struct APITests {
  struct FilterCase: CustomTestStringConvertible, Sendable {
    var query: String
    var expected: [String]
    var testDescription: String { query }
  }

  /// Each filter of `quotidian quotes`, and `kind`, keeps exactly these quote texts.
  static let filterCases: [FilterCase] = [
    .init(
      query: "speaker=Varga",
      expected: ["Nobody asked the drivers what they think,", "We are ready to talk tomorrow."]),
    .init(
      query: "speaker=benitez&search=jobs",
      expected: [
        "The harbour jobs depend on the railway,", "create hundreds of jobs by next summer",
      ]),
    .init(query: "search=%22public+money%22", expected: ["a gamble with public money"]),
    .init(
      query: "outlet=aldren+gazette&until=2024-12",
      expected: ["written in a hurry", "The figures are final."]),
    .init(
      query: "since=2025-03-14&until=2025-03-14",
      expected: [
        "create hundreds of jobs by next summer", "We will not wait for the ministry,",
        "a gamble with public money",
      ]),
    .init(
      query: "kind=partial&outlet=Aldren%20Gazette",
      expected: [
        "create hundreds of jobs by next summer", "a gamble with public money",
        "written in a hurry",
      ]),
    .init(query: "speaker=Nobody+Known", expected: []),
  ]

  @Test(
    "quotes filters keep exactly the matching quotes, newest article first", arguments: filterCases)
  func quoteFilters(_ filter: FilterCase) async throws {
    try await ServerFixtures.withServer(results: StoreFixtures.all) { client in
      let response = try await client.execute(uri: "/api/v1/quotes?" + filter.query, method: .get)
      #expect(response.status == .ok)
      #expect(response.items.compactMap { $0["text"] as? String } == filter.expected)
    }
  }

  @Test("following nextCursor pages through every quote once, in order", arguments: [1, 2, 3])
  func cursorPagination(limit: Int) async throws {
    try await ServerFixtures.withServer { client in
      let all = try await client.execute(uri: "/api/v1/quotes?limit=200", method: .get).items
        .compactMap { $0["id"] as? String }
      var seen: [String] = []
      var uri = "/api/v1/quotes?limit=\(limit)"
      for _ in 0..<50 {
        let response = try await client.execute(uri: uri, method: .get)
        #expect(response.status == .ok)
        let ids = response.items.compactMap { $0["id"] as? String }
        #expect(ids.count <= limit)
        seen += ids
        guard let next = response.json["nextCursor"] as? String else { break }
        #expect(response.headers[.init("Link")!]?.contains("rel=\"next\"") == true)
        uri = "/api/v1/quotes?limit=\(limit)&cursor=\(next)"
      }
      #expect(all.count == ServerFixtures.all.map(\.quotes.count).reduce(0, +))
      #expect(seen == all)
    }
  }

  @Test("article listings page by keyset cursor")
  func articlePagination() async throws {
    try await ServerFixtures.withServer { client in
      let first = try await client.execute(uri: "/api/v1/articles?limit=4", method: .get)
      #expect(first.items.compactMap { $0["id"] as? Int } == [1, 2, 3, 4])
      let cursor = try #require(first.json["nextCursor"] as? String)
      let second = try await client.execute(
        uri: "/api/v1/articles?limit=4&cursor=\(cursor)", method: .get)
      #expect(second.items.compactMap { $0["id"] as? Int } == [5, 6])
      #expect(second.json["nextCursor"] == nil)
    }
  }

  struct BadRequest: CustomTestStringConvertible, Sendable {
    var uri: String
    var code: String
    var testDescription: String { uri }
  }

  static let badRequests: [BadRequest] = [
    .init(uri: "/api/v1/quotes?limit=0", code: "invalid_parameter"),
    .init(uri: "/api/v1/quotes?limit=10001", code: "invalid_parameter"),
    .init(uri: "/api/v1/quotes?limit=ten", code: "invalid_parameter"),
    .init(uri: "/api/v1/quotes?since=2025-02-30", code: "invalid_parameter"),
    .init(uri: "/api/v1/quotes?until=yesterday", code: "invalid_parameter"),
    .init(uri: "/api/v1/quotes?kind=shouted", code: "invalid_parameter"),
    .init(
      uri: "/api/v1/quotes?speaker=" + String(repeating: "a", count: 201), code: "invalid_parameter"
    ),
    .init(uri: "/api/v1/quotes?speaker=a&speaker=b", code: "invalid_parameter"),
    .init(uri: "/api/v1/quotes?speaker=%ZZ", code: "invalid_parameter"),
    .init(uri: "/api/v1/quotes?cursor=garbage", code: "invalid_cursor"),
    .init(uri: "/api/v1/quotes?search=%22unclosed", code: "invalid_search"),
    .init(uri: "/api/v1/quotes?search=NOT", code: "invalid_search"),
    .init(uri: "/api/v1/entities?type=planet", code: "invalid_parameter"),
    .init(uri: "/api/v1/articles/0", code: "invalid_parameter"),
    .init(uri: "/api/v1/articles/abc", code: "invalid_parameter"),
    .init(uri: "/api/v1/quotes/12", code: "invalid_parameter"),
    .init(uri: "/api/v1/search", code: "invalid_parameter"),
  ]

  @Test(
    "bad parameters answer 400 with a stable JSON error code and no SQL", arguments: badRequests)
  func badParameters(_ bad: BadRequest) async throws {
    try await ServerFixtures.withServer { client in
      let response = try await client.execute(uri: bad.uri, method: .get)
      #expect(response.status == .badRequest)
      #expect(response.errorCode == bad.code, "\(response.text)")
      #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
      for leak in ["SELECT", "sqlite", "fts5", "/work", ".swift"] {
        #expect(!response.text.contains(leak))
      }
    }
  }

  @Test("a cursor is refused when the filters change")
  func cursorBoundToFilters() async throws {
    try await ServerFixtures.withServer { client in
      let first = try await client.execute(
        uri: "/api/v1/quotes?limit=1&speaker=Varga", method: .get)
      let cursor = try #require(first.json["nextCursor"] as? String)
      let other = try await client.execute(
        uri: "/api/v1/quotes?limit=1&speaker=Ruiz&cursor=\(cursor)", method: .get)
      #expect(other.status == .badRequest)
      #expect(other.errorCode == "invalid_cursor")
      let speakers = try await client.execute(
        uri: "/api/v1/speakers?cursor=\(cursor)", method: .get)
      #expect(speakers.errorCode == "invalid_cursor")
    }
  }

  @Test("unknown routes and IDs answer 404 not_found as JSON")
  func notFound() async throws {
    try await ServerFixtures.withServer { client in
      for uri in [
        "/api/v1/nothing", "/api/v1/articles/999", "/api/v1/quotes/1-99999",
        "/api/v1/speakers/Nobody%20Atall",
      ] {
        let response = try await client.execute(uri: uri, method: .get)
        #expect(response.status == .notFound, "\(uri)")
        #expect(response.errorCode == "not_found", "\(uri)")
      }
    }
  }

  static let namesakes = [
    StoreFixtures.article(
      source: "fixtures/lind-a.txt", url: nil, title: "Ferries", published: "2025-06-01",
      outlet: "Valley Post",
      text: "\"The ferries will run,\" said Ana Lind.",
      quotes: [
        ("The ferries will run,", "Ana Lind", "Ana Lind", "said", "direct", "verbAfterQuote")
      ]),
    StoreFixtures.article(
      source: "fixtures/lind-p.txt", url: nil, title: "Roads", published: "2025-06-02",
      outlet: "Valley Post",
      text: "\"The roads will close,\" said Per Lind.",
      quotes: [
        ("The roads will close,", "Per Lind", "Per Lind", "said", "direct", "verbAfterQuote")
      ]),
  ]

  @Test("a surname two speakers share answers 409 ambiguous_name listing both")
  func ambiguousName() async throws {
    try await ServerFixtures.withServer(results: Self.namesakes) { client in
      for uri in ["/api/v1/speakers/Lind", "/api/v1/quotes?speaker=Lind"] {
        let response = try await client.execute(uri: uri, method: .get)
        #expect(response.status == .conflict, "\(uri): \(response.text)")
        #expect(response.errorCode == "ambiguous_name")
        #expect(response.text.contains("Ana Lind") && response.text.contains("Per Lind"))
      }
      let exact = try await client.execute(uri: "/api/v1/speakers/Per%20Lind", method: .get)
      #expect(exact.json["name"] as? String == "Per Lind")
    }
  }

  @Test("a known path asked with another method answers 405 with Allow")
  func methodNotAllowed() async throws {
    try await ServerFixtures.withServer { client in
      let response = try await client.execute(uri: "/api/v1/quotes", method: .delete)
      #expect(response.status == .methodNotAllowed)
      #expect(response.errorCode == "method_not_allowed")
      #expect(response.headers[.allow] == "GET")
      let articles = try await client.execute(uri: "/api/v1/articles/3", method: .put)
      #expect(articles.headers[.allow] == "GET")
      let both = try await client.execute(uri: "/api/v1/articles", method: .delete)
      #expect(Set((both.headers[.allow] ?? "").components(separatedBy: ", ")) == ["GET", "POST"])
    }
  }

  @Test("format=csv and Accept: text/csv export quotes as CSV with a header row")
  func csvExport() async throws {
    try await ServerFixtures.withServer(results: StoreFixtures.all) { client in
      for (uri, headers) in [
        ("/api/v1/quotes?speaker=Varga&format=csv", [:] as HTTPFields),
        ("/api/v1/quotes?speaker=Varga", [.accept: "text/csv"] as HTTPFields),
      ] {
        let response = try await client.execute(uri: uri, method: .get, headers: headers)
        #expect(response.headers[.contentType]?.hasPrefix("text/csv") == true)
        let lines = response.text.split(separator: "\r\n")
        #expect(lines.first == Substring(QuoteItem.csvHeader.joined(separator: ",")))
        #expect(lines.count == 3)
        #expect(lines[1].contains("\"Nobody asked the drivers what they think,\""))
      }
    }
  }

  @Test("format=jsonl exports one JSON object per line")
  func jsonLinesExport() async throws {
    try await ServerFixtures.withServer(results: StoreFixtures.all) { client in
      let response = try await client.execute(uri: "/api/v1/speakers?format=jsonl", method: .get)
      #expect(response.headers[.contentType]?.hasPrefix("application/x-ndjson") == true)
      let lines = response.text.split(separator: "\n")
      let names = lines.compactMap {
        (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["name"]
          as? String
      }
      #expect(names.count == lines.count)
      #expect(Set(names) == ["Ana María Benítez", "Claudia Varga", "Tomás Ruiz", "Oskar Vargas"])
    }
  }

  @Test(
    "CSV cells that a spreadsheet would run as formulas are defused",
    arguments: [
      ("=1+2", "'=1+2"), ("+cmd", "'+cmd"), ("@SUM(A1)", "'@SUM(A1)"), ("plain", "plain"),
      ("a,b", "\"a,b\""),
    ])
  func csvFormulaInjection(_ value: String, _ expected: String) {
    #expect(CSV.field(value) == expected)
  }

  @Test("a quote's detail locates the cue and the speaker mention in the article text")
  func quoteEvidence() async throws {
    try await ServerFixtures.withServer(results: [ServerFixtures.councillor]) { client in
      let quote = ServerFixtures.councillor.quotes[0]
      let response = try await client.execute(uri: "/api/v1/quotes/1-\(quote.start)", method: .get)
      #expect(response.status == .ok)
      let evidence = try #require(response.json["evidence"] as? [String: Any])
      let text = Array(ServerFixtures.councillor.text.unicodeScalars)
      func covered(_ key: String) -> String? {
        guard let range = evidence[key] as? [Int], range.count == 2 else { return nil }
        return String(String.UnicodeScalarView(text[range[0]..<range[1]]))
      }
      #expect(covered("cueRange") == "said")
      #expect(covered("mentionRange") == "Morrow")
      #expect(evidence["rule"] as? String == "verbAfterQuote")
      #expect((evidence["cueRange"] as? [Int])?.first ?? 0 > quote.end)
      #expect((response.json["context"] as? String)?.hasPrefix("\"The repairs") == true)
    }
  }

  @Test("speaker, entities, article and search routes answer from the store")
  func readRoutes() async throws {
    try await ServerFixtures.withServer { client in
      let speaker = try await client.execute(uri: "/api/v1/speakers/Morrow", method: .get)
      #expect(speaker.json["name"] as? String == "Ines Morrow")
      #expect((speaker.json["quotesByMonth"] as? [String: Int]) == ["2025-02": 1])
      let entities = try await client.execute(
        uri: "/api/v1/entities?type=person&name=morrow", method: .get)
      #expect(entities.items.compactMap { $0["name"] as? String } == ["Ines Morrow"])
      let article = try await client.execute(uri: "/api/v1/articles/2", method: .get)
      #expect(article.json["title"] as? String == StoreFixtures.railStrike.title)
      #expect((article.json["quotes"] as? [Any])?.count == 3)
      let search = try await client.execute(uri: "/api/v1/search?q=harbour", method: .get)
      #expect(
        (search.json["quotes"] as? [[String: Any]])?.compactMap { $0["text"] as? String } == [
          "The harbour jobs depend on the railway,"
        ])
      #expect(
        (search.json["articles"] as? [[String: Any]])?.compactMap { $0["id"] as? Int } == [1, 2])
    }
  }
}
