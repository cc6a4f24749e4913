import QuotidianStore
import QuotidianStoreTesting
import Testing

@Suite struct StoreConformanceTests {
  @Test(arguments: StoreConformance.checks)
  func sqliteStoreConforms(_ check: StoreConformance.Check) async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try await check.run { try SQLiteStore(path: directory.path("store.sqlite")) }
  }

  @Test(arguments: StoreConformance.identityChecks)
  func sqliteStoreLinksIdentities(_ check: StoreConformance.Check) async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try await check.run { try SQLiteStore(path: directory.path("identity.sqlite")) }
  }

  @Test(arguments: StoreConformance.identityChecks)
  func inMemorySQLiteStoreLinksIdentities(_ check: StoreConformance.Check) async throws {
    try await check.run { try SQLiteStore.inMemory() }
  }

  @Test(arguments: StoreConformance.checks)
  func inMemorySQLiteStoreConforms(_ check: StoreConformance.Check) async throws {
    try await check.run { try SQLiteStore.inMemory() }
  }

  @Test(arguments: StoreConformance.linkChecks)
  func sqliteStoreLinksArticles(_ check: StoreConformance.Check) async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try await check.run { try SQLiteStore(path: directory.path("links.sqlite")) }
  }

  @Test(arguments: StoreConformance.linkChecks)
  func inMemorySQLiteStoreLinksArticles(_ check: StoreConformance.Check) async throws {
    try await check.run { try SQLiteStore.inMemory() }
  }
}
