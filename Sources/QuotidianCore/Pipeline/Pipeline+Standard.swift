extension Pipeline {
  /// The standard pipeline; the one place that lists the order of components.
  ///
  /// With no `lexicon`, the pipeline reads every language that has tables
  /// (``Lexicon/languageCodes``): the same components over each language's lexicon, chosen
  /// per document by ``LanguageIdentifier``; English for any other language. With a
  /// `lexicon`, it reads every document with that one.
  public static func standard(
    lexicon: Lexicon? = nil, speakerScorer: (any SpeakerScorer)? = nil,
    explainSpeakers: Bool = false
  ) -> Pipeline {
    func components(_ lexicon: Lexicon) -> [any Component] {
      [
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
      ]
    }
    // swift-format-ignore: NeverUseForceTry
    // The order is proven valid by the test `standardPipelineIsValid`.
    var pipeline = try! Pipeline(components(lexicon ?? .english))
    guard lexicon == nil else { return pipeline }
    for code in Lexicon.languageCodes where code != Lexicon.english.languageCode {
      // swift-format-ignore: NeverUseForceTry
      // The same components in the same order as above.
      pipeline = try! pipeline.adding(language: code, components(Lexicon.named(code)))
    }
    return pipeline
  }
}
