/// Recognises speech cues at a token: a verb of saying in any form ("told"), or a phrase
/// ("according to", "pointed out"). Shared by `QuoteFinder` (is this speech?) and
/// `CueFinder`.
struct CueScanner {
  let lexicon: Lexicon

  /// The cue starting at token `i`: its lemma and how many tokens it spans.
  func cue(at i: Int, in index: DocumentIndex) -> (lemma: String, count: Int)? {
    guard index.isWord(i) else { return nil }
    if let phrase = lexicon.speechPhrases.match({ index.isWord($0) ? index.key($0) : nil }, at: i) {
      return (phrase.value, phrase.count)
    }
    guard let lemma = lexicon.speechVerbs[index.keys[i]] else { return nil }
    if index.tokens[i].isCapitalized {
      // Mid-sentence capitals are names ("United States"); only a sentence start may be a verb.
      let sentence = index.sentenceOfToken[i]
      guard sentence >= 0, index.sentenceTokens[Int(sentence)].lowerBound == i else { return nil }
    }
    return (lemma, 1)
  }
}
