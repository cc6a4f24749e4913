import Foundation
import GRDB
import QuotidianCore
import QuotidianStoreTesting
import Testing

@testable import QuotidianStore

/// Opening, refusing, bounding and naming (issue 11, and issue 10's SQLite concurrency).
@Suite struct StoreRobustnessTests {
  static func stores(_ directory: TemporaryDirectory) throws -> [any Store] {
    [try SQLiteStore.inMemory(), try SQLiteStore(path: directory.path("store.sqlite"))]
  }

  // MARK: Opening

  @Test(.bug(id: 11))
  func anotherApplicationsDatabaseIsRefusedAndLeftUnchanged() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("notes.db")
    let queue = try DatabaseQueue(path: path)
    try queue.write {
      try $0.execute(
        sql:
          "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('keep me')"
      )
    }
    try queue.close()
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    for open in [
      { _ = try SQLiteStore(path: path) }, { _ = try SQLiteStore.openForReading(path: path) },
    ] {
      do {
        try open()
        Issue.record("another application's database must be refused")
      } catch let error as StoreError {
        #expect(error.reason.contains("not a Quotidian store"))
        #expect(error.source == path)
      }
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
  }

  @Test(.bug(id: 11))
  func openingForReadingNeverCreatesAStore() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("typo.sqlite")
    #expect(throws: StoreError.self) { try SQLiteStore.openForReading(path: path) }
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  @Test(.bug(id: 10), .enabled(if: getuid() != 0, "root writes read-only files"))
  func aReadOnlyStoreCanBeQueried() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("archive.sqlite")
    try await StoreConformance.saveAll(try SQLiteStore(path: path))
    try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
    let store = try SQLiteStore.openForReading(path: path)
    #expect(store.isReadOnly)
    #expect(try await store.articleCount() > 0)
  }

  @Test(.bug(id: 10))
  func aStoreOpenedForReadingRefusesWrites() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("reader.sqlite")
    try await StoreConformance.saveAll(try SQLiteStore(path: path))
    let reader = try SQLiteStore.openForReading(path: path)
    let count = try await reader.articleCount()
    var article = StoreFixtures.all[0]
    article.text += " A new paragraph."
    do {
      _ = try await reader.save(article)
      Issue.record("a reader must not write")
    } catch {
      #expect(!error.reason.lowercased().contains("sqlite"), "\(error.reason)")
    }
    #expect(try await reader.articleCount() == count)
  }

  @Test(.bug(id: 11))
  func aFullDiskIsAFatalErrorInPlainWords() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try SQLiteStore(path: directory.path("full.sqlite"))
    let pages = try #require(try store.unsafeFetchString(sql: "PRAGMA page_count")).flatMap {
      Int($0)
    }
    try store.unsafeExecute(sql: "PRAGMA max_page_count = \(pages ?? 1)")
    var article = StoreFixtures.all[0]
    article.text = String(repeating: article.text + "\n\n", count: 50)
    do {
      _ = try await store.save(article)
      Issue.record("the save should not fit")
    } catch {
      #expect(error.isFatal)
      #expect(error.reason.hasPrefix("disk full"), "\(error.reason)")
    }
  }

  @Test(.bug(id: 10))
  func twoWritersOnOneFileWaitForEachOther() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("shared.sqlite")
    let first = try SQLiteStore(path: path)
    let second = try SQLiteStore(path: path)
    var articles: [ExtractionResult] = []
    for number in 0..<40 {
      var article = StoreFixtures.all[number % StoreFixtures.all.count]
      article.source = "shared/\(number).txt"
      article.url = "https://news.example/shared/\(number)"
      article.text += "\n\nUpdate \(number)."
      articles.append(article)
    }
    try await withThrowingTaskGroup(of: Void.self) { group in
      for (index, article) in articles.enumerated() {
        let store = index.isMultiple(of: 2) ? first : second
        group.addTask { _ = try await store.save(article) }
      }
      try await group.waitForAll()
    }
    #expect(try await first.articleCount() == 40)
  }

  // MARK: Query bounds

  @Test(.bug(id: 11))
  func aHundredWordSearchRunsInsteadOfOverflowingTheParser() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    for store in try Self.stores(directory) {
      try await StoreConformance.saveAll(store)
      let words = Array(repeating: "harbour", count: 100).joined(separator: " ")
      _ = try await store.quotes(QuoteQuery(search: words))
      let alternatives = (0..<100).map { "word\($0)" }.joined(separator: " OR ")
      _ = try await store.quotes(QuoteQuery(search: alternatives))
    }
  }

  @Test(
    .bug(id: 11),
    arguments: [
      QuoteQuery(speaker: String(repeating: "x", count: 100_000)),
      QuoteQuery(outlet: String(repeating: "y", count: 100_000)),
      QuoteQuery(search: String(repeating: "z ", count: 10_000)),
      QuoteQuery(limit: -1),
      QuoteQuery(since: "2026-13-01"),
      QuoteQuery(until: "2026-02-30"),
      QuoteQuery(since: "2026-02-03T25:00"),
    ])
  func unboundedOrImpossibleQueriesAreClearErrors(_ query: QuoteQuery) async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    for store in try Self.stores(directory) {
      try await StoreConformance.saveAll(store)
      do {
        _ = try await store.quotes(query)
        Issue.record("\(query) should be refused")
      } catch {
        #expect(error.operation == "query")
        for raw in ["sqlite", "fts5", "LIKE", "GLOB", "SQL"] {
          #expect(!error.reason.contains(raw), "\(error.reason)")
        }
      }
    }
  }

  @Test(.bug(id: 11))
  func aLongNameForASpeakerProfileIsAClearError() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    for store in try Self.stores(directory) {
      do {
        _ = try await store.speaker(named: String(repeating: "Kessler ", count: 20_000))
        Issue.record("a 160 KB name should be refused")
      } catch {
        #expect(error.reason.contains("too long"))
      }
    }
  }

  // MARK: Speakers by name form

  static let calloway: ExtractionResult = {
    let text = """
      "The budget is balanced," said Mira Calloway, the harbour commissioner. "We are not \
      worried," one adviser to Calloway said.
      """
    var result = StoreFixtures.article(
      source: "fixtures/calloway-budget.txt", url: "https://news.example/calloway-budget",
      title: nil,
      published: "2026-03-02", outlet: "Harbour Times", text: text,
      quotes: [
        (
          "The budget is balanced,", "Mira Calloway", "Mira Calloway", "said", "direct",
          "verbAfterQuote"
        ),
        (
          "We are not worried,", "one adviser to Calloway", "one adviser to Calloway", "said",
          "direct", "verbAfterQuote"
        ),
      ])
    result.entities = [IdentityFixtures.entity("Mira Calloway", aliases: ["Calloway"], in: text)]
    return result
  }()

  @Test(.bug(id: 11))
  func aSpeakerNameMatchesNameFormsNotDescriptionsMentioningIt() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    for store in try Self.stores(directory) {
      _ = try await store.save(Self.calloway)
      let quotes = try await store.quotes(QuoteQuery(speaker: "Calloway"))
      #expect(quotes.map(\.text) == ["The budget is balanced,"], "\(type(of: store))")
      let profile = try await store.speaker(named: "Calloway")
      #expect(profile?.quoteCount == 1)
    }
  }

  @Test(.bug(id: 11))
  func anAmbiguousSurnameListsTheCandidates() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    for store in try Self.stores(directory) {
      for article in [IdentityFixtures.annaKelly, IdentityFixtures.johnKelly] {
        _ = try await store.save(article)
      }
      var reasons: [String] = []
      do {
        _ = try await store.quotes(QuoteQuery(speaker: "Kelly"))
      } catch {
        reasons.append(error.reason)
      }
      do {
        _ = try await store.speaker(named: "Kelly")
      } catch {
        reasons.append(error.reason)
      }
      #expect(reasons.count == 2, "'Kelly' names two people")
      for reason in reasons {
        #expect(
          reason.contains("Anna Kelly (1 quote)") && reason.contains("John Kelly (1 quote)"),
          "\(reason)")
      }
      #expect(
        try await store.quotes(QuoteQuery(speaker: "John Kelly")).map(\.text) == [
          "The lads ran until the end,"
        ])
    }
  }
}
