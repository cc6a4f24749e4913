/// One article's text and the stand-off annotations the pipeline adds to it.
///
/// The text is immutable; every layer is a list of ``TextRange``s (UTF-8 offsets) into it.
public struct Document: Sendable {
  /// The article text, contiguous UTF-8. Never changes.
  public let text: String
  /// The article's publication day: the anchor of relative dates ("last month"). Nil when unknown.
  public let published: CivilDate?
  /// The article's language (ISO 639-1, "und" when undetermined): set by `Pipeline.run`
  /// from ``LanguageIdentifier``, else the language the source declared. It chose the lexicon.
  public internal(set) var language: String?

  /// Set by `ParagraphSplitter`. In text order. Never overlapping. Trimmed of surrounding white space.
  public internal(set) var paragraphs: [TextRange] = []
  /// Set by `Tokenizer`. In text order. Never overlapping.
  public internal(set) var tokens: [Token] = []
  /// Set by `SentenceSplitter`. In text order. Never overlapping.
  public internal(set) var sentences: [TextRange] = []
  /// Set by `QuoteFinder`. In text order. Never overlapping.
  public internal(set) var quotes: [Quote] = []
  /// Set by `CueFinder`. In text order.
  public internal(set) var cues: [Cue] = []
  /// Set by `MentionFinder`. In text order.
  public internal(set) var mentions: [Mention] = []
  /// Set by `SpeakerAttributor`: one per quote, same order as ``quotes``.
  public internal(set) var attributions: [Attribution] = []
  /// Set by `EntityRecognizer`.
  public internal(set) var entities: [Entity] = []
  /// Set by `DateFinder`. In text order. Never overlapping.
  public internal(set) var dates: [DateMention] = []
  /// Set by `ClaimFinder`. In text order. Never overlapping.
  public internal(set) var claims: [Claim] = []
  /// Set by `StatementDater`: one per quote, same order as ``quotes``.
  public internal(set) var said: [Said] = []
  /// Set by `ReportedSpeechFinder`: reported speech without quotation marks. Kept apart from
  /// ``quotes`` so that quote-level consumers (and the quote scorer) see only marked quotes.
  public internal(set) var reported: [ReportedSpeech] = []
  /// Set by `PromiseFinder`: promises and predictions with their deadlines.
  public internal(set) var promises: [Promise] = []
  /// Observations about odd text, never fatal.
  public internal(set) var diagnostics: [Diagnostic] = []
  /// Look-up tables over tokens, sentences and paragraphs, built once by `SentenceSplitter`
  /// and shared by the components after it (see `DocumentIndex.of(_:bytes:)`).
  var indexCache: DocumentIndex?

  /// `language` is what the source declares (an HTML `lang`), used only when the text is
  /// too short for ``LanguageIdentifier`` to decide.
  public init(text: String, published: CivilDate? = nil, language: String? = nil) {
    var text = text
    text.makeContiguousUTF8()
    self.text = text
    self.published = published
    self.language = language
  }

  /// The substring covered by `range` (UTF-8 offsets). Out-of-bounds ranges are clamped.
  public func string(_ range: TextRange) -> String {
    let utf8 = text.utf8
    let count = utf8.count
    let lower = Swift.max(0, Swift.min(range.lowerBound, count))
    let upper = Swift.max(lower, Swift.min(range.upperBound, count))
    let start = utf8.index(utf8.startIndex, offsetBy: lower)
    let end = utf8.index(start, offsetBy: upper - lower)
    return String(decoding: utf8[start..<end], as: UTF8.self)
  }

  /// Total UTF-8 length of the text.
  public var utf8Count: Int { text.utf8.count }
}
