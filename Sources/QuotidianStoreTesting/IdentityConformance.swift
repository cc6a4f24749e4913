import QuotidianCore
import QuotidianStore
import Testing

extension StoreConformance {
  /// Cross-article identity, entity listings and speaker profiles.
  public static let identityChecks: [Check] = [
    Check(name: "one person across articles is one entity", body: onePersonAcrossArticles),
    Check(name: "people sharing a surname stay apart", body: sharedSurnamesStayApart),
    Check(
      name: "a bare surname joins the person its context points to", body: bareSurnameWithContext),
    Check(name: "a bare surname joins the person its role points to", body: bareSurnameWithRole),
    Check(name: "a bare surname without context stays apart", body: bareSurnameWithoutContext),
    Check(name: "descriptions are never linked across articles", body: descriptionsStayPerArticle),
    Check(name: "conflicting roles keep namesakes apart", body: conflictingRolesStayApart),
    Check(name: "saving again changes no identity", body: savingAgainChangesNoIdentity),
    Check(name: "entities filter by type, name and limit", body: entityFilters),
    Check(name: "speaker profiles gather every name form", body: speakerProfile),
  ]

  static func save(_ store: any Store, _ results: [ExtractionResult]) async throws {
    for result in results { _ = try await store.save(result) }
  }

  static func people(_ store: any Store, named name: String) async throws -> [EntitySummary] {
    try await store.entities(EntityQuery(type: "person", name: name))
  }

  static func onePersonAcrossArticles(_ store: any Store) async throws {
    try await save(store, [IdentityFixtures.ilvesAmbassador, IdentityFixtures.ilvesMinister])
    let found = try await people(store, named: "Ilves")
    try #require(found.count == 1, "\(found.map(\.name))")
    let ilves = found[0]
    #expect(ilves.name == "Marta Ilves Kaldera", "the fullest name")
    #expect(ilves.aliases == ["Marta Ilves", "Marta Ilves Kaldera", "Ilves"])
    #expect(ilves.quoteCount == 2 && ilves.articleCount == 2)
    #expect(
      ilves.roles == [
        EntityRole(
          title: "foreign minister", organization: "Norland", status: "current", since: "2025-01",
          firstSeen: "2025-03-01", lastSeen: "2025-03-01"),
        EntityRole(
          title: "ambassador to Estmark", organization: "Norland", status: "former",
          until: "2024-12",
          firstSeen: "2024-06-01", lastSeen: "2025-03-01"),
      ])
    let places = try await store.entities(EntityQuery(type: "place"))
    #expect(places.map(\.name) == ["Norland"] && places.first?.articleCount == 2)
    let speakers = try await store.speakers(SpeakerQuery())
    #expect(
      speakers.map(\.name) == ["Marta Ilves Kaldera"], "“Ilves” and “Marta Ilves” are one speaker")
    #expect(speakers.first?.quoteCount == 2 && speakers.first?.articleCount == 2)
    #expect(
      speakers.first?.roles == [
        "foreign minister, Norland", "former ambassador to Estmark, Norland",
      ])
  }

  static func sharedSurnamesStayApart(_ store: any Store) async throws {
    try await save(store, [IdentityFixtures.annaKelly, IdentityFixtures.johnKelly])
    let kellys = try await people(store, named: "Kelly")
    #expect(Set(kellys.map(\.name)) == ["Anna Kelly", "John Kelly"])
    #expect(kellys.allSatisfy { $0.articleCount == 1 && $0.quoteCount == 1 })
  }

  static func bareSurnameWithContext(_ store: any Store) async throws {
    try await save(
      store,
      [
        IdentityFixtures.annaKelly, IdentityFixtures.johnKelly,
        IdentityFixtures.kellyAtTheWhiteHouse,
      ])
    let kellys = try await people(store, named: "Kelly")
    #expect(kellys.map(\.name) == ["Anna Kelly", "John Kelly"])
    #expect(kellys.map(\.articleCount) == [2, 1])
    #expect(kellys.map(\.quoteCount) == [2, 1])
    let speakers = try await store.speakers(SpeakerQuery())
    #expect(speakers.map(\.name) == ["Anna Kelly", "John Kelly"])
  }

  static func bareSurnameWithRole(_ store: any Store) async throws {
    try await save(
      store,
      [
        IdentityFixtures.annaKelly, IdentityFixtures.johnKelly,
        IdentityFixtures.kellyThePressSecretary,
      ])
    let kellys = try await people(store, named: "Kelly")
    #expect(kellys.map(\.name) == ["Anna Kelly", "John Kelly"])
    #expect(kellys.first?.articleCount == 2)
    #expect(
      kellys.first?.roles.map(\.lastSeen) == ["2025-02-04"],
      "the role stated again, without its organisation")
    #expect(kellys.first?.roles.first?.organization == "White House")
  }

  static func bareSurnameWithoutContext(_ store: any Store) async throws {
    try await save(
      store,
      [
        IdentityFixtures.annaKelly, IdentityFixtures.johnKelly,
        IdentityFixtures.kellyWithoutContext,
      ])
    let kellys = try await people(store, named: "Kelly")
    #expect(kellys.map(\.name).sorted() == ["Anna Kelly", "John Kelly", "Kelly"])
    #expect(kellys.allSatisfy { $0.articleCount == 1 })
    #expect(try await store.speakers(SpeakerQuery()).count == 3)
  }

  static func descriptionsStayPerArticle(_ store: any Store) async throws {
    try await save(store, [IdentityFixtures.officialOnTrade, IdentityFixtures.officialOnBorders])
    let officials = try await store.entities(EntityQuery(name: "senior official"))
    #expect(officials.count == 2)
    #expect(officials.allSatisfy { !$0.isNamed && $0.articleCount == 1 && $0.quoteCount == 1 })
    let speakers = try await store.speakers(SpeakerQuery())
    #expect(speakers.map(\.name) == ["a senior official", "a senior official"])
    #expect(speakers.map(\.quoteCount) == [1, 1])
  }

  static func conflictingRolesStayApart(_ store: any Store) async throws {
    var namesake = IdentityFixtures.johnKelly
    namesake.source = "fixtures/identity/other-coach.txt"
    namesake.url = "https://news.example/other-coach"
    namesake.text = namesake.text.replacing("Dunmore Rovers", with: "Port Alder FC")
    namesake.entities = [
      IdentityFixtures.entity(
        "John Kelly", roles: [IdentityFixtures.role("coach", "Port Alder FC")], in: namesake.text)
    ]
    try await save(store, [IdentityFixtures.johnKelly, namesake])
    #expect(try await people(store, named: "John Kelly").count == 2)
  }

  static func savingAgainChangesNoIdentity(_ store: any Store) async throws {
    try await save(store, IdentityFixtures.all)
    let entities = try await store.entities(EntityQuery())
    let speakers = try await store.speakers(SpeakerQuery())
    try await save(store, IdentityFixtures.all)
    #expect(try await store.entities(EntityQuery()) == entities)
    #expect(try await store.speakers(SpeakerQuery()) == speakers)
    #expect(entities.count == 9)
  }

  static func entityFilters(_ store: any Store) async throws {
    try await save(store, IdentityFixtures.all)
    let orgs = try await store.entities(EntityQuery(type: "ORG"))
    #expect(orgs.map(\.name) == ["White House", "Dunmore Rovers"])
    #expect(
      try await store.entities(EntityQuery(name: "white HOUSE")).map(\.name) == ["White House"])
    #expect(try await store.entities(EntityQuery(name: "Whit")).isEmpty, "names match whole words")
    #expect(try await store.entities(EntityQuery(limit: 2)).count == 2)
    #expect(try await store.entities(EntityQuery(limit: 0)).isEmpty)
    #expect(
      try await store.entities(EntityQuery(type: " ", name: "")).count == 9,
      "blank filters are ignored")
    let all = try await store.entities(EntityQuery())
    #expect(all.first?.name == "Anna Kelly", "most articles first")
  }

  static func speakerProfile(_ store: any Store) async throws {
    try await save(store, IdentityFixtures.all)
    let profile = try #require(try await store.speaker(named: "marta ilves"))
    #expect(profile.name == "Marta Ilves Kaldera" && profile.type == "person")
    #expect(profile.names == ["Marta Ilves Kaldera", "Marta Ilves", "Ilves"])
    #expect(profile.quotesByMonth == ["2024-06": 1, "2025-03": 1])
    #expect(profile.outlets == ["Capital Wire", "Evening Post"])
    #expect(profile.firstQuoted == "2024-06-01" && profile.lastQuoted == "2025-03-01")
    #expect(profile.latestQuotes.map(\.text) == ["We will keep our word,", "Trade comes first,"])
    #expect(profile.roles.first?.title == "foreign minister")
    // Two Kellys: the name is ambiguous, and the error lists both instead of picking one.
    do {
      _ = try await store.speaker(named: "Kelly")
      Issue.record("'Kelly' names two people and should be refused")
    } catch {
      #expect(
        error.reason.contains("Anna Kelly") && error.reason.contains("John Kelly"),
        "\(error.reason)")
    }
    let kelly = try #require(try await store.speaker(named: "Anna Kelly"))
    #expect(kelly.name == "Anna Kelly")
    #expect(kelly.quoteCount == 3)
    #expect(try await store.speaker(named: "Nobody Here") == nil)
    #expect(try await store.speaker(named: " ") == nil)
  }
}
