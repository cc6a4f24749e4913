import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import QuotidianStoreTesting
import Testing

@testable import QuotidianServer

@Suite("Writes and their token")
struct SecurityTests {
  static let token = "test-token-0123456789abcdef"
  static let article =
    #"{"text": "Mayor Ruth Alvane spoke on Friday. \"The bridge will reopen in May,\" Alvane said.", "title": "Bridge news", "outlet": "Test Gazette", "published": "2025-05-02"}"#

  static func post(
    _ client: any TestClientProtocol, body: String, token: String?,
    contentType: String = "application/json"
  ) async throws -> TestResponse {
    var headers: HTTPFields = [.contentType: contentType]
    if let token { headers[.authorization] = "Bearer " + token }
    return try await client.execute(
      uri: "/api/v1/articles", method: .post, headers: headers, body: ByteBuffer(string: body))
  }

  @Test("without QUOTIDIAN_TOKEN writes are disabled: 403 writes_disabled")
  func writesDisabledWithoutToken() async throws {
    try await ServerFixtures.withServer(token: nil) { client in
      let response = try await Self.post(client, body: Self.article, token: "anything")
      #expect(response.status == .forbidden)
      #expect(response.errorCode == "writes_disabled")
    }
  }

  @Test(
    "a missing or wrong bearer token answers 401 unauthorized",
    arguments: [nil, "wrong", token + "x", String(token.dropLast())])
  func wrongToken(_ given: String?) async throws {
    try await ServerFixtures.withServer(token: Self.token) { client in
      let response = try await Self.post(client, body: Self.article, token: given)
      #expect(response.status == .unauthorized)
      #expect(response.errorCode == "unauthorized")
      #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
      let count =
        try await client.execute(uri: "/api/v1/status", method: .get).json["articleCount"] as? Int
      #expect(count == ServerFixtures.all.count)
    }
  }

  @Test(
    "with the token a posted article is analysed and stored once; posting it again changes nothing")
  func postArticle() async throws {
    try await ServerFixtures.withServer(token: Self.token) { client in
      let first = try await Self.post(client, body: Self.article, token: Self.token)
      #expect(first.status == .created, "\(first.text)")
      #expect(first.json["inserted"] as? Bool == true)
      let quotes = first.json["quotes"] as? [[String: Any]] ?? []
      #expect(quotes.compactMap { $0["text"] as? String } == ["The bridge will reopen in May,"])
      #expect(quotes.first?["speaker"] as? String == "Ruth Alvane")
      let again = try await Self.post(client, body: Self.article, token: Self.token)
      #expect(again.status == .ok)
      #expect(again.json["inserted"] as? Bool == false)
      #expect(again.json["id"] as? Int == first.json["id"] as? Int)
      let listed = try await client.execute(uri: "/api/v1/quotes?outlet=Test+Gazette", method: .get)
      #expect(listed.items.count == 1)
    }
  }

  @Test("an HTML article is read for its text before analysis")
  func postHTML() async throws {
    let html = """
      <html><head><title>Ferry plan</title></head><body><article>
      <p>"Ferries will run every hour," said Harbour Master Ivo Brandt.</p></article></body></html>
      """
    let body = String(
      decoding: try JSONSerialization.data(withJSONObject: ["html": html]), as: UTF8.self)
    try await ServerFixtures.withServer(token: Self.token) { client in
      let response = try await Self.post(client, body: body, token: Self.token)
      #expect(response.status == .created, "\(response.text)")
      let quotes = response.json["quotes"] as? [[String: Any]] ?? []
      #expect(quotes.compactMap { $0["text"] as? String } == ["Ferries will run every hour,"])
    }
  }

  struct BadBody: CustomTestStringConvertible, Sendable {
    var name: String
    var body: String
    var contentType = "application/json"
    var status: Int
    var code: String
    var testDescription: String { name }
  }

  static let badBodies: [BadBody] = [
    .init(name: "not JSON", body: "text=hello", status: 400, code: "invalid_body"),
    .init(
      name: "form content type", body: "text=hello",
      contentType: "application/x-www-form-urlencoded", status: 415, code: "unsupported_media_type"),
    .init(
      name: "neither text nor html", body: #"{"title": "x"}"#, status: 400, code: "invalid_body"),
    .init(
      name: "both text and html", body: #"{"text": "a", "html": "<p>b</p>"}"#, status: 400,
      code: "invalid_body"),
    .init(
      name: "html with a blank text beside it", body: #"{"html": "A", "text": ""}"#, status: 400,
      code: "invalid_body"),
    .init(name: "blank text", body: #"{"text": "  \n "}"#, status: 400, code: "invalid_body"),
    .init(
      name: "html with a null text beside it", body: #"{"html": "<p>A</p>", "text": null}"#,
      status: 400, code: "invalid_body"),
    .init(
      name: "bad published date", body: #"{"text": "a", "published": "last week"}"#, status: 400,
      code: "invalid_body"),
    .init(
      name: "overlong title",
      body: #"{"text": "a", "title": "\#(String(repeating: "t", count: 1001))"}"#, status: 400,
      code: "invalid_body"),
    .init(
      name: "body over 1 MiB", body: #"{"text": "\#(String(repeating: "word ", count: 220_000))"}"#,
      status: 413, code: "payload_too_large"),
  ]

  @Test("bad bodies are refused with a stable code before anything is stored", arguments: badBodies)
  func badBodiesRefused(_ bad: BadBody) async throws {
    try await ServerFixtures.withServer(token: Self.token) { client in
      let response = try await Self.post(
        client, body: bad.body, token: Self.token, contentType: bad.contentType)
      #expect(Int(response.status.code) == bad.status, "\(response.text.prefix(300))")
      #expect(response.errorCode == bad.code)
      let count =
        try await client.execute(uri: "/api/v1/status", method: .get).json["articleCount"] as? Int
      #expect(count == ServerFixtures.all.count)
    }
  }

  @Test(
    "tokens compare in constant time and exactly",
    arguments: [
      ("abc", "abc", true), ("abc", "abd", false), ("abc", "ab", false), ("", "a", false),
      ("", "", true),
    ])
  func constantTimeComparison(_ a: String, _ b: String, _ equal: Bool) {
    #expect(API.constantTimeEqual(a, b) == equal)
  }
}
