import Foundation
import QuotidianStoreTesting
import Testing

@testable import QuotidianStore

@Suite struct SQLiteStoreTests {
  @Test func migratesAnEmptyFile() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try SQLiteStore(path: directory.path("new.sqlite"))
    let tables = try store.unsafeFetchString(
      sql: """
        SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master
        WHERE type = 'table' AND name IN ('articles', 'quotes', 'quotes_fts', 'articles_fts') ORDER BY name)
        """)
    #expect(tables == "articles articles_fts quotes quotes_fts")
    #expect(FileManager.default.fileExists(atPath: directory.path("new.sqlite")))
  }

  @Test func usesWriteAheadLoggingAndForeignKeys() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try SQLiteStore(path: directory.path("wal.sqlite"))
    #expect(try store.unsafeFetchString(sql: "PRAGMA journal_mode") == "wal")
    #expect(try store.unsafeFetchString(sql: "PRAGMA foreign_keys") == "1")
  }

  @Test func reopeningKeepsEverythingAndSavingAgainChangesNothing() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("reopen.sqlite")
    let outcomes = try await StoreConformance.saveAll(try SQLiteStore(path: path))
    let reopened = try SQLiteStore(path: path)
    #expect(try await reopened.articleCount() == StoreFixtures.all.count)
    #expect(
      try await StoreConformance.saveAll(reopened)
        == outcomes.map { .unchanged(articleID: $0.articleID) })
    #expect(try await reopened.quotes(QuoteQuery(speaker: "Benítez")).count == 3)
  }

  @Test func twoStoresOnOneFileSeeEachOthersWrites() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("shared.sqlite")
    let first = try SQLiteStore(path: path)
    let second = try SQLiteStore(path: path)
    _ = try await first.save(StoreFixtures.harbourPlan)
    #expect(try await second.save(StoreFixtures.harbourPlan).isInserted == false)
    #expect(try await second.articleCount() == 1)
  }

  @Test func concurrentSavesFromManyTasks() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try SQLiteStore(path: directory.path("concurrent.sqlite"))
    let results = (0..<40).map { index in
      var result = StoreFixtures.all[(index / 2) % StoreFixtures.all.count]
      // Identity is the content: each pair gets its own text.
      result.url = "https://copies.example/\(index / 2)"
      result.text += " Item \(index / 2)."
      return result
    }
    let inserted = try await withThrowingTaskGroup(of: Bool.self) { group in
      for result in results { group.addTask { try await store.save(result).isInserted } }
      var count = 0
      for try await isInserted in group where isInserted { count += 1 }
      return count
    }
    #expect(inserted == 20)
    #expect(try await store.articleCount() == 20)
  }

  @Test func aFailureInsideTheTransactionRollsBackTheWholeArticle() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try SQLiteStore(path: directory.path("rollback.sqlite"))
    _ = try await store.save(StoreFixtures.harbourPlan)
    try store.unsafeExecute(
      sql: """
        CREATE TRIGGER refuse_tomorrow BEFORE INSERT ON quotes WHEN new.text LIKE '%tomorrow%'
        BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END
        """)
    do {
      _ = try await store.save(StoreFixtures.railStrike)
      Issue.record("save should have failed")
    } catch {
      #expect(error.operation == "save")
      #expect(error.source == StoreFixtures.railStrike.source)
      // The reason is in plain words; SQLite's own message (which may quote SQL) stays inside.
      #expect(error.reason == "the data breaks a rule of the store's schema")
    }
    #expect(try await store.articleCount() == 1)
    #expect(
      try await store.quotes(QuoteQuery(search: "railway OR drivers")).isEmpty,
      "no quote of the failed article")
    #expect(try await store.quotes(QuoteQuery()).count == StoreFixtures.harbourPlan.quotes.count)
    try store.unsafeExecute(sql: "DROP TRIGGER refuse_tomorrow")
    #expect(try await store.save(StoreFixtures.railStrike).isInserted)
  }

  @Test func deletingAnArticleRemovesItsQuotesFromTheIndex() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try SQLiteStore(path: directory.path("cascade.sqlite"))
    let outcomes = try await StoreConformance.saveAll(store)
    try store.unsafeExecute(sql: "DELETE FROM articles WHERE id = \(outcomes[0].articleID)")
    #expect(try await store.quotes(QuoteQuery(search: "gamble")).isEmpty)
    #expect(try await store.quotes(QuoteQuery(search: "railway")).count == 1)
    try store.unsafeExecute(sql: "INSERT INTO quotes_fts(quotes_fts) VALUES ('integrity-check')")
    try store.unsafeExecute(
      sql: "INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
  }

  @Test func articleTextIsSearchable() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try SQLiteStore(path: directory.path("articles-fts.sqlite"))
    try await StoreConformance.saveAll(store)
    let count = try store.unsafeFetchString(
      sql:
        "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'librarian OR \"second week\"'")
    #expect(count == "2")
  }

  @Test(arguments: ["\"unclosed", "(a OR b", "OR", "NEAR(a b"])
  func fullTextSyntaxErrorsAreStoreErrors(_ search: String) async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try SQLiteStore(path: directory.path("fts-errors.sqlite"))
    try await StoreConformance.saveAll(store)
    await #expect(throws: StoreError.self) { try await store.quotes(QuoteQuery(search: search)) }
  }

  @Test func openingInAMissingDirectoryIsAnOpenError() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("missing/store.sqlite")
    #expect(throws: StoreError.self) { try SQLiteStore(path: path) }
    do {
      _ = try SQLiteStore(path: path)
    } catch {
      #expect(error.operation == "open" && error.source == path)
    }
  }

  @Test func openingAFileThatIsNotADatabaseFails() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("notes.txt")
    try Data(String(repeating: "These are not the pages of a database.\n", count: 200).utf8)
      .write(to: URL(fileURLWithPath: path))
    do {
      _ = try SQLiteStore(path: path)
      Issue.record("opening a text file should fail")
    } catch {
      #expect(["open", "migrate"].contains(error.operation))
      #expect(error.source == path)
      #expect(error.description.hasPrefix("\(path): error: store "))
    }
  }

  @Test func aDatabaseFromANewerVersionIsRefused() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("future.sqlite")
    let store = try SQLiteStore(path: path)
    try store.unsafeExecute(
      sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')")
    do {
      _ = try SQLiteStore(path: path)
      Issue.record("a newer schema should be refused")
    } catch {
      #expect(error.operation == "migrate")
      #expect(error.reason.contains("newer"))
    }
  }
}
