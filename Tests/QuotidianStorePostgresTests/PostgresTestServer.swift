import Foundation
import QuotidianStore
import Testing

@testable import QuotidianStorePostgres

/// The PostgreSQL server the tests use: `QUOTIDIAN_TEST_POSTGRES_URL`
/// (`scripts/pg-test-cluster start` prints one). Without it, the suites that need a server
/// are skipped with that message — and `.ci/run`, which starts a server, sets
/// `QUOTIDIAN_REQUIRE_POSTGRES=1` so that a missing server fails the run instead.
enum PostgresTestServer {
  static let url = ProcessInfo.processInfo.environment["QUOTIDIAN_TEST_POSTGRES_URL"]
  static let required = ProcessInfo.processInfo.environment["QUOTIDIAN_REQUIRE_POSTGRES"] == "1"
  static var available: Bool { url != nil || required }
  static let skipMessage: Comment =
    "no PostgreSQL server: set QUOTIDIAN_TEST_POSTGRES_URL (scripts/pg-test-cluster start prints one)"

  static func baseLocation() throws -> PostgresLocation {
    guard let url else {
      Issue.record("QUOTIDIAN_REQUIRE_POSTGRES=1 but QUOTIDIAN_TEST_POSTGRES_URL is not set")
      throw StoreError(operation: "open", reason: "no test server")
    }
    return try PostgresLocation(url: url)
  }

  /// A new, empty database for one test, dropped by `body`'s end.
  static func withScratchDatabase<T: Sendable>(
    _ body: (PostgresLocation) async throws -> T
  ) async throws -> T {
    let base = try baseLocation()
    let admin = try await PostgresDatabase.open(base)
    let name = "qt_\(UInt64.random(in: 0...UInt64.max) & 0xFFFF_FFFF_FFFF)"
    try await admin.execute("CREATE DATABASE \(name)")
    var scratch = base
    scratch.database = name
    do {
      let result = try await body(scratch)
      try await admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
      admin.close()
      return result
    } catch {
      try? await admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
      admin.close()
      throw error
    }
  }
}
