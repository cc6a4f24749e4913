/// One attribution rule as a proposer: every (quote, mention) pair the rule finds, with
/// the rule's own pick first.
///
/// The rule's pick is marked primary; ``PrioritySpeakerScorer`` takes the first primary
/// candidate in registry order (the rules as a sieve), the learned scorer weighs all of them.
protocol SpeakerProposer: Sendable {
  /// Stable name, used in features and `--explain`.
  var id: String { get }
  func propose(_ q: Int, in context: AttributionContext) -> [SpeakerProposal]
}

/// What a proposer returns: a mention to resolve, or the attribution of an earlier quote
/// carried over (continuations, split quotes, echoed headlines).
struct SpeakerProposal {
  enum Target {
    case mention(AttributionContext.Source)
    case carried(Attribution)
  }
  var target: Target
  /// The rule's own pick (false for the extra candidates only the learned scorer weighs).
  var isPrimary: Bool
}

extension [SpeakerProposal] {
  /// The rule's one pick, if it made one.
  static func primary(_ source: AttributionContext.Source?) -> [SpeakerProposal] {
    source.map { [SpeakerProposal(target: .mention($0), isPrimary: true)] } ?? []
  }
}

/// The one list of proposers, in the priority order of the original sieve.
enum SpeakerProposers {
  /// Quotes in body text.
  static let body: [any SpeakerProposer] = [
    AfterQuoteProposer(),
    SubjectlessCueProposer(),
    ReportSourceProposer(),
    BeforeQuoteProposer(),
    CueLaterInSentenceProposer(),
    ColonInPreviousParagraphProposer(),
    ContinuationProposer(),
    SameSentenceProposer(),
    NextSentenceProposer(),
    PreviousSentenceProposer(),
    RecentSpeakerProposer(),
    ParagraphPersonProposer(),
    NearbyNameProposer(),
    WindowMentionProposer(),
  ]

  /// Headline quotes (a short paragraph of its own), decided after the body.
  static let heading: [any SpeakerProposer] = [
    HeadlineEchoProposer(),
    AfterQuoteProposer(),
    BeforeQuoteProposer(),
    NextSentenceProposer(),
    NearbyNameProposer(),
  ]

  /// Every proposer id, for feature indices (stable: append only).
  static let ids: [String] = [
    "afterQuote", "reportSource", "beforeQuote", "cueLaterInSentence", "colonInPreviousParagraph",
    "continuation",
    "sameSentence", "nextSentence", "previousSentence", "recentSpeaker", "paragraphPerson",
    "headlineEcho",
    "nearbyName", "subjectlessCue", "window",
  ]

  static func index(of id: String) -> Int { ids.firstIndex(of: id) ?? ids.count }

  /// The index in ``ids`` of each proposer of ``body`` and ``heading``, computed once.
  static let bodyIndices = body.map { index(of: $0.id) }
  static let headingIndices = heading.map { index(of: $0.id) }
}
