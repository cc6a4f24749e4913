extension Pipeline {
  /// The standard English pipeline; the one place that lists the order of components.
  public static func standard(lexicon: Lexicon = .english) -> Pipeline {
    // swift-format-ignore: NeverUseForceTry
    // The order is proven valid by the test `standardPipelineIsValid`.
    try! Pipeline([])
  }
}
