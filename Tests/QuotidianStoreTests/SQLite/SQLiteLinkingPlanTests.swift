import Foundation
import QuotidianCore
import QuotidianStoreTesting
import Testing

@testable import QuotidianStore

/// Linking one article must cost the same in any store size: every look-up on the ingest
/// path is an index seek, never a scan.
@Suite struct SQLiteLinkingPlanTests {
  @Test(.bug(id: 13), arguments: SQLiteLinkCatalog.ingestLookups.indices)
  func ingestLookUpsSeekAnIndex(_ index: Int) async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try SQLiteStore(path: directory.path("plan.sqlite"))
    for article in [LinkFixtures.wire, LinkFixtures.syndicated, LinkFixtures.rewrite] {
      _ = try await store.save(article)
    }
    let lookup = SQLiteLinkCatalog.ingestLookups[index]
    let arguments = Array(repeating: "1", count: lookup.arguments).joined(separator: ", ")
    let plan = try store.unsafeFetchPlan(sql: lookup.sql, arguments: lookup.arguments)
    #expect(!plan.isEmpty)
    for line in plan {
      #expect(
        !line.hasPrefix("SCAN") || line.contains("USING"), "\(lookup.sql) [\(arguments)]: \(line)")
    }
  }
}
