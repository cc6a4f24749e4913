/// An ordered list of components, checked once when it is built and shared across threads.
public struct Pipeline: Sendable {
  public let components: [any Component]

  /// Checks that every component's `requires` is provided by an earlier one.
  public init(_ components: [any Component]) throws(PipelineError) {
    var available: Set<Layer> = []
    for component in components {
      for layer in component.requires.sorted(by: { $0.name < $1.name })
      where !available.contains(layer) {
        throw .missingLayer(component: component.name, layer: layer.name)
      }
      available.formUnion(component.provides)
    }
    self.components = components
  }

  /// Runs every component in order on `document`.
  public func run(_ document: Document) -> Document {
    var document = document
    for component in components {
      component.process(&document)
    }
    return document
  }

  /// Runs the pipeline on `text`; relative dates count from `published` (ISO 8601) when given.
  public func run(text: String, published: String? = nil) -> Document {
    run(Document(text: text, published: published.flatMap(CivilDate.init(iso:))))
  }
}
