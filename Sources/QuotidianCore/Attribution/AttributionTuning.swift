/// Every confidence and window the attribution rules use, in one table.
///
/// Confidences are the priors of ``PrioritySpeakerScorer`` (the rules as a sieve); the
/// learned scorer does not see them and reports its own calibrated confidence.
enum AttributionTuning {
  enum Confidence {
    static let dashCredit = 0.8
    static let statementSaid = 0.7
    static let accordingTo = 0.85
    static let invertedVerbAfter = 0.9
    static let verbAfterQuote = 0.9
    static let subjectWithRole = 0.85
    static let reportSource = 0.65
    static let participle = 0.75
    static let verbBeforeQuote = 0.85
    static let invertedVerbBefore = 0.8
    static let firstMentionBefore = 0.7
    static let colonLeadIn = 0.75
    static let cueLaterInSentence = 0.7
    static let colonParagraphVerb = 0.75
    static let colonParagraphMention = 0.7
    static let nextSentence = 0.6
    static let previousSentenceName = 0.5
    static let previousSentencePronoun = 0.45
    static let continuationSameParagraph = 0.8
    static let continuationNextParagraph = 0.7
    static let sameSentence = 0.75
    static let recentSpeaker = 0.35
    static let paragraphPerson = 0.3
    static let headlineEcho = 0.7
    static let subjectlessCue = 0.8
    static let lateSubject = 0.8
    /// Extra candidates (the priority order never picks them).
    static let extra = 0.25
    /// Factor for a speaker reached through a pronoun.
    static let pronounFactor = 0.9
  }

  enum Window {
    /// Tokens at most from a sentence-opening bare speech verb to its quote.
    static let bareCueWords = 15
    /// Paragraphs back to the speech verb whose subject a bare verb continues.
    static let cueSubjectParagraphs = 3
    /// Tokens after a speech verb within which a subject may still follow an adjunct.
    static let lateSubject = 8
    /// Words at most in a headline paragraph.
    static let headingWords = 12
    /// Tokens of an apposition between a subject and its verb.
    static let apposition = 25
    /// Tokens back to the comma opening an apposition before a verb.
    static let subjectApposition = 30
    /// Words after the previous quote in its paragraph for a continuation.
    static let continuationWords = 12
    /// Paragraphs back to the statement a "the statement said" refers to.
    static let statementParagraphs = 3
    /// Paragraphs back to the organisation "it" refers to.
    static let neuterParagraphs = 5
    /// Paragraphs back to the person a gendered description ("la experta") refers to.
    static let descriptionParagraphs = 4
    /// Mentions back to a pronoun's antecedent.
    static let antecedentMentions = 150
    /// Quotes either side of a headline that it may echo.
    static let echoQuotes = 60
    /// Sentences back for the speaker of the previous sentence.
    static let previousSentences = 2
    /// Paragraphs back for a recent speaker.
    static let recentParagraphs = 1
    /// Sentences either side for a nearby named person (extra candidates).
    static let nearbySentences = 1
  }
}
