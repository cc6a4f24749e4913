/// Finds numeric claims: numbers with their unit, qualifier and what they count.
public struct ClaimFinder: Component {
  public let lexicon: Lexicon
  public init(lexicon: Lexicon = .english) { self.lexicon = lexicon }

  public var name: String { "claims" }
  public var requires: Set<Layer> { [.tokens, .sentences, .dates] }
  public var provides: Set<Layer> { [.claims] }

  public func process(_ document: inout Document) {
    document.claims = claims(in: document)
  }

  func claims(in document: Document) -> [Claim] {
    Bytes.with(document.text) { bytes in
      let index = DocumentIndex.of(document, bytes: bytes)
      return ClaimScanner(tables: .named(lexicon.languageCode), index: index, bytes: bytes).scan(
        skipping: document.dates)
    }
  }
}
