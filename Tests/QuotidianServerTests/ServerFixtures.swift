import Foundation
import HTTPTypes
import HummingbirdTesting
import QuotidianCore
import QuotidianServer
import QuotidianStore
import QuotidianStoreTesting
import Testing

/// Stores for the server tests: the shared store fixtures, plus an article whose every field
/// is markup (HTML injection) and one whose speaker is an entity with a role.
enum ServerFixtures {
  static let injection = StoreFixtures.article(
    source: "fixtures/<b>inject</b>.html", url: "https://evil.example/?q=<script>",
    title: "<script>alert('title')</script>",
    published: "2025-01-05", outlet: "<i>Outlet</i>",
    text: """
      A statement arrived on Sunday. "<script>alert('quote')</script> is only text," said Zed <img src=x onerror=alert(1)>.
      """,
    quotes: [
      (
        "<script>alert('quote')</script> is only text,", "Zed <img src=x onerror=alert(1)>", "Zed",
        "said", "direct", "verbAfterQuote"
      )
    ])

  static let councillor: ExtractionResult = {
    var result = StoreFixtures.article(
      source: "fixtures/bridge.txt", url: "https://gazette.example/2025/02/bridge",
      title: "Bridge to reopen in May",
      published: "2025-02-20", outlet: "Aldren Gazette",
      text: """
        Councillor Ines Morrow said the old bridge would reopen in May.

        "The repairs are ahead of schedule," Morrow said on Thursday.
        """,
      quotes: [
        (
          "The repairs are ahead of schedule,", "Ines Morrow", "Morrow", "said", "direct",
          "verbAfterQuote"
        )
      ])
    result.entities = [
      ExtractionResult.EntityRecord(
        name: "Ines Morrow", type: "person", roles: ["councillor"],
        mentions: [[11, 22], [100, 106]],
        aliases: ["Ines Morrow", "Morrow"],
        roleDetails: [
          .init(title: "councillor", organization: nil, status: "current", since: nil, until: nil)
        ])
    ]
    return result
  }()

  static let all = StoreFixtures.all + [injection, councillor]

  /// A plain-text article of ours, analysed by the standard pipeline.
  static func analysed(source: String, published: String, text: String) -> ExtractionResult {
    ExtractionResult(
      document: Pipeline.standard().run(text: text, published: published),
      article: Article(
        text: text, metadata: ArticleMetadata(published: published), source: source,
        format: "text"))
  }

  static func store(_ results: [ExtractionResult] = all) async throws -> SQLiteStore {
    let store = try SQLiteStore.inMemory()
    for result in results { _ = try await store.save(result) }
    return store
  }

  /// Runs `body` against the application over an in-memory store of `results`.
  @discardableResult
  static func withServer<Value: Sendable>(
    token: String? = nil, results: [ExtractionResult] = all,
    _ body: @Sendable (any TestClientProtocol) async throws -> Value
  ) async throws -> Value {
    let store = try await store(results)
    let app = try buildApplication(ServerConfiguration(store: store, token: token))
    return try await app.test(.router, body)
  }
}

extension TestResponse {
  var text: String { String(buffer: body) }

  var json: [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
  }

  var items: [[String: Any]] { json["items"] as? [[String: Any]] ?? [] }

  var errorCode: String? { (json["error"] as? [String: Any])?["code"] as? String }
}
