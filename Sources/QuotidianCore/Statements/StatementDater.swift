/// Gives every quote the date and occasion of its statement (`said`): the date the quote's
/// clause names ("said on Tuesday", "told reporters last month", "in an interview in
/// March"), else the article's date.
public struct StatementDater: Component {
  public let lexicon: Lexicon
  public init(lexicon: Lexicon = .english) { self.lexicon = lexicon }

  public var name: String { "said" }
  public var requires: Set<Layer> { [.quotes, .attributions, .dates, .sentences] }
  public var provides: Set<Layer> { [.said] }

  public func process(_ document: inout Document) {
    document.said = said(in: document)
  }

  func said(in document: Document) -> [Said] {
    Bytes.with(document.text) { bytes in
      let index = DocumentIndex.of(document, bytes: bytes)
      let context = StatementContext(
        document: document, index: index, bytes: bytes,
        tables: .named(lexicon.languageCode))
      var cueOfQuote: [Int: TextRange] = [:]
      for attribution in document.attributions {
        if let cue = attribution.cue { cueOfQuote[attribution.quote] = cue }
      }
      return document.quotes.indices.map { i in
        context.said(cue: cueOfQuote[i], span: document.quotes[i].span)
      }
    }
  }
}
