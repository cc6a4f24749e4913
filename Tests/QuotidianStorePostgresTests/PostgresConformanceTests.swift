import Foundation
import QuotidianStore
import QuotidianStoreTesting
import Testing

@testable import QuotidianStorePostgres

/// The one conformance suite (store, identity, linking) on the PostgreSQL store, each check
/// on a new database of its own; the SQLite store runs the same checks in
/// `QuotidianStoreTests`.
@Suite(
  "PostgreSQL store conformance",
  .enabled(if: PostgresTestServer.available, PostgresTestServer.skipMessage))
struct PostgresConformanceTests {
  /// Runs `check` on a fresh PostgreSQL store, closed and dropped afterwards.
  static func run(_ check: StoreConformance.Check) async throws {
    try await PostgresTestServer.withScratchDatabase { location in
      let opened = OpenedStores()
      defer { opened.closeAll() }
      try await check.run {
        let store = try await PostgresStore.open(location, maximumConnections: 2)
        opened.add(store)
        return store
      }
    }
  }

  @Test(arguments: StoreConformance.checks)
  func postgresStoreConforms(_ check: StoreConformance.Check) async throws {
    try await Self.run(check)
  }

  @Test(arguments: StoreConformance.identityChecks)
  func postgresStoreLinksIdentities(_ check: StoreConformance.Check) async throws {
    try await Self.run(check)
  }

  @Test(arguments: StoreConformance.linkChecks)
  func postgresStoreLinksArticles(_ check: StoreConformance.Check) async throws {
    try await Self.run(check)
  }
}

/// The stores a check opened, closed when it ends.
final class OpenedStores: @unchecked Sendable {
  private let lock = NSLock()
  private var stores: [PostgresStore] = []

  func add(_ store: PostgresStore) { lock.withLock { stores.append(store) } }

  func closeAll() {
    for store in lock.withLock({ stores }) { store.close() }
  }
}
