import QuotidianCore
import Testing

@Suite struct LinkTextTests {
  @Test(arguments: [
    ("“We will,” she said.", ["we", "will", "she", "said"]),
    ("It won’t — it can't.", ["it", "won't", "it", "can't"]),
    ("Calderón ROBLE, 1,850 MW", ["calderon", "roble", "1", "850", "mw"]),
    ("rock 'n' roll", ["rock", "n", "roll"]),
    ("  ", []),
    ("Beni\u{0301}tez", ["benitez"]),
  ])
  func wordsAreFoldedLettersAndDigitsWithInnerApostrophes(_ text: String, _ words: [String]) {
    #expect(LinkText.words(text) == words)
  }
}

@Suite struct MinHashTests {
  static func signature(_ text: String) -> MinHashSignature {
    ArticleFingerprint(words: LinkText.words(text)).signature
  }

  static let base = (1...300).map { "word\($0 % 97) w\($0)" }.joined(separator: " ")

  @Test func signaturesAreDeterministicAndTheSameTextIsSimilarityOne() {
    #expect(Self.signature(Self.base) == Self.signature(Self.base))
    #expect(Self.signature(Self.base).similarity(to: Self.signature(Self.base)) == 1)
    #expect(Self.signature(Self.base).values.count == ArticleFingerprint.hashCount)
    #expect(MinHashSignature(bytes: Self.signature(Self.base).bytes) == Self.signature(Self.base))
  }

  /// Editing a share of the words lowers the estimate about as much as the true Jaccard of
  /// the shingle sets.
  @Test(arguments: [(0, 1.0, 1.0), (10, 0.75, 0.95), (150, 0.0, 0.3)])
  func theEstimateFollowsTheShareOfSharedShingles(_ edits: Int, _ low: Double, _ high: Double) {
    var words = LinkText.words(Self.base)
    for index in 0..<edits { words[(index * 37) % words.count] = "changed\(index)" }
    let estimate = ArticleFingerprint(words: words).signature.similarity(
      to: Self.signature(Self.base))
    #expect(estimate >= low && estimate <= high, "edits \(edits): \(estimate)")
  }

  @Test func nearCopiesShareABandAndUnrelatedTextsDoNot() {
    var words = LinkText.words(Self.base)
    words[5] = "headline"
    let copy = ArticleFingerprint(words: words)
    let original = ArticleFingerprint(words: LinkText.words(Self.base))
    #expect(!Set(copy.bandKeys).isDisjoint(with: original.bandKeys))
    let other = ArticleFingerprint(words: (1...300).map { "other\($0)" })
    #expect(Set(other.bandKeys).isDisjoint(with: original.bandKeys))
    #expect(original.bandKeys.count == ArticleFingerprint.bands)
  }

  @Test(arguments: [(["a", "b", "c"], 5, 1), (["a", "b", "c", "d", "e", "f"], 5, 2), ([], 5, 0)])
  func shinglesAreRunsOfWordsOrTheWholeShortText(_ words: [String], _ size: Int, _ count: Int) {
    #expect(Shingles.hashes(words, size: size).count == count)
  }
}

@Suite struct QuoteAlignmentTests {
  @Test(arguments: [
    // original, variant, same statement, altered, rendered diff
    (
      "We have been patient for three weeks. Patience is not a policy,",
      "We have been patient for weeks. But patience is not a policy,", true, true,
      "we have been patient for [-three-] weeks {+but+} patience is not a policy"
    ),
    (
      "If the water does not come in the next ten days, we lose the spring crop. There is no second chance with rice",
      "no second chance with rice", true, false, "no second chance with rice"
    ),
    (
      "Our offer is fair and it remains open,", "Our offer is fair and it remains open.", true,
      false,
      "our offer is fair and it remains open"
    ),
    (
      "We will meet again on Wednesday", "We will meet again on Thursday", true, true,
      "we will meet again on [-wednesday-] {+thursday+}"
    ),
    (
      "The river will run as it always has", "Prices will rise across the region next year", false,
      false, ""
    ),
  ])
  func quotesAlignWordByWord(
    _ original: String, _ variant: String, _ same: Bool, _ altered: Bool, _ diff: String
  ) {
    let alignment = QuoteAlignment(
      original: LinkText.words(original), variant: LinkText.words(variant))
    #expect(alignment.isSameStatement == same)
    #expect(alignment.isAltered == altered)
    if same { #expect(alignment.diff.rendered == diff) }
  }

  @Test(arguments: [
    (
      "We will finish the dam this year", "We won't finish the dam this year",
      ["negation", "modal"]
    ),
    ("We will finish the dam this year", "We will finish the dam next year", ["date"]),
    ("We will finish the dam this year", "We may finish the dam this year", ["modal"]),
    ("patient for three weeks", "patient for weeks", ["number"]),
    ("The gauge read 188 on March 11", "The gauge read 188 on April 11", ["date"]),
    ("The treaty is clear", "The treaty is not clear", ["negation"]),
    ("The treaty is clear", "The treaty is very clear", []),
  ])
  func meaningChangesAreFlagged(_ original: String, _ variant: String, _ changes: [String]) {
    let diff = QuoteAlignment(original: LinkText.words(original), variant: LinkText.words(variant))
      .diff
    #expect(MeaningChange(diff).names == changes)
  }
}
