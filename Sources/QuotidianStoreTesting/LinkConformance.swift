import QuotidianCore
public import QuotidianStore
import Testing

extension StoreConformance {
  /// Cross-article linking: content identity, sightings, near copies, statements, rewrites
  /// and stories.
  public static let linkChecks: [Check] = [
    Check(
      name: "the same content under another path, URL or format is one article",
      body: contentIsTheIdentity),
    Check(
      name: "a near copy is a duplicate of the earliest and counts once", body: nearCopiesCountOnce),
    Check(
      name: "a copy stored before its original makes the original the earliest",
      body: outOfOrderCopies),
    Check(name: "a copy with one word in twenty changed is a near copy", body: editedCopiesAreNear),
    Check(
      name: "a rewrite is linked to its original with its altered quotes",
      body: rewritesReportAlteredQuotes),
    Check(name: "a statement gathers every report of it", body: statementsGatherReports),
    Check(name: "stories keep related articles together and others apart", body: storiesCluster),
    Check(name: "link listings take a limit", body: linkListingsTakeALimit),
  ]

  static func contentIsTheIdentity(_ store: any Store) async throws {
    let original = StoreFixtures.harbourPlan
    let id = try await store.save(original).articleID
    var otherURL = original
    otherURL.url = "https://mirror.example/harbour-plan"
    otherURL.source = "https://mirror.example/harbour-plan"
    var otherFormat = original
    otherFormat.source = "inbox/harbour.eml"
    otherFormat.format = "email"
    otherFormat.text = original.text.uppercased().replacing(".", with: " .")
    otherFormat.quotes = []
    var samePath = original
    samePath.source = "./fixtures//harbour.html"
    #expect(try await store.save(otherURL) == .unchanged(articleID: id), "another URL")
    #expect(
      try await store.save(otherFormat) == .unchanged(articleID: id),
      "another format, case and punctuation")
    #expect(
      try await store.save(samePath) == .unchanged(articleID: id), "the same path spelled otherwise"
    )
    let sighting = ArticleSighting(
      source: "archive/harbour.warc", url: original.url, format: "warc", title: original.title,
      outlet: "Archive",
      published: nil, contentKey: ArticleIdentity.contentKey(text: original.text + "\n"))
    #expect(
      try await store.recordSighting(sighting) == id, "a sighting before analysis finds the article"
    )
    var other = StoreFixtures.libraries
    other.source = original.source
    let unknown = ArticleSighting(result: other)
    #expect(try await store.recordSighting(unknown) == nil, "new content at a known path is new")
    #expect(try await store.articleCount() == 1)
    #expect(
      try await store.quotes(QuoteQuery()).count == original.quotes.count, "no quote stored twice")
    #expect(
      try await store.duplicates(LinkQuery()) == [
        DuplicateRecord(
          article: otherURL.source, duplicateOf: original.source, kind: "exact", similarity: 1),
        DuplicateRecord(
          article: otherFormat.source, duplicateOf: original.source, kind: "exact", similarity: 1),
        DuplicateRecord(
          article: "archive/harbour.warc", duplicateOf: original.source, kind: "exact",
          similarity: 1),
      ])
  }

  static func nearCopiesCountOnce(_ store: any Store) async throws {
    let wire = try await store.save(LinkFixtures.wire)
    let copy = try await store.save(LinkFixtures.syndicated)
    #expect(wire.isInserted && copy.isInserted, "a near copy is stored, as a copy")
    let duplicates = try await store.duplicates(LinkQuery())
    #expect(duplicates.map(\.article) == [LinkFixtures.syndicated.source])
    #expect(duplicates.map(\.duplicateOf) == [LinkFixtures.wire.source])
    #expect(duplicates.map(\.kind) == ["near"])
    #expect(duplicates.allSatisfy { $0.similarity >= 0.6 && $0.similarity < 1 })
    let quotes = try await store.quotes(QuoteQuery(speaker: "Loris"))
    #expect(quotes.map(\.source) == [LinkFixtures.wire.source], "the copy's quotes are not listed")
    #expect(try await store.quotes(QuoteQuery(speaker: "Loris", includeCopies: true)).count == 2)
    let speakers = try await store.speakers(SpeakerQuery())
    #expect(speakers.map(\.quoteCount) == [1, 1, 1])
    #expect(speakers.map(\.articleCount) == [1, 1, 1])
    #expect(
      try await store.speakers(SpeakerQuery(includeCopies: true)).map(\.quoteCount) == [2, 2, 2])
    #expect(try await store.speaker(named: "Hana Loris")?.quoteCount == 1)
    #expect(try await store.speaker(named: "Hana Loris", includeCopies: true)?.quoteCount == 2)
    // An unrelated article is nobody's copy.
    _ = try await store.save(LinkFixtures.bridge)
    #expect(try await store.duplicates(LinkQuery()).count == 1)
  }

  static func editedCopiesAreNear(_ store: any Store) async throws {
    _ = try await store.save(LinkFixtures.wire)
    var edited = LinkFixtures.wire
    var words = edited.text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
    for index in stride(from: 7, to: words.count, by: 20) { words[index] = "changed" }
    edited.text = words.joined(separator: " ")
    edited.quotes = []
    edited.source = "edited/ferry.txt"
    _ = try await store.save(edited)
    _ = try await store.save(LinkFixtures.rewrite)
    let duplicates = try await store.duplicates(LinkQuery())
    #expect(duplicates.map(\.article) == ["edited/ferry.txt"], "the rewrite is not a near copy")
    #expect(duplicates.allSatisfy { $0.similarity >= 0.6 })
  }

  static func outOfOrderCopies(_ store: any Store) async throws {
    var late = LinkFixtures.syndicated
    late.published = "2026-05-06"
    _ = try await store.save(late)
    _ = try await store.save(LinkFixtures.wire)
    let duplicates = try await store.duplicates(LinkQuery())
    #expect(duplicates.map(\.article) == [late.source])
    #expect(duplicates.map(\.duplicateOf) == [LinkFixtures.wire.source])
    #expect(
      try await store.quotes(QuoteQuery()).map(\.source).allSatisfy {
        $0 == LinkFixtures.wire.source
      })
  }

  static func rewritesReportAlteredQuotes(_ store: any Store) async throws {
    _ = try await store.save(LinkFixtures.wire)
    _ = try await store.save(LinkFixtures.syndicated)
    _ = try await store.save(LinkFixtures.rewrite)
    _ = try await store.save(LinkFixtures.bridge)
    let rewrites = try await store.rewrites(LinkQuery())
    #expect(rewrites.map(\.article) == [LinkFixtures.rewrite.source])
    #expect(rewrites.map(\.original) == [LinkFixtures.wire.source], "the earliest, not its copy")
    #expect(rewrites.first?.sharedQuotes == 3)
    let altered = rewrites.first?.alteredQuotes ?? []
    #expect(altered.map(\.speaker) == ["Hana Loris", "Ilse Brandt"])
    #expect(
      altered.map(\.variant) == [
        LinkFixtures.rewrite.quotes[0].text, LinkFixtures.rewrite.quotes[2].text,
      ])
    #expect(
      altered.map(\.original) == [
        LinkFixtures.wire.quotes[0].text, LinkFixtures.wire.quotes[2].text,
      ])
    #expect(altered.map(\.changes) == [["negation", "modal"], ["date"]])
    #expect(altered.allSatisfy { $0.meaningChanged })
    #expect(
      altered.first?.diff
        == "we [-will-] {+won't+} return to work when the company puts a real offer on the table")
    #expect(
      try await store.duplicates(LinkQuery()).map(\.article) == [LinkFixtures.syndicated.source])
    // Rewrites count: they are not copies.
    #expect(try await store.speaker(named: "Loris")?.quoteCount == 2)
  }

  static func statementsGatherReports(_ store: any Store) async throws {
    _ = try await store.save(LinkFixtures.wire)
    _ = try await store.save(LinkFixtures.syndicated)
    _ = try await store.save(LinkFixtures.rewrite)
    let statements = try await store.statements(StatementQuery(speaker: "Loris"))
    #expect(statements.count == 1, "one statement, however worded")
    let reports = statements.first?.reports ?? []
    #expect(
      reports.map(\.source) == [
        LinkFixtures.wire.source, LinkFixtures.syndicated.source, LinkFixtures.rewrite.source,
      ])
    #expect(reports.map(\.isCopy) == [false, true, false])
    #expect(reports.map(\.isAltered) == [false, false, true])
    #expect(reports.last?.wording == LinkFixtures.rewrite.quotes[0].text)
    #expect(reports.map(\.outlet) == ["Coastline Wire", "The Island Courier", "Harbour Daily"])
    #expect(statements.first?.speaker == "Hana Loris")
    let amari = try await store.statements(StatementQuery(speaker: "Dev Amari"))
    #expect(amari.map { $0.reports.count } == [3], "punctuation is not wording")
    #expect(try await store.statements(StatementQuery(speaker: "Nobody Known")).isEmpty)
  }

  static func storiesCluster(_ store: any Store) async throws {
    for article in [
      LinkFixtures.wire, LinkFixtures.bridge, LinkFixtures.syndicated, LinkFixtures.rewrite,
      LinkFixtures.bridgeRepairs,
    ] {
      _ = try await store.save(article)
    }
    let stories = try await store.stories(StoryQuery())
    #expect(
      stories.map { Set($0.articles) } == [
        [LinkFixtures.wire.source, LinkFixtures.syndicated.source, LinkFixtures.rewrite.source],
        [LinkFixtures.bridge.source, LinkFixtures.bridgeRepairs.source],
      ])
    #expect(stories.map(\.title) == [LinkFixtures.wire.title, LinkFixtures.bridge.title])
    #expect(
      stories.first?.firstPublished == "2026-05-04" && stories.first?.lastPublished == "2026-05-05")
    #expect(stories.first?.outlets == ["Coastline Wire", "Harbour Daily", "The Island Courier"])
    let story = try #require(try await store.story(id: stories[0].id))
    #expect(story.articles.map(\.relation) == ["original", "near", "rewrite"])
    #expect(story.articles.map(\.of) == [nil, LinkFixtures.wire.source, LinkFixtures.wire.source])
    #expect(try await store.story(id: 999) == nil)
  }

  static func linkListingsTakeALimit(_ store: any Store) async throws {
    for article in [
      LinkFixtures.wire, LinkFixtures.syndicated, LinkFixtures.rewrite, LinkFixtures.bridge,
    ] {
      _ = try await store.save(article)
    }
    var copy = LinkFixtures.bridge
    copy.source = "elsewhere/bridge.txt"
    _ = try await store.save(copy)
    #expect(try await store.duplicates(LinkQuery()).count == 2)
    #expect(try await store.duplicates(LinkQuery(limit: 1)).count == 1)
    #expect(try await store.duplicates(LinkQuery(limit: 0)).isEmpty)
    #expect(try await store.rewrites(LinkQuery(limit: 0)).isEmpty)
    #expect(try await store.stories(StoryQuery(limit: 1)).count == 1)
    #expect(try await store.statements(StatementQuery(limit: 2)).count == 2)
  }
}
