/// Finds promises and predictions with a deadline in what people said: a statement (a quote,
/// or reported speech) that speaks of the future ("will", "would", "promised") and names when
/// ("by the end of the year", "within six months", "before the summer", "soon"). The
/// deadline is normalised against the day the statement was made, not the article's date.
public struct PromiseFinder: Component {
  public let lexicon: Lexicon
  public init(lexicon: Lexicon = .english) { self.lexicon = lexicon }

  public var name: String { "promises" }
  public var requires: Set<Layer> { [.quotes, .attributions, .said, .reported, .dates] }
  public var provides: Set<Layer> { [.promises] }

  public func process(_ document: inout Document) {
    document.promises = promises(in: document)
  }

  func promises(in document: Document) -> [Promise] {
    Bytes.with(document.text) { bytes in
      let index = DocumentIndex.of(document, bytes: bytes)
      let context = StatementContext(
        document: document, index: index, bytes: bytes,
        tables: .named(lexicon.languageCode))
      var speakerOfQuote: [Int: String?] = [:]
      var cueOfQuote: [Int: TextRange] = [:]
      for attribution in document.attributions {
        speakerOfQuote[attribution.quote] = attribution.speaker
        if let cue = attribution.cue { cueOfQuote[attribution.quote] = cue }
      }
      var statements: [(range: TextRange, speaker: String?, said: TimeValue?, cue: TextRange?)] = []
      for (i, quote) in document.quotes.enumerated() {
        var range = quote.content
        if quote.kind == .partial,
          let s = DocumentIndex.index(of: quote.span.lowerBound, in: index.sentences)
        {
          range = index.sentences[s]
        }
        let said =
          i < document.said.count ? document.said[i].value : document.published.map(TimeValue.day)
        statements.append((range, speakerOfQuote[i] ?? nil, said, cueOfQuote[i]))
      }
      for item in document.reported {
        statements.append((item.content, item.speaker, item.said.value, item.cue))
      }
      var result: [Promise] = []
      var seen = Set<TextRange>()
      for statement in statements where !seen.contains(statement.range) {
        seen.insert(statement.range)
        if let promise = promise(
          statement.range, speaker: statement.speaker, said: statement.said, cue: statement.cue,
          context: context)
        {
          result.append(promise)
        }
      }
      return result.sorted { $0.range < $1.range }
    }
  }

  func promise(
    _ range: TextRange, speaker: String?, said: TimeValue?, cue: TextRange?,
    context: StatementContext
  ) -> Promise? {
    let index = context.index
    let tables = context.tables
    let first = index.firstToken(atOrAfter: range.lowerBound)
    var end = first
    while end < index.tokens.count, index.tokens[end].range.upperBound <= range.upperBound {
      end += 1
    }
    var committed = false
    if let cue {
      let lemma = WordKey(context.bytes, cue.lowerBound, cue.upperBound)
      committed = tables.commitmentMarkers.contains(lemma)
    }
    var vague: (String, TextRange)?
    var t = first
    while t < end {
      if tables.commitmentMarkers.contains(index.keys[t]) { committed = true }
      if vague == nil, let match = tables.vague.match({ index.key($0) }, at: t),
        t + match.count <= end
      {
        vague = (
          match.value,
          TextRange(
            index.tokens[t].range.lowerBound, index.tokens[t + match.count - 1].range.upperBound)
        )
      }
      t += 1
    }
    guard committed else { return nil }
    let anchor = said?.first ?? context.document.published
    let dates = DateFinder.dates(
      in: context.document, range: range, anchor: anchor, tables: .named(lexicon.languageCode))
    for date in dates {
      let value = date.value
      guard value.granularity != .duration, let firstDay = value.first else { continue }
      let due: CivilDate
      switch date.relation {
      case .by, .until, .within, .at:
        if date.relation == .at, let anchor, firstDay <= anchor { continue }
        due = value.last ?? firstDay
      case .before:
        due = firstDay
      default:
        continue
      }
      if let anchor, due < anchor { continue }
      return Promise(
        range: range, speaker: speaker, said: said, deadlineRange: date.range, deadline: value,
        dueDate: due, horizon: nil)
    }
    if let (word, phrase) = vague {
      return Promise(
        range: range, speaker: speaker, said: said, deadlineRange: phrase, deadline: nil,
        dueDate: nil, horizon: word)
    }
    return nil
  }
}
