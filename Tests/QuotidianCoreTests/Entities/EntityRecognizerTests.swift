import QuotidianTestSupport
import Testing

@testable import QuotidianCore

/// Entities, roles and within-article coreference on short fictional articles.
@Suite struct EntityRecognizerTests {
  static func analyze(_ text: String) -> Document { DocumentBuilder(text).analyzed() }

  static func entity(_ name: String, in document: Document) -> Entity? {
    document.entities.first { $0.name == name }
  }

  struct RoleCase: Sendable, CustomStringConvertible {
    var text: String
    var person: String
    var title: String
    var organization: String?
    var status: Role.Status = .current
    var since: String?
    var until: String?
    var description: String { person + ": " + title }
  }

  static let roleCases: [RoleCase] = [
    // Title before the name, with the organisation in front.
    RoleCase(
      text: "Harbor Council Deputy Press Secretary Lena Vostrikova said the plan was ready.",
      person: "Lena Vostrikova", title: "Deputy Press Secretary", organization: nil),
    RoleCase(
      text: "White House Deputy Press Secretary Orla Penhallow said the talks went well.",
      person: "Orla Penhallow", title: "Deputy Press Secretary", organization: "White House"),
    RoleCase(
      text: "Secretary of State Tomas Quillfeather told reporters the deal was close.",
      person: "Tomas Quillfeather", title: "Secretary of State"),
    RoleCase(
      text: "Rear Admiral Ismael Ortuño Castellar said the port was secure.",
      person: "Ismael Ortuño Castellar", title: "Rear Admiral"),
    // Appositive after the name, former.
    RoleCase(
      text: "Marta Quenby, the former Canadian ambassador to Peru, told me the talks failed.",
      person: "Marta Quenby", title: "Canadian ambassador to Peru", organization: "Canada",
      status: .former),
    // Appositive with an organisation after "at".
    RoleCase(
      text:
        "Osvaldo Trejo Marín, an expert on river policy at the University of Valdoria, said the dam was old.",
      person: "Osvaldo Trejo Marín", title: "expert on river policy",
      organization: "University of Valdoria"),
    // Relative clause in the past tense, with a possessive organisation and dates.
    RoleCase(
      text:
        "Ignacio Belmonte, who served as Chile’s ambassador to Norway from 2013 to 2016, said the vote was fair.",
      person: "Ignacio Belmonte", title: "ambassador to Norway", organization: "Chile",
      status: .former,
      since: "2013", until: "2016"),
    // Predicate: the author line.
    RoleCase(
      text: "Priya Halvorsen is a staff writer at The Meridian Ledger who covers courts.",
      person: "Priya Halvorsen", title: "staff writer", organization: "Meridian Ledger"),
    // Predicate with "since".
    RoleCase(
      text:
        "Ruth Okonedo has been the mayor of Port Alvar since 2024, and she said the budget was tight.",
      person: "Ruth Okonedo", title: "mayor of Port Alvar", since: "2024"),
    // "ex-" marks a former role.
    RoleCase(
      text: "Dario Fenwick, an ex-minister of transport, said the trains were late.",
      person: "Dario Fenwick", title: "minister of transport", status: .former),
  ]

  @Test(arguments: roleCases)
  func rolePatternsGiveTitleOrganizationStatusAndDates(_ c: RoleCase) {
    let document = Self.analyze(c.text)
    let person = Self.entity(c.person, in: document)
    #expect(person?.kind == .person)
    let role = person?.roleDetails.first { $0.title == c.title }
    #expect(role != nil, "roles: \(person?.roleDetails.map(\.title) ?? [])")
    if let organization = c.organization { #expect(role?.organization == organization) }
    #expect(role?.status == c.status)
    #expect(role?.since == c.since)
    #expect(role?.until == c.until)
  }

  @Test(arguments: [
    (
      "Raúl Benítez Manaut said the border was calm. Benítez Manaut added that trade grew.",
      "Raúl Benítez Manaut", "Benítez Manaut"
    ),
    (
      "Máximo Rodríguez Villalobos said the ships left. Rodríguez Villalobos said later that they returned.",
      "Máximo Rodríguez Villalobos", "Rodríguez Villalobos"
    ),
    (
      "Ana de la Fuente said the school reopened. De la Fuente said the roof was fixed.",
      "Ana de la Fuente", "Ana de la Fuente"
    ),
  ])
  func multiPartSurnamesAreAliasesOfOnePerson(_ text: String, _ name: String, _ alias: String) {
    let document = Self.analyze(text)
    let person = Self.entity(name, in: document)
    #expect(person?.kind == .person)
    #expect(person?.aliases.contains(alias) == true)
    #expect(document.entities.filter { $0.kind == .person }.count == 1)
  }

  @Test(arguments: [
    ("Agents from the CIA and the DEA met in the city.", ["CIA", "DEA"]),
    (
      "The Pentagon and Homeland Security Investigations declined to comment.",
      ["Pentagon", "Homeland Security Investigations"]
    ),
    (
      "Shares of Brimstone Holdings Inc fell after Corvel Group said it would sell.",
      ["Brimstone Holdings Inc", "Corvel Group"]
    ),
    ("Researchers at the University of Valdoria published the study.", ["University of Valdoria"]),
  ])
  func organizationsAndAcronymsAreRecognised(_ text: String, _ names: [String]) {
    let document = Self.analyze(text)
    for name in names { #expect(Self.entity(name, in: document)?.kind == .organization, "\(name)") }
  }

  @Test(arguments: [
    (
      "Officials in Mexico City and Sinaloa met with envoys from Canada.",
      ["Mexico City", "Sinaloa", "Canada"]
    ),
    ("The U.S. and Mexico signed a pact in Valparaíso.", ["United States", "Mexico"]),
    ("The ship docked in Brackenport after a storm.", ["Brackenport"]),
  ])
  func placesComeFromTheLexiconAndContext(_ text: String, _ names: [String]) {
    let document = Self.analyze(text)
    for name in names {
      #expect(
        Self.entity(name, in: document)?.kind == .place, "\(name): \(document.entities.map(\.name))"
      )
    }
  }

  @Test(arguments: [
    ("Mexican farmers and Americans crossed the bridge. The Mexicans left first.", "Mexicans", 2),
    ("Three Canadians joined the team.", "Canadians", 1),
  ])
  func nationalitiesAreGroups(_ text: String, _ form: String, _ count: Int) {
    let document = Self.analyze(text)
    let group = document.entities.first { $0.kind == .group && $0.aliases.contains(form) }
    #expect(group?.kind == .group)
    #expect(group?.mentions.count == count)
  }

  @Test(arguments: [
    (
      "Councilwoman Delia Varga spoke first. Ms. Varga said the vote was close, and she thanked staff.",
      "Delia Varga", 3
    ),
    (
      "Tomas Quillfeather, the secretary of state, arrived. Secretary Quillfeather said he was hopeful.",
      "Tomas Quillfeather", 3
    ),
    (
      "Valdorian President Anselmo Ruiz spoke on Monday. The Valdorian leader said the economy grew. The president said more later.",
      "Anselmo Ruiz", 3
    ),
  ])
  func coreferenceFormsJoinTheirEntity(_ text: String, _ name: String, _ mentions: Int) {
    let document = Self.analyze(text)
    let person = Self.entity(name, in: document)
    #expect(
      person?.mentions.count == mentions,
      "\(document.entities.map { ($0.name, $0.mentions.map(document.string)) })")
  }

  @Test(arguments: [
    "A senior Valdorian official said the deal was near. The senior official said talks would go on."
  ])
  func unnamedDescriptionsBecomeOnePerson(_ text: String) {
    let document = Self.analyze(text)
    let unnamed = Self.entity("A senior Valdorian official", in: document)
    #expect(unnamed?.kind == .person)
    #expect(unnamed?.mentions.count == 2)
  }

  @Test(arguments: [
    "Anna Corrigan said the port was open. John Corrigan said it was closed. Corrigan added that ships waited."
  ])
  func twoPeopleSharingASurnameStayApart(_ text: String) {
    let document = Self.analyze(text)
    let anna = Self.entity("Anna Corrigan", in: document)
    let john = Self.entity("John Corrigan", in: document)
    #expect(anna != nil && john != nil)
    #expect(anna?.mentions.count == 1)
    // The bare surname goes to the most recent one.
    #expect(john?.mentions.count == 2)
  }

  @Test(arguments: ["", "“", "Mr. . . . “ ’ ' \" — – - :", String(repeating: "Ab Cd ", count: 500)])
  func oddTextNeverTraps(_ text: String) {
    let document = Self.analyze(text)
    for entity in document.entities {
      for range in entity.mentions { #expect(range.upperBound <= text.utf8.count) }
    }
  }
}
