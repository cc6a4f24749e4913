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
