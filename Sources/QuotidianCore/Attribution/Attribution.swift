/// Who said a quote, and why Quotidian thinks so.
public struct Attribution: Hashable, Sendable {
  /// The rule that made an attribution; shown by `quotidian extract --explain`.
  public struct Rule: Hashable, Sendable, CustomStringConvertible {
    public let name: String
    public init(_ name: String) { self.name = name }
    public var description: String { name }

    public static let verbAfterQuote = Rule("verbAfterQuote")
    public static let verbBeforeQuote = Rule("verbBeforeQuote")
    public static let invertedVerb = Rule("invertedVerb")
    public static let accordingTo = Rule("accordingTo")
    public static let colonIntroduced = Rule("colonIntroduced")
    public static let dashCredit = Rule("dashCredit")
    public static let splitQuote = Rule("splitQuote")
    public static let continuation = Rule("continuation")
    public static let speakerInPreviousSentence = Rule("speakerInPreviousSentence")
    public static let speakerInNextSentence = Rule("speakerInNextSentence")
    public static let partialQuoteSubject = Rule("partialQuoteSubject")
    public static let pronoun = Rule("pronoun")
    /// The organisation behind a poll, survey, report or study that the quote comes from.
    public static let reportSource = Rule("reportSource")
    public static let description = Rule("description")
    /// “…”, afirmó.: a bare speech verb after the quote; the speaker comes from before.
    public static let subjectlessCue = Rule("subjectlessCue")
    /// A person named in or next to the quote's sentence, without a cue linking them.
    public static let nearbyName = Rule("nearbyName")
    /// A mention near the quote that no rule linked; the learned scorer chose it.
    public static let nearbyMention = Rule("nearbyMention")
    public static let none = Rule("none")
  }

  /// A speaker the scorer weighed, for `--explain`: best first.
  public struct Candidate: Hashable, Sendable {
    public var speaker: String?
    /// The proposer (rule) that found it.
    public var proposer: String
    public var score: Double
    /// The features that weighed most, with their weights.
    public var reasons: [String]

    public init(speaker: String?, proposer: String, score: Double, reasons: [String]) {
      self.speaker = speaker
      self.proposer = proposer
      self.score = score
      self.reasons = reasons
    }
  }

  /// Index into ``Document/quotes``.
  public var quote: Int
  /// The fullest name the article gives, the description as introduced, or nil.
  public var speaker: String?
  /// The mention next to the quote that names the speaker ("she", "the adviser").
  public var speakerMention: TextRange?
  /// The cue (speech verb, colon, dash) that links the quote and the speaker.
  public var cue: TextRange?
  public var rule: Rule
  /// Supporting ranges: the cue, the antecedent of a pronoun, the introducing sentence.
  public var evidence: [TextRange]
  /// 0…1: the scorer's calibrated confidence (the rule's prior for the priority order).
  public var confidence: Double
  /// The best candidates the scorer weighed (`--explain`).
  public var candidates: [Candidate] = []

  public init(
    quote: Int, speaker: String?, speakerMention: TextRange? = nil, cue: TextRange? = nil,
    rule: Rule, evidence: [TextRange] = [], confidence: Double
  ) {
    self.quote = quote
    self.speaker = speaker
    self.speakerMention = speakerMention
    self.cue = cue
    self.rule = rule
    self.evidence = evidence
    self.confidence = confidence
  }
}
