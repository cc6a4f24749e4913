/// An ordered list of components, checked once when it is built and shared across threads.
///
/// A pipeline may carry variants for other languages (the same components over another
/// ``Lexicon``): `run` identifies each document's language and runs the variant for it, or
/// its own components when it has none.
public struct Pipeline: Sendable {
  public let components: [any Component]
  /// Component lists for other languages, by ISO 639-1 code, each checked like `components`.
  public private(set) var variants: [String: [any Component]] = [:]
  let identifier: LanguageIdentifier

  /// Checks that every component's `requires` is provided by an earlier one.
  public init(_ components: [any Component]) throws(PipelineError) {
    try Self.check(components)
    self.components = components
    identifier = .standard
  }

  static func check(_ components: [any Component]) throws(PipelineError) {
    var available: Set<Layer> = []
    for component in components {
      for layer in component.requires.sorted(by: { $0.name < $1.name })
      where !available.contains(layer) {
        throw .missingLayer(component: component.name, layer: layer.name)
      }
      available.formUnion(component.provides)
    }
  }

  /// This pipeline with `components` run on documents identified as `language`.
  public func adding(language: String, _ components: [any Component]) throws(PipelineError)
    -> Pipeline
  {
    try Self.check(components)
    var copy = self
    copy.variants[language] = components
    return copy
  }

  /// The components run on a document in `language`.
  public func components(for language: String?) -> [any Component] {
    language.flatMap { variants[$0] } ?? components
  }

  /// Identifies `document`'s language (keeping a declared one when the text says too little)
  /// and runs the components for it in order.
  public func run(_ document: Document) -> Document {
    run(document, before: nil)
  }

  /// Like ``run(_:)``, stopping before the component named `stop` (the layers a component
  /// is trained or tested on).
  public func run(_ document: Document, before stop: String?) -> Document {
    var document = document
    document.language =
      identifier.language(of: document.text) ?? document.language.flatMap(Self.primaryTag)
      ?? "und"
    for component in components(for: document.language) {
      if component.name == stop { break }
      component.process(&document)
    }
    return document
  }

  /// The primary subtag of a declared language tag, lower-cased ("en-GB" → "en").
  static func primaryTag(_ tag: String) -> String? {
    let primary = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map {
      $0.lowercased()
    }
    return primary.flatMap { $0.isEmpty ? nil : $0 }
  }

  /// Runs the pipeline on `text`; relative dates count from `published` (ISO 8601) when given;
  /// `language` is the declared language, used when the text is too short to identify.
  public func run(text: String, published: String? = nil, language: String? = nil) -> Document {
    run(
      Document(
        text: text, published: published.flatMap(CivilDate.init(iso:)), language: language))
  }
}
