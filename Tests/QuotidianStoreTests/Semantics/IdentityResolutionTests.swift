import QuotidianCore
import Testing

@testable import QuotidianStore

@Suite struct IdentityResolutionTests {
  @Test(arguments: [
    ("Claudia Varga", true), ("a senior official", false), ("A White House official", false),
    ("two officials", false), ("the minister", false), ("The Northern Ledger", true),
    ("the White House", true),
    ("Kelly", true), ("officials", false),
  ])
  func tellsNamesFromDescriptions(_ text: String, _ isNamed: Bool) {
    #expect(EntityName(text, kind: "person").isNamed == isNamed)
  }

  @Test(arguments: [
    ("Senator Kelly", ["kelly"], "senator"),
    ("Dr. Ana María Benítez Jr.", ["ana", "maria", "benitez"], "dr"),
    ("Mr", ["mr"], nil),
  ])
  func dropsTitlesAndSuffixes(_ text: String, _ words: [String], _ title: String?) {
    let name = EntityName(text, kind: "person")
    #expect(name.words == words)
    #expect(name.title == title)
  }

  @Test(arguments: [
    ("Claudia Sheinbaum Pardo", "Claudia Sheinbaum", true),
    ("Ana María Benítez", "Ana Benítez", true),
    ("Ana María Benítez", "María Benítez", false), ("John Kelly", "Anna Kelly", false),
    ("Jane Kelly Smith", "John Kelly", false), ("John Kelly Smith", "J Kelly", true),
    ("Kelly", "Kelly", false),
  ])
  func extendsCompatibleFullNames(_ longer: String, _ shorter: String, _ expected: Bool) {
    let long = EntityName(longer, kind: "person").words
    let short = EntityName(shorter, kind: "person").words
    #expect(IdentityResolution.extends(long, short) == expected)
  }

  @Test func rolePhrasesKeepTheirStatusWithoutArticles() {
    let record = ExtractionResult.EntityRecord(
      name: "Ines Carrow", type: "person",
      roles: ["the mayor of Port Alder", "former ambassador", "Mayor"],
      mentions: [])
    #expect(
      IdentityResolution.observations(record).map { "\($0.status): \($0.title)" }
        == ["current: mayor of Port Alder", "former: ambassador", "current: Mayor"])
  }
}

/// The decisions of identity linking on candidates built in memory: no database.
@Suite struct IdentityDecisionTests {
  static func entity(_ name: String, roles: [RoleObservation] = []) -> ArticleEntity {
    let form = EntityName(name, kind: EntityKind.person)
    return ArticleEntity(
      name: form, kind: EntityKind.person, aliases: [form], roles: roles, gender: nil,
      mentionCount: 1)
  }

  static func candidate(
    _ id: Int64, _ names: [String], roles: [RoleObservation] = [], neighbours: Set<Int64> = []
  ) -> IdentityCandidate {
    IdentityCandidate(
      id: id, kind: EntityKind.person,
      aliases: names.map { EntityName($0, kind: EntityKind.person) },
      roles: roles, gender: nil, neighbours: neighbours)
  }

  @Test func anExactFullNameNeedsNoContext() throws {
    let entity = Self.entity("Petra Voss")
    let candidates = [Self.candidate(3, ["Amos Voss"]), Self.candidate(7, ["Petra Voss", "Voss"])]
    let (pool, requireEvidence) = try #require(
      IdentityResolution.contenders(entity, among: candidates))
    #expect(pool.map(\.id) == [7])
    #expect(!requireEvidence)
    #expect(!IdentityResolution.needsScores(pool, requireEvidence: requireEvidence))
    #expect(IdentityResolution.choose(entity, among: candidates, context: []) == 7)
  }

  @Test func aBareSurnameJoinsOnlyTheOnePersonTheContextSupports() throws {
    let entity = Self.entity("Voss")
    let candidates = [
      Self.candidate(3, ["Voss"], neighbours: [11]), Self.candidate(7, ["Voss"], neighbours: []),
    ]
    let (pool, requireEvidence) = try #require(
      IdentityResolution.contenders(entity, among: candidates))
    #expect(pool.map(\.id) == [3, 7])
    #expect(requireEvidence)
    #expect(IdentityResolution.needsScores(pool, requireEvidence: requireEvidence))
    #expect(IdentityResolution.choose(entity, among: candidates, context: [11]) == 3)
    // Without support, or with equal support, nobody is chosen.
    #expect(IdentityResolution.choose(entity, among: candidates, context: []) == nil)
    let tied = candidates.map { candidate in
      var candidate = candidate
      candidate.neighbours = [11]
      return candidate
    }
    #expect(IdentityResolution.choose(entity, among: tied, context: [11]) == nil)
  }

  @Test func aSharedRoleSupportsACandidate() {
    let harbour = RoleObservation(
      title: "chair", organization: "the harbour board", status: "current")
    let entity = Self.entity("Hale", roles: [harbour])
    let candidates = [
      Self.candidate(2, ["Hale"]), Self.candidate(5, ["Hale"], roles: [harbour]),
    ]
    #expect(IdentityResolution.choose(entity, among: candidates, context: []) == 5)
  }

  @Test func nobodyToJoinGivesNoContenders() {
    #expect(IdentityResolution.contenders(Self.entity("Petra Voss"), among: []) == nil)
  }
}
