import QuotidianStoreTesting
import Testing

@testable import QuotidianStore

/// Ingest must cost the same whatever the store's size: every look-up identity linking makes
/// while saving an article seeks an index instead of scanning a table.
@Suite struct IngestQueryPlanTests {
  @Test(.bug(id: 13), arguments: SQLiteIdentityCatalog.lookups.keys.sorted())
  func identityLookUpSeeksAnIndex(_ name: String) async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try SQLiteStore(path: directory.path("plans.sqlite"))
    _ = try await StoreConformance.saveAll(store)
    let plan = try store.queryPlan(SQLiteIdentityCatalog.lookups[name] ?? "")
    #expect(!plan.isEmpty)
    // Only the bounded derived table of a candidate's latest articles may be read in full.
    for detail in plan where detail.hasPrefix("SCAN ") {
      #expect(detail == "SCAN latest", "\(name): \(detail)")
    }
    #expect(plan.contains { $0.hasPrefix("SEARCH ") }, "\(name): \(plan)")
  }

  @Test(.bug(id: 13)) func theWriterKeepsALargePageCacheAndSyncsNormallyInWAL() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try SQLiteStore(path: directory.path("pragmas.sqlite"))
    #expect(try store.unsafeFetchString(sql: "PRAGMA cache_size") == "-65536")
    #expect(try store.unsafeWriterString(sql: "PRAGMA synchronous") == "1")
  }
}
