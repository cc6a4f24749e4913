import QuotidianStoreTesting
import Testing

@testable import QuotidianStore

/// Ingest writes several articles per transaction; an article the database refuses halfway
/// through its save must be rolled back alone.
@Suite struct BatchSaveTests {
  @Test(.bug(id: 13)) func anArticleRefusedInsideTheBatchIsRolledBackAloneAndTheOthersAreKept()
    async throws
  {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try SQLiteStore(path: directory.path("batch.sqlite"))
    // The rail strike's article row is written, then one of its quotes is refused.
    try store.unsafeExecute(
      sql: """
        CREATE TRIGGER refuse_varga BEFORE INSERT ON quotes WHEN NEW.speaker LIKE '%Varga'
        BEGIN SELECT RAISE(ABORT, 'refused'); END
        """)
    let outcomes = await store.saveAll(StoreFixtures.all)
    #expect(outcomes.count == StoreFixtures.all.count)
    for (result, outcome) in zip(StoreFixtures.all, outcomes) {
      if result.source == StoreFixtures.railStrike.source {
        #expect((try? outcome.get()) == nil)
      } else {
        #expect((try? outcome.get())?.isInserted == true, "\(result.source)")
      }
    }
    #expect(try await store.articleCount() == StoreFixtures.all.count - 1)
    #expect(
      try store.unsafeFetchString(
        sql: "SELECT count(*) FROM articles WHERE source = '\(StoreFixtures.railStrike.source)'")
        == "0")
    try store.unsafeExecute(sql: "DROP TRIGGER refuse_varga")
    let retried = await store.saveAll(StoreFixtures.all)
    #expect(
      retried.map { (try? $0.get())?.isInserted }
        == StoreFixtures.all.map { $0.source == StoreFixtures.railStrike.source })
  }
}
