import Testing

@testable import QuotidianCore

@Suite struct PipelineTests {
  @Test func standardPipelineIsValid() throws {
    let standard = Pipeline.standard()
    let rebuilt = try Pipeline(standard.components)
    #expect(
      rebuilt.components.map(\.name) == [
        "paragraphs", "tokens", "sentences", "quotes", "cues", "mentions", "attribution",
        "entities",
        "dates", "claims", "said", "reported", "promises",
      ])
  }

  @Test(arguments: [[SpeakerAttributor(), QuoteFinder()] as [any Component]])
  func wrongOrderIsRejected(components: [any Component]) {
    #expect(throws: PipelineError.self) { try Pipeline(components) }
  }

  @Test func analyzeFindsQuoteAndSpeaker() {
    let document = analyze("“We will build it,” the mayor said.")
    #expect(document.quotes.count == 1)
    #expect(document.attributions.first?.speaker == "the mayor")
  }
}
