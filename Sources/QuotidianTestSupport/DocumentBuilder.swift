public import QuotidianCore

/// Builds documents for tests: the text plus every layer the standard pipeline makes
/// before a given component, so a component's pure function can be tested on its own.
public struct DocumentBuilder: Sendable {
  public var text: String
  public var pipeline: Pipeline

  public init(_ text: String, pipeline: Pipeline = .standard()) {
    self.text = text
    self.pipeline = pipeline
  }

  /// The document with the layers of every component before the one named `component`
  /// (all of them if no component has that name).
  public func prepared(for component: String) -> Document {
    var document = Document(text: text)
    for step in pipeline.components {
      if step.name == component { break }
      step.process(&document)
    }
    return document
  }

  /// The document after the whole pipeline.
  public func analyzed() -> Document { pipeline.run(text: text) }

  /// The quoted words of every quote, in order.
  public static func quoteTexts(_ document: Document) -> [String] {
    document.quotes.map { document.string($0.content) }
  }
}
