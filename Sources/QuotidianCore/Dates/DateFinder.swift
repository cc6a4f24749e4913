/// Finds dates, spans and durations ("December 6", "since September", "last month", "the
/// past decade", "within six months") and normalises them against the article's date.
public struct DateFinder: Component {
  public let lexicon: Lexicon
  public init(lexicon: Lexicon = .english) { self.lexicon = lexicon }

  public var name: String { "dates" }
  public var requires: Set<Layer> { [.tokens, .sentences, .paragraphs] }
  public var provides: Set<Layer> { [.dates] }

  public func process(_ document: inout Document) {
    document.dates = dates(in: document)
  }

  func dates(in document: Document) -> [DateMention] {
    Bytes.with(document.text) { bytes in
      let index = DocumentIndex.of(document, bytes: bytes)
      return DateScanner(
        tables: .named(lexicon.languageCode), index: index, bytes: bytes,
        anchor: document.published
      )
      .scan(0..<index.tokens.count)
    }
  }

  /// The dates in `range` of `document`, normalised against `anchor` instead of the article's
  /// date (a promise's deadline counts from the day it was made).
  static func dates(
    in document: Document, range: TextRange, anchor: CivilDate?, tables: DateTables = .english
  ) -> [DateMention] {
    Bytes.with(document.text) { bytes in
      let index = DocumentIndex.of(document, bytes: bytes)
      let first = index.firstToken(atOrAfter: range.lowerBound)
      var last = first
      while last < index.tokens.count, index.tokens[last].range.upperBound <= range.upperBound {
        last += 1
      }
      return DateScanner(tables: tables, index: index, bytes: bytes, anchor: anchor).scan(
        first..<last)
    }
  }
}
