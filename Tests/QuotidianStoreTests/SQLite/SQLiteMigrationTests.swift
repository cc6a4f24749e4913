import Foundation
import QuotidianCore
import QuotidianStoreTesting
import Testing

@testable import QuotidianStore

@Suite struct SQLiteMigrationTests {
  static func sql(_ value: String?) -> String {
    value.map { "'" + $0.replacing("'", with: "''") + "'" } ?? "NULL"
  }

  /// Writes `article` with the first schema's SQL, as the first version of the store did.
  static func writeAsVersionOne(_ article: ExtractionResult, into store: SQLiteStore) throws {
    // Version one hashed the text with the URL or source; any unique value stands in for it.
    let hash = "v1:" + (article.url ?? article.source)
    try store.unsafeExecute(
      sql: """
        INSERT INTO articles (content_hash, source, url, format, title, published, outlet, outlet_key, language, text)
        VALUES (\(sql(hash)), \(sql(article.source)), \(sql(article.url)), \(sql(article.format)),
          \(sql(article.title)), \(sql(article.published)), \(sql(article.outlet)),
          \(sql(article.outlet.map(TextFolding.key))), 'en', \(sql(article.text)))
        """)
    for (position, quote) in article.quotes.enumerated() {
      try store.unsafeExecute(
        sql: """
          INSERT INTO quotes (article_id, position, text, speaker, kind, start, "end", confidence, rule)
          SELECT id, \(position), \(sql(quote.text)), \(sql(quote.speaker)), \(sql(quote.kind)), \(quote.start),
            \(quote.end), \(quote.confidence), \(sql(quote.rule))
          FROM articles WHERE content_hash = \(sql(hash))
          """)
    }
  }

  @Test func aVersionOneDatabaseKeepsItsDataAndGainsIdentities() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("v1.sqlite")
    let old = try SQLiteStore(path: path, migratingUpTo: "v1: articles, quotes, full-text search")
    try Self.writeAsVersionOne(StoreFixtures.harbourPlan, into: old)
    #expect(
      try old.unsafeFetchString(sql: "SELECT count(*) FROM sqlite_master WHERE name = 'entities'")
        == "0")

    let store = try SQLiteStore(path: path)
    #expect(
      try store.unsafeFetchString(
        sql: "SELECT group_concat(identifier, ' | ') FROM grdb_migrations")
        == "v1: articles, quotes, full-text search | v2: entities, aliases, roles, cross-article identity | "
        + "v3: content identity, sightings, near copies, statements, rewrites, stories"
        + " | v-statements: said, reported speech, dates, claims, promises | "
        + "v4: bounded ingest look-ups (co-occurrence index, role sets) | "
        + "v5: quotes per speaker maintained on write | "
        + "v6: full-text index updated only when its text changes | "
        + "v7: storylines (events chained over months)")
    #expect(try await store.articleCount() == 1)
    #expect(
      try store.unsafeFetchString(
        sql: "SELECT count(*) FROM stories WHERE storyline_id IS NULL OR storyline_id <> id")
        == "0", "v7 makes each story its own storyline")
    // v5 counts the quotes already stored.
    #expect(
      try store.unsafeFetchString(sql: "SELECT sum(all_quotes) FROM speaker_counts")
        == String(StoreFixtures.harbourPlan.quotes.filter { $0.speaker != nil }.count))
    #expect(
      try await store.quotes(QuoteQuery()).map(\.text)
        == StoreFixtures.harbourPlan.quotes.map(\.text))
    #expect(
      try await store.quotes(QuoteQuery(search: "gamble")).count == 1,
      "the full-text index survives")
    #expect(
      try await store.save(StoreFixtures.harbourPlan).isInserted == false,
      "old articles keep their identity")
    let speakers = try await store.speakers(SpeakerQuery())
    #expect(speakers.map(\.name) == ["Ana María Benítez", "Tomás Ruiz"])
    let profile = try #require(try await store.speaker(named: "Benítez"))
    #expect(
      profile.entityID == nil && profile.quoteCount == 2, "older quotes are found by speaker name")

    #expect(try await store.save(IdentityFixtures.ilvesAmbassador).isInserted)
    #expect(try await store.save(IdentityFixtures.ilvesMinister).isInserted)
    #expect(
      try await store.entities(EntityQuery(type: "person")).map(\.name) == ["Marta Ilves Kaldera"])
    #expect(try await store.articleCount() == 3)
  }

  @Test func copiesStoredBeforeContentIdentityBecomeExactCopiesOfTheFirst() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("v1-copies.sqlite")
    let old = try SQLiteStore(path: path, migratingUpTo: "v1: articles, quotes, full-text search")
    var copy = StoreFixtures.harbourPlan
    copy.source = "mirror/harbour.txt"
    copy.url = nil
    try Self.writeAsVersionOne(StoreFixtures.harbourPlan, into: old)
    try Self.writeAsVersionOne(copy, into: old)
    #expect(
      try old.unsafeFetchString(sql: "SELECT count(*) FROM quotes") == "6",
      "version one stored the copy")

    let store = try SQLiteStore(path: path)
    #expect(
      try await store.duplicates(LinkQuery())
        == [
          DuplicateRecord(
            article: "mirror/harbour.txt", duplicateOf: "fixtures/harbour.html", kind: "exact",
            similarity: 1)
        ])
    #expect(
      try await store.quotes(QuoteQuery(speaker: "Benítez")).count == 2, "the copy no longer counts"
    )
    #expect(try await store.speakers(SpeakerQuery()).first?.quoteCount == 2)
    #expect(try await store.save(copy) == .unchanged(articleID: 1))
    #expect(try await store.stories(StoryQuery()).count == 1, "old articles are clustered too")
  }

  @Test func identitiesAreLinkedInTheSavingTransaction() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try SQLiteStore(path: directory.path("rollback.sqlite"))
    _ = try await store.save(IdentityFixtures.ilvesAmbassador)
    try store.unsafeExecute(
      sql: """
        CREATE TRIGGER refuse_minister BEFORE INSERT ON entity_roles WHEN new.title = 'foreign minister'
        BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END
        """)
    await #expect(throws: StoreError.self) { try await store.save(IdentityFixtures.ilvesMinister) }
    let ilves = try await store.entities(EntityQuery(name: "Ilves"))
    #expect(ilves.map(\.aliases) == [["Marta Ilves"]], "no alias of the failed article")
    #expect(try await store.articleCount() == 1)
    try store.unsafeExecute(sql: "DROP TRIGGER refuse_minister")
    #expect(try await store.save(IdentityFixtures.ilvesMinister).isInserted)
    #expect(try await store.entities(EntityQuery(name: "Ilves")).first?.articleCount == 2)
  }
}
