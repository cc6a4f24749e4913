import QuotidianCore
import QuotidianStoreTesting
import Testing

@testable import QuotidianStore

/// `speakers` ranks through quotes-per-speaker counts kept on write (issue 16): the counts
/// must equal a full count however the articles arrived, copies included.
@Suite struct SpeakerCountTests {
  /// Articles in an order that makes a stored article a copy afterwards: the syndicated copy
  /// is stored before the wire report it copies.
  static let articles =
    StoreFixtures.all + IdentityFixtures.all + [
      LinkFixtures.syndicated, LinkFixtures.rewrite, LinkFixtures.wire, LinkFixtures.bridge,
      LinkFixtures.bridgeRepairs,
    ]

  static let mismatches = """
    WITH counted AS (
      SELECT coalesce('e' || q.entity_id, 's' || q.speaker) AS g, sum(a.duplicate_of IS NULL) AS n,
        count(*) AS m
      FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.speaker IS NOT NULL GROUP BY 1),
    kept AS (SELECT speaker_group AS g, quotes AS n, all_quotes AS m FROM speaker_counts WHERE all_quotes > 0)
    SELECT (SELECT count(*) FROM (SELECT * FROM counted EXCEPT SELECT * FROM kept))
      + (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM counted))
    """

  @Test(.bug(id: 16)) func keptCountsEqualAFullCount() async throws {
    let store = try SQLiteStore.inMemory()
    for article in Self.articles { _ = try await store.save(article) }
    #expect(
      try store.unsafeFetchString(
        sql: "SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL") != "0")
    #expect(try store.unsafeFetchString(sql: Self.mismatches) == "0")
  }

  @Test(.bug(id: 16), arguments: [false, true])
  func theFirstSpeakersAreTheFullRankingsPrefix(_ includeCopies: Bool) async throws {
    let store = try SQLiteStore.inMemory()
    _ = await store.saveAll(Self.articles)
    let full = try await store.speakers(SpeakerQuery(includeCopies: includeCopies))
    #expect(full.count > 5)
    for limit in 1...(full.count + 1) {
      let first = try await store.speakers(SpeakerQuery(limit: limit, includeCopies: includeCopies))
      #expect(first == Array(full.prefix(limit)), "limit \(limit)")
    }
  }
}
