extension Pipeline {
  /// The standard English pipeline; the one place that lists the order of components.
  public static func standard(
    lexicon: Lexicon = .english, speakerScorer: (any SpeakerScorer)? = nil,
    explainSpeakers: Bool = false
  ) -> Pipeline {
    // swift-format-ignore: NeverUseForceTry
    // The order is proven valid by the test `standardPipelineIsValid`.
    try! Pipeline([
      ParagraphSplitter(),
      Tokenizer(lexicon: lexicon),
      SentenceSplitter(lexicon: lexicon),
      QuoteFinder(lexicon: lexicon),
      CueFinder(lexicon: lexicon),
      MentionFinder(lexicon: lexicon),
      SpeakerAttributor(
        lexicon: lexicon, scorer: speakerScorer, explainsCandidates: explainSpeakers),
      EntityRecognizer(lexicon: lexicon),
      DateFinder(lexicon: lexicon),
      ClaimFinder(lexicon: lexicon),
      StatementDater(lexicon: lexicon),
      ReportedSpeechFinder(lexicon: lexicon),
      PromiseFinder(lexicon: lexicon),
    ])
  }
}
