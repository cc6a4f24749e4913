import QuotidianTestSupport
import Testing

@testable import QuotidianCore

@Suite struct SpeakerProposerTests {
  struct Case: Sendable, CustomStringConvertible {
    var proposer: String
    var text: String
    var quote: Int
    /// A speaker the proposer must offer (nil: it must offer none).
    var speaker: String?
    var description: String { "\(proposer): \(text.prefix(40))" }
  }

  /// The candidates of every quote, by quote index, with the rules as a sieve deciding.
  static func candidates(_ text: String) -> [Int: [SpeakerCandidate]] {
    let document = DocumentBuilder(text).prepared(for: "attribution")
    var found: [Int: [SpeakerCandidate]] = [:]
    _ = SpeakerAttributor().attributions(in: document, scorer: PrioritySpeakerScorer()) {
      q, candidates, _ in
      found[q] = candidates
    }
    return found
  }

  @Test(arguments: [
    Case(
      proposer: "afterQuote", text: "“The roads will reopen,” Lena Varga said.", quote: 0,
      speaker: "Lena Varga"),
    Case(
      proposer: "afterQuote", text: "“The roads will reopen,” said Lena Varga.", quote: 0,
      speaker: "Lena Varga"),
    Case(
      proposer: "afterQuote", text: "Lena Varga said, “The roads will reopen.”", quote: 0,
      speaker: nil),
    Case(
      proposer: "beforeQuote", text: "Lena Varga told reporters, “The roads will reopen.”",
      quote: 0, speaker: "Lena Varga"),
    Case(
      proposer: "beforeQuote", text: "“The roads will reopen,” Lena Varga said.", quote: 0,
      speaker: nil),
    Case(
      proposer: "reportSource",
      text:
        "A new Harlow Institute poll shows broad support for the bridge. Sixty percent say that “the bridge is overdue.”",
      quote: 0, speaker: "Harlow Institute"),
    Case(
      proposer: "colonInPreviousParagraph",
      text: "Mayor Ivo Brant told the crowd:\n\n“We will rebuild the pier.”",
      quote: 0, speaker: "Ivo Brant"),
    Case(
      proposer: "continuation",
      text: "“We lost today,” Ivo Sand said.\n\n“We will be back next week.”", quote: 1,
      speaker: "Ivo Sand"),
    Case(
      proposer: "sameSentence",
      text:
        "Ines Varo, the harbour master, told me that “the quay is safe” and that the ministry had “listened so far.”",
      quote: 1, speaker: "Ines Varo"),
    Case(
      proposer: "nextSentence",
      text: "“We will be back next week.”\n\nIvo Sand added that the team was tired.", quote: 0,
      speaker: "Ivo Sand"),
    Case(
      proposer: "previousSentence",
      text: "Ivo Sand spoke after the match. “We will be back next week.”", quote: 0,
      speaker: "Ivo Sand"),
    Case(
      proposer: "recentSpeaker",
      text:
        "“Fund our clinics,” Pavel Orn said. Banners waved at the gate. “We need more nurses in every ward of this city.”",
      quote: 1, speaker: "Pavel Orn"),
    Case(
      proposer: "paragraphPerson",
      text: "Pavel Orn and Pavel Orn's aide waved. Banners waved. “We need more nurses.”",
      quote: 0, speaker: "Pavel Orn"),
    Case(
      proposer: "nearbyName",
      text:
        "Dana Holt stood near Calder Square. “The square is ours,” the crowd chanted as Dana Holt watched.",
      quote: 0,
      speaker: "Dana Holt"),
    // A name on its own line after a testimonial: no cue links them.
    Case(
      proposer: "window",
      text: "The bakery opened in May.\n\n“The best rye bread in the valley.”\n\nMarta Quell",
      quote: 0, speaker: "Marta Quell"),
    // A person named in the paragraph, three sentences before the quote.
    Case(
      proposer: "window",
      text:
        "Ola Brandt stood on the pier. The boats were gone. The tide was low. “We have nothing left to sell this year.”",
      quote: 0, speaker: "Ola Brandt"),
  ])
  func eachProposerOffersItsSpeaker(_ c: Case) {
    let offered = (Self.candidates(c.text)[c.quote] ?? []).filter { $0.proposer == c.proposer }
    if let speaker = c.speaker {
      #expect(
        offered.contains { $0.attribution.speaker == speaker },
        "offered: \(offered.map(\.attribution.speaker))")
    } else {
      #expect(offered.allSatisfy { !$0.isPrimary })
    }
  }

  @Test func everyProposerIdIsListedOnce() {
    let ids = (SpeakerProposers.body + SpeakerProposers.heading).map(\.id)
    #expect(Set(ids).isSubset(of: Set(SpeakerProposers.ids)))
    #expect(Set(SpeakerProposers.ids).count == SpeakerProposers.ids.count)
    #expect(Set(SpeakerProposers.body.map(\.id)).count == SpeakerProposers.body.count)
  }

  @Test(arguments: [
    "“The roads will reopen,” Lena Varga said.",
    "Ivo Sand spoke after the match. “We will be back next week.”",
  ])
  func noCandidateCarriesARuleRankOrPrior(_ text: String) {
    let retired: Set<UInt8> = [1, 2, 25, 26]
    let all = Self.candidates(text).values.flatMap { $0 }
    #expect(!all.isEmpty)
    #expect(all.allSatisfy { $0.features.allSatisfy { !retired.contains(UInt8($0 >> 48)) } })
  }

  @Test(arguments: [
    "“The roads will reopen,” Lena Varga said.",
    "Ivo Sand spoke after the match. “We will be back next week.”",
  ])
  func candidatesCarryFeatures(_ text: String) {
    let all = Self.candidates(text).values.flatMap { $0 }
    #expect(!all.isEmpty)
    #expect(all.allSatisfy { $0.features.count >= 10 })
  }

  struct RoleCase: Sendable, CustomStringConvertible {
    var text: String
    var name: String
    var role: Int
    var description: String { "\(role): \(text.prefix(40))" }
  }

  @Test(arguments: [
    RoleCase(text: "“The roads will reopen,” Lena Varga said.", name: "Lena Varga", role: 1),
    RoleCase(text: "“The roads will reopen,” said Lena Varga.", name: "Lena Varga", role: 2),
    RoleCase(
      text: "“The roads will reopen,” according to Lena Varga.", name: "Lena Varga", role: 3),
    RoleCase(text: "Lena Varga: “The roads will reopen.”", name: "Lena Varga", role: 4),
    RoleCase(
      text: "Lena Varga drove past. “The roads will reopen.”", name: "Lena Varga", role: 0),
  ])
  func aMentionsRoleNextToACueIsAFeature(_ c: RoleCase) {
    let document = DocumentBuilder(c.text).prepared(for: "attribution")
    let role = Bytes.with(document.text) { bytes -> Int? in
      let context = AttributionContext(document: document, bytes: bytes, lexicon: .english)
      guard let m = document.mentions.firstIndex(where: { document.string($0.range) == c.name })
      else { return nil }
      return context.grammaticalRole(m)
    }
    #expect(role == c.role)
  }
}
