import Foundation
import HTTPTypes
import HummingbirdTesting
import QuotidianServer
import QuotidianStore
import QuotidianStoreTesting
import Testing

/// One quote ID everywhere: the ID a store listing gives (the CLI's CSV `quote_id`) opens the
/// quote in the API and the web UI (issue 22, item 5).
@Suite struct QuoteIDTests {
  @Test func theCSVQuoteIDOpensTheQuoteInTheAPIAndTheWebUI() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "quotidian-ids-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let store = try SQLiteStore(path: directory.appendingPathComponent("s.sqlite").path)
    for result in StoreFixtures.all { _ = try await store.save(result) }
    let listed = try await store.quotes(QuoteQuery())
    #expect(listed.count >= 2)
    let app = try buildApplication(ServerConfiguration(store: store))
    try await app.test(.router) { client in
      for quote in listed {
        try await client.execute(uri: "/api/v1/quotes/\(quote.quoteID)", method: .get) {
          response in
          #expect(response.status == .ok, "\(quote.quoteID)")
          #expect(response.text.contains("\"id\":\"\(quote.quoteID)\""), "\(quote.quoteID)")
        }
        try await client.execute(uri: "/quotes/\(quote.quoteID)", method: .get) { response in
          #expect(response.status == .ok, "\(quote.quoteID)")
        }
      }
    }
  }
}
