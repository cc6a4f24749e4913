/// Decides who said each quote, and records why: propose, score, resolve.
///
/// Every proposer (one per rule, listed in ``SpeakerProposers``) returns its candidate
/// speakers with features; the ``SpeakerScorer`` picks one (the learned
/// ``LinearSpeakerScorer/standard`` by default, ``PrioritySpeakerScorer`` for the rules as
/// a sieve). The rules, in priority order (each recorded as ``Attribution/Rule``): a speech verb right after
/// the quote with its subject before it (“…,” Jane Roe said) or after it (“…,” said Jane
/// Roe); a dash credit (“…” — Jane Roe); "according to"; a speech verb before the quote in
/// its sentence, whose subject is the speaker (past appositions: "Roe, a doctor, said"); a
/// colon lead-in ("And from the chairwoman:"); the speaker of the previous quote when
/// nothing else intervenes (split quotes and continuations); a speaker introduced in the
/// next sentence; the subject of the previous sentence. A headline quote takes the speaker
/// of the quote it echoes. Pronouns resolve to the latest person of the same gender;
/// descriptions to the description as first introduced, or the named person whose role
/// they repeat. The speaker is always the fullest name the article gives.
public struct SpeakerAttributor: Component {
  public let lexicon: Lexicon
  public let scorer: any SpeakerScorer
  /// Record each quote's best candidates (``Attribution/candidates``) for `--explain`.
  public let explainsCandidates: Bool

  public init(
    lexicon: Lexicon = .english, scorer: (any SpeakerScorer)? = nil,
    explainsCandidates: Bool = false
  ) {
    self.lexicon = lexicon
    self.scorer = scorer ?? LinearSpeakerScorer.standard
    self.explainsCandidates = explainsCandidates
  }

  public var name: String { "attribution" }
  public var requires: Set<Layer> {
    [.tokens, .sentences, .paragraphs, .quotes, .cues, .mentions, .entities]
  }
  public var provides: Set<Layer> { [.attributions] }

  public func process(_ document: inout Document) {
    document.attributions = attributions(in: document)
  }

  func attributions(in document: Document) -> [Attribution] {
    attributions(in: document, scorer: scorer, observe: nil)
  }

  /// The attributions `scorer` makes, calling `observe` with each quote index, all its
  /// candidates and the index chosen (for training and evaluation of scorers).
  public func attributions(
    in document: Document, scorer: any SpeakerScorer,
    observe: ((Int, [SpeakerCandidate], Int?) -> Void)?
  ) -> [Attribution] {
    Bytes.with(document.text) { bytes in
      var context = AttributionContext(document: document, bytes: bytes, lexicon: lexicon)
      context.explains = explainsCandidates
      return context.run(scorer: scorer, observe: observe)
    }
  }
}
