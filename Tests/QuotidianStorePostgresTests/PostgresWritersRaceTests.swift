import Foundation
import QuotidianCore
import QuotidianStore
import QuotidianStoreTesting
import Testing

@testable import QuotidianStorePostgres

/// Several writers (each store has its own writer connection, as separate worker processes
/// do) saving at the same moment: the writers' advisory lock makes the second of two writers
/// that see the same new person find the first one's entity.
@Suite(
  "PostgreSQL: concurrent writers",
  .enabled(if: PostgresTestServer.available, PostgresTestServer.skipMessage))
struct PostgresWritersRaceTests {
  static let people = [
    "Ilse Marrowby", "Tobiah Quenell", "Ana Sorvetti", "Piet Lannacre", "Odile Frashwick",
    "Ruslan Betterhame", "Maeve Castorne", "Jorun Pellaway", "Cyrus Vantolle", "Edda Krommholt",
  ]

  /// An article quoting `person` (a person no earlier article named), from `outlet`.
  static func article(_ person: String, outlet: String, index: Int) -> ExtractionResult {
    let quote = "The reservoir at \(outlet) will hold until spring number \(index)"
    let text =
      "\(outlet) report \(index). \"\(quote),\" said \(person), who runs the water board of Alder County."
    var result = StoreFixtures.article(
      source: "race/\(outlet)-\(index).txt", url: nil, title: "Water board \(index)",
      published: "2026-02-0\(index % 9 + 1)", outlet: outlet, text: text,
      quotes: [(quote, person, person, "said", "direct", "verbAfterQuote")])
    result.entities = [
      IdentityFixtures.entity(person, in: text),
      IdentityFixtures.entity("Alder County", "place", in: text),
    ]
    return result
  }

  @Test("two writers seeing the same new person at once make one entity")
  func sameNewPersonFromTwoWriters() async throws {
    try await PostgresTestServer.withScratchDatabase { location in
      let first = try await PostgresStore.open(location)
      let second = try await PostgresStore.open(location)
      defer {
        first.close()
        second.close()
      }
      for (index, person) in Self.people.enumerated() {
        async let left = first.saveAll([Self.article(person, outlet: "Lakeside Post", index: index)]
        )
        async let right = second.saveAll([
          Self.article(person, outlet: "Valley Ledger", index: index)
        ])
        let outcomes = await left + right
        for outcome in outcomes { #expect(try outcome.get().isInserted) }
      }
      for person in Self.people {
        let found = try await first.entities(EntityQuery(type: "person", name: person))
        #expect(found.count == 1, "\(person): \(found.map(\.id))")
        #expect(found.first?.articleCount == 2, "\(person)")
        #expect(found.first?.quoteCount == 2, "\(person)")
      }
      let places = try await first.entities(EntityQuery(type: "place", name: "Alder County"))
      #expect(places.count == 1)
      #expect(places.first?.articleCount == 2 * Self.people.count)
      #expect(try await first.articleCount() == 2 * Self.people.count)
    }
  }

  @Test("the same article saved by two writers at once is stored once")
  func sameArticleFromTwoWriters() async throws {
    try await PostgresTestServer.withScratchDatabase { location in
      let first = try await PostgresStore.open(location)
      let second = try await PostgresStore.open(location)
      defer {
        first.close()
        second.close()
      }
      for (index, person) in Self.people.enumerated() {
        let article = Self.article(person, outlet: "Lakeside Post", index: index)
        var copy = article
        copy.source = "mirror/\(article.source)"
        async let left = first.saveAll([article])
        async let right = second.saveAll([copy])
        let outcomes = try (await left + right).map { try $0.get() }
        #expect(outcomes.filter(\.isInserted).count == 1, "\(person)")
        #expect(Set(outcomes.map(\.articleID)).count == 1, "\(person)")
      }
      #expect(try await first.articleCount() == Self.people.count)
      let copies = try await first.duplicates(LinkQuery())
      #expect(copies.count == Self.people.count, "each mirror is an exact copy")
    }
  }
}
