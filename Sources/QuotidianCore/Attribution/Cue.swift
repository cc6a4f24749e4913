/// A speech cue: a verb ("said", "told reporters"), "according to", a colon or a dash credit.
public struct Cue: Hashable, Sendable {
  public var range: TextRange
  /// The lemma or canonical form ("say", "according to", ":").
  public var lemma: String

  public init(range: TextRange, lemma: String) {
    self.range = range
    self.lemma = lemma
  }
}
