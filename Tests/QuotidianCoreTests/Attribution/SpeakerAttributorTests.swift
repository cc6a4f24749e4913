import QuotidianTestSupport
import Testing

@testable import QuotidianCore

@Suite struct SpeakerAttributorTests {
  struct Case: Sendable, CustomStringConvertible {
    var text: String
    /// Index of the quote to check.
    var quote: Int
    var speaker: String?
    var rule: Attribution.Rule
    /// Why the shipped scorer gets this case wrong, if it does (recorded, not hidden).
    var knownIssue: Comment? = nil
    var description: String { "\(rule): \(text.prefix(40))" }
  }

  /// Expects the case's speaker and rule; a case with a known issue is expected to fail.
  static func check(_ c: Case) {
    let attribution = Self.attribution(c)
    if let issue = c.knownIssue {
      withKnownIssue(issue) {
        #expect(attribution?.speaker == c.speaker && attribution?.rule == c.rule)
      }
      return
    }
    #expect(attribution?.speaker == c.speaker)
    #expect(attribution?.rule == c.rule)
  }

  static func attribution(_ c: Case) -> Attribution? {
    let document = DocumentBuilder(c.text).prepared(for: "attribution")
    let attributions = SpeakerAttributor().attributions(in: document)
    return attributions.indices.contains(c.quote) ? attributions[c.quote] : nil
  }

  @Test(arguments: [
    Case(
      text: "“The roads will reopen,” Lena Varga said.", quote: 0, speaker: "Lena Varga",
      rule: .verbAfterQuote),
    Case(
      text: "“The roads will reopen,” said Lena Varga, the transport minister.", quote: 0,
      speaker: "Lena Varga",
      rule: .invertedVerb),
    Case(
      text: "Lena Varga, a civil engineer, said, “The roads will reopen.”", quote: 0,
      speaker: "Lena Varga",
      rule: .verbBeforeQuote),
    Case(
      text: "Lena Varga told reporters, “The roads will reopen.”", quote: 0, speaker: "Lena Varga",
      rule: .verbBeforeQuote),
    Case(
      text: "Secretary of Public Works Elena Marsh told reporters, “The bridge will open in May.”",
      quote: 0,
      speaker: "Elena Marsh", rule: .verbBeforeQuote),
    Case(
      text: "“The roads will reopen,” according to Lena Varga.", quote: 0, speaker: "Lena Varga",
      rule: .accordingTo),
    Case(
      text: "“The roads will reopen in spring.” — Commissioner Lena Varga", quote: 0,
      speaker: "Lena Varga",
      rule: .dashCredit),
    Case(
      text: "The port authority replied. And from the chairwoman: “We are ready.”", quote: 0,
      speaker: "the chairwoman",
      rule: .colonIntroduced),
    Case(
      text: "“We are ready,” the Harbour Department said in a statement.", quote: 0,
      speaker: "Harbour Department",
      rule: .verbAfterQuote),
  ])
  func verbRulesNameTheSpeaker(_ c: Case) {
    let attribution = Self.attribution(c)
    #expect(attribution?.speaker == c.speaker)
    #expect(attribution?.rule == c.rule)
  }

  @Test(arguments: [
    Case(
      text:
        "Ines Varo, the harbour master, told me that “the quay is safe” and that the ministry in Kelmar had “listened so far to our engineers.”",
      quote: 1, speaker: "Ines Varo", rule: .splitQuote)
  ])
  func anotherQuoteOfTheSameSentenceTakesItsSpeaker(_ c: Case) {
    let attribution = Self.attribution(c)
    #expect(attribution?.speaker == c.speaker)
    #expect(attribution?.rule == c.rule)
  }

  @Test(arguments: [
    Case(
      text: "“When I build,” Ivo Sand said, “I build to last.”", quote: 1, speaker: "Ivo Sand",
      rule: .splitQuote),
    Case(
      text: "“We lost today,” Ivo Sand said.\n\n“We will be back next week.”", quote: 1,
      speaker: "Ivo Sand",
      rule: .continuation),
    Case(
      text: "Ivo Sand spoke after the match. “We will be back next week.”", quote: 0,
      speaker: "Ivo Sand",
      rule: .speakerInPreviousSentence),
    Case(
      text: "“We will be back next week.”\n\nIvo Sand added that the team was tired.", quote: 0,
      speaker: "Ivo Sand",
      rule: .speakerInNextSentence),
  ])
  func contextRulesCarryTheSpeaker(_ c: Case) {
    Self.check(c)
  }

  @Test(arguments: [
    Case(
      text:
        "Mayor Nora Fell met Tomas Brey on Monday. Mr. Brey left early. “It went well,” she said.",
      quote: 0,
      speaker: "Nora Fell", rule: .pronoun,
      knownIssue: "no feature compares a name's gender with the cue's pronoun: the nearer man wins"),
    Case(
      text: "Maria Fell met Peter Brey on Monday. “It went well,” he said.", quote: 0,
      speaker: "Peter Brey",
      rule: .pronoun),
    Case(
      text:
        "A senior port official spoke on condition of anonymity. “The cranes are old,” the official said.",
      quote: 0, speaker: "A senior port official", rule: .description),
    Case(
      text: "Rear Admiral Jon Hale inspected the fleet. “The ships are ready,” the admiral said.",
      quote: 0,
      speaker: "Jon Hale", rule: .description),
    Case(
      text: "“The ships are ready,” Admiral Jon Hale said. Later, “We sail at dawn,” Hale said.",
      quote: 1,
      speaker: "Jon Hale", rule: .verbAfterQuote),
  ])
  func coreferenceFindsTheFullestName(_ c: Case) {
    Self.check(c)
  }

  @Test(arguments: ["“The ships are ready,” Admiral Jon Hale said."])
  func everyAttributionRecordsItsCue(_ text: String) {
    let document = DocumentBuilder(text).analyzed()
    let attribution = document.attributions.first
    #expect(attribution?.cue.map(document.string) == "said")
    #expect(attribution?.evidence.isEmpty == false)
    #expect((attribution?.confidence ?? 0) > 0.5)
  }

  @Test(arguments: [
    "Mayor Nora Fell said she would stay. “It went well,” she said. Tomas Brey said he agreed."
  ])
  func entitiesCarryGender(_ text: String) {
    let document = DocumentBuilder(text).analyzed()
    let nora = document.entities.first { $0.name == "Nora Fell" }
    #expect(nora?.gender == .feminine)
    #expect(nora?.kind == .person)
    #expect(document.entities.first { $0.name == "Tomas Brey" }?.gender == .masculine)
  }

  @Test(arguments: [
    // A person of the pronoun's gender beats a bare place name in the same sentence.
    Case(
      text:
        "Kelmar's chief negotiator, Tomás Vell de la Cruz, asked for a release. “We have waited,” he said.",
      quote: 0,
      speaker: "Tomás Vell de la Cruz", rule: .pronoun),
    // "they" for a company with no organisation word that opens the previous sentence.
    Case(
      text:
        "Blue Harrow have denied wrongdoing.\n\n“We never blocked the show,” they said in a statement.",
      quote: 0,
      speaker: "Blue Harrow", rule: .pronoun),
  ])
  func pronounsPreferTheBestAntecedent(_ c: Case) {
    let attribution = Self.attribution(c)
    #expect(attribution?.speaker == c.speaker)
    #expect(attribution?.rule == c.rule)
  }

  @Test(arguments: [
    // Part of a longer name joins its entity ("Vell" and "Tomás Vell" for "Tomás Vell de la Cruz").
    Case(
      text: "Tomás Vell de la Cruz arrived first. “The river is low,” Tomás Vell said.", quote: 0,
      speaker: "Tomás Vell de la Cruz", rule: .verbAfterQuote),
    // An organisation name goes on after "of".
    Case(
      text: "“Supplies are secure,” the Ministry of Water and Irrigation said.", quote: 0,
      speaker: "Ministry of Water and Irrigation", rule: .verbAfterQuote),
  ])
  func namesJoinTheirFullestForm(_ c: Case) {
    let attribution = Self.attribution(c)
    #expect(attribution?.speaker == c.speaker)
    #expect(attribution?.rule == c.rule)
  }

  @Test(arguments: [
    // A poll's owner speaks for the figures quoted from it.
    Case(
      text:
        "A new Harlow Institute poll shows broad support for the bridge. Sixty percent say that “the bridge is overdue.”",
      quote: 0, speaker: "Harlow Institute", rule: .reportSource),
    Case(
      text:
        "The Harlow Institute survey also found that most residents want the council to act “before the winter floods wash away the old valley road.”",
      quote: 0, speaker: "Harlow Institute", rule: .reportSource),
    // A person who speaks after the report mention is still the speaker.
    Case(
      text:
        "Citing a Harlow Institute poll, council leader Mira Vost said, “The bridge is overdue.”",
      quote: 0, speaker: "Mira Vost", rule: .verbBeforeQuote),
  ])
  func reportsSpeakForTheirOwners(_ c: Case) {
    let attribution = Self.attribution(c)
    #expect(attribution?.speaker == c.speaker)
    #expect(attribution?.rule == c.rule)
  }

  @Test(arguments: [
    // "X have …" is a group: "they" and "it" of a statement refer back to it.
    Case(
      text:
        "Stone Lantern have denied the claims.\n\n“We did nothing wrong,” they said in a statement.",
      quote: 0,
      speaker: "Stone Lantern", rule: .pronoun),
    Case(
      text:
        "Stone Lantern have denied the claims.\n\nNow another statement has appeared.\n\n“We did nothing wrong,” it says.",
      quote: 0, speaker: "Stone Lantern", rule: .pronoun,
      knownIssue:
        "the scorer retrained with Spanish (December 2026) weighs an unresolved window candidate above the pronoun's antecedent two paragraphs back (before: right, at confidence 0.26)"
    ),
    // The family name "He" before a given name is not a pronoun.
    Case(
      text: "He Linwei, an economist at Qarin University, said: “Prices will fall.”", quote: 0,
      speaker: "He Linwei",
      rule: .verbBeforeQuote),
    // Number words that open a sentence are not names.
    Case(
      text:
        "Two Veltrian officials met the press. Ada Roon, a spokeswoman, said, “The talks will resume.”",
      quote: 0,
      speaker: "Ada Roon", rule: .verbBeforeQuote),
    // "the statement said" goes to whoever issued the statement.
    Case(
      text:
        "Two ferries collided off Calder, Harbour Authority said in a statement on Monday.\n\n“The cause of the collision is under investigation,” the statement said.",
      quote: 0, speaker: "Harbour Authority", rule: .verbAfterQuote),
    // A description subject right after a place is not that place's apposition.
    Case(
      text:
        "Two soldiers were hurt in a crash in Farland, the US military said in a statement on Wednesday.\n\n“The cause of the crash is under investigation and enemy fire is not suspected,” the statement said.",
      quote: 0, speaker: "the US military", rule: .verbAfterQuote),
    // A capitalised qualifier before a title after an inverted verb.
    Case(
      text: "“Justice has been served in this case,” said U.S. Attorney Mara Quill.", quote: 0,
      speaker: "Mara Quill",
      rule: .invertedVerb),
    // A capitalised pronoun opening its sentence is still a pronoun.
    Case(
      text:
        "Rafe Linden, the chair of the Calder Growers Union, said growers faced ruin. He urged Mr. Oskar Tamm to act soon, saying “time is running out for the orchards in the valley.”",
      quote: 0, speaker: "Rafe Linden", rule: .pronoun),
    // A plural role noun opening its sentence is a speaker.
    Case(
      text:
        "Nurses chanted, “Open the east ward again before the winter comes,” outside the hospital.",
      quote: 0,
      speaker: "Nurses", rule: .verbBeforeQuote),
    // A common word's possessive inside a name.
    Case(
      text:
        "Many people read it daily. “There is no room for delay,” People’s Courier said in an editorial.",
      quote: 0, speaker: "People’s Courier",
      rule: .verbAfterQuote),
  ])
  func namesAndGroupsResolve(_ c: Case) {
    Self.check(c)
  }

  @Test func quotesWithNoRuleFallBackToTheLatestSpeaker() {
    let text =
      "Pavel Orn spoke at the rally.\n\n“Fund our clinics,” Pavel Orn said. A spokeswoman for the hospital smiled. Banners waved at the gate. “We need more nurses in every ward of this city.”"
    let document = DocumentBuilder(text).prepared(for: "attribution")
    let attributions = SpeakerAttributor().attributions(in: document)
    #expect(attributions.count == 2)
    #expect(attributions.allSatisfy { $0.speaker == "Pavel Orn" })
    #expect(attributions.last?.rule == .continuation)
  }

  @Test(arguments: [
    // Two appositions: the description stands for the name before it.
    Case(
      text:
        "Dara Pell, a senior analyst at Corvane, the research firm, told reporters that the plan was “unlikely to survive the winter session of the assembly.”",
      quote: 0, speaker: "Dara Pell", rule: .partialQuoteSubject),
    // A full name with an apposition opening its sentence is the antecedent of "he".
    Case(
      text:
        "Mr. Karl Emmet bought shares last year.\n\nTovan Rinn, head of research at Balder Capital, pointed out that prices were high.\n\n“It is a narrow market and it will stay narrow for a while,” he said.",
      quote: 0, speaker: "Tovan Rinn", rule: .pronoun),
    // A name after "the" is a place or body, not the antecedent of "he".
    Case(
      text:
        "The Northern Isles said they were ready.\n\nMayor Ivo Brant spoke in Calder. In his view, ties with the Northern Isles would help, he said, adding that “the ferry link must reopen before the summer season.”",
      quote: 0, speaker: "Ivo Brant", rule: .pronoun),
  ])
  func appositionsAndPlacesDoNotSpeak(_ c: Case) {
    let attribution = Self.attribution(c)
    #expect(attribution?.speaker == c.speaker)
    #expect(attribution?.rule == c.rule)
  }
}
