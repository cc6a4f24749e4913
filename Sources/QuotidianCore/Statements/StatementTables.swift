/// Occasion phrases, reporting verbs and commitment words of one language as ``WordKey``
/// tables (from `<Language>+Statements.swift`).
struct StatementTables: Sendable {
  let occasions: PhraseTable
  let platforms: Set<WordKey>
  let reportingLemmas: Set<String>
  let commitmentMarkers: Set<WordKey>
  let vague: PhraseTable
  let pronounGender: [WordKey: Entity.Gender?]
  let subjectStarts: Set<WordKey>
  let modifiers: Set<WordKey>

  /// The word that opens reported words ("said that …"), the preposition of a platform ("on
  /// X") and the audience word of "told reporters".
  let that: WordKey, on: WordKey, reporters: WordKey

  static let english = StatementTables(English.self)
  static let spanish = StatementTables(Spanish.self)

  /// The tables of `languageCode`, English's for a language without its own.
  static func named(_ languageCode: String) -> StatementTables {
    languageCode == Lexicon.spanish.languageCode ? spanish : english
  }

  init(_ source: any LexiconSource.Type) {
    occasions = PhraseTable(source.occasions)
    platforms = Set(source.postPlatforms.map(WordKey.init))
    reportingLemmas = Set(source.reportingLemmas)
    commitmentMarkers = Set(source.commitmentMarkers.map(WordKey.init))
    vague = PhraseTable(source.vagueHorizons)
    var genders: [WordKey: Entity.Gender?] = [:]
    for pronoun in source.pronouns where pronoun.isSubject {
      genders[WordKey(pronoun.form)] = pronoun.isPlural ? nil : pronoun.gender
    }
    pronounGender = genders
    subjectStarts = Set(source.reportedSubjectStarts.map(WordKey.init))
    modifiers = Set((source.verbModifiers + source.statementModifiers).map(WordKey.init))
    that = WordKey(source.statementWords.that)
    on = WordKey(source.statementWords.on)
    reporters = WordKey(source.statementWords.reporters)
  }
}

/// Shared look-ups over an analysed document: which sentence holds a range, whether a range
/// is inside a quote, which dates a clause gives.
struct StatementContext {
  let document: Document
  let index: DocumentIndex
  let bytes: UnsafeBufferPointer<UInt8>
  let tables: StatementTables
  /// Quote spans (with marks), sorted.
  let quoteSpans: [TextRange]

  init(
    document: Document, index: DocumentIndex, bytes: UnsafeBufferPointer<UInt8>,
    tables: StatementTables = .english
  ) {
    self.document = document
    self.index = index
    self.bytes = bytes
    self.tables = tables
    quoteSpans = document.quotes.map(\.span).sorted()
  }

  func insideQuote(_ range: TextRange) -> Bool {
    guard let q = DocumentIndex.index(of: range.lowerBound, in: quoteSpans) else { return false }
    return quoteSpans[q].contains(range)
  }

  func sentenceOverlapsQuote(_ sentence: TextRange) -> Bool {
    var low = 0
    var high = quoteSpans.count
    while low < high {
      let mid = (low + high) / 2
      if quoteSpans[mid].upperBound <= sentence.lowerBound { low = mid + 1 } else { high = mid }
    }
    return low < quoteSpans.count && quoteSpans[low].lowerBound < sentence.upperBound
  }

  /// When and where the statement whose speech cue is `cue` (or, without one, whose words are
  /// `span`) was made: a date in the cue's clause, outside quotation marks and before any
  /// "that" opening the reported words; else the article's date.
  func said(cue: TextRange?, span: TextRange) -> Said {
    let fallback = Said(value: document.published.map(TimeValue.day))
    let pivot = cue ?? span
    guard let s = DocumentIndex.index(of: pivot.lowerBound, in: index.sentences) else {
      return fallback
    }
    let sentence = index.sentences[s]
    let tokens = index.sentenceTokens[s]
    let pivotFirst = index.firstToken(atOrAfter: pivot.lowerBound)
    var pivotEnd = pivotFirst
    while pivotEnd < tokens.upperBound, index.tokens[pivotEnd].range.upperBound <= pivot.upperBound
    { pivotEnd += 1 }
    // The reported words start at the first "that" or quotation mark after the cue.
    var clauseEnd = tokens.upperBound
    var u = pivotEnd
    while u < tokens.upperBound {
      if index.keys[u] == tables.that || index.tokens[u].kind == .quotationMark {
        clauseEnd = u
        break
      }
      u += 1
    }
    var best: (DateMention, Int)?
    let dates = document.dates
    var d = firstDate(atOrAfter: sentence.lowerBound)
    while d < dates.count, dates[d].range.upperBound <= sentence.upperBound {
      let date = dates[d]
      d += 1
      guard date.relation == .at, date.value.granularity != .duration,
        !date.value.iso.hasSuffix(".."),
        date.value.granularity == .week || !date.value.iso.contains("/"), !insideQuote(date.range),
        !span.overlaps(date.range)
      else { continue }
      if let first = date.value.first, let published = document.published, first > published {
        continue
      }
      let dateFirst = index.firstToken(atOrAfter: date.range.lowerBound)
      let distance: Int
      if date.range.lowerBound >= pivot.upperBound {
        guard cue != nil, dateFirst < clauseEnd else { continue }
        distance = dateFirst - pivotEnd
      } else {
        guard !quoteBetween(date.range.upperBound, pivot.lowerBound) || cue == nil else { continue }
        distance = pivotFirst - dateFirst
      }
      guard distance <= 12 else { continue }
      if best.map({ distance < $0.1 }) ?? true { best = (date, distance) }
    }
    var result = fallback
    if let (date, _) = best {
      result = Said(value: date.value, dateRange: date.range)
    }
    result.occasion = occasion(
      around: pivotFirst, pivotEnd, in: tokens,
      clauseEnd: cue == nil ? tokens.upperBound : clauseEnd)
    return result
  }

  func quoteBetween(_ lower: Int, _ upper: Int) -> Bool {
    guard lower < upper else { return false }
    return sentenceOverlapsQuote(TextRange(lower, upper))
  }

  func firstDate(atOrAfter offset: Int) -> Int {
    let dates = document.dates
    var low = 0
    var high = dates.count
    while low < high {
      let mid = (low + high) / 2
      if dates[mid].range.lowerBound < offset { low = mid + 1 } else { high = mid }
    }
    return low
  }

  /// An occasion phrase within 12 tokens of the cue, outside quotation marks and before the
  /// reported words: "at a press conference", "in an interview", "on X".
  func occasion(around first: Int, _ end: Int, in tokens: Range<Int>, clauseEnd: Int) -> String? {
    let lower = Swift.max(tokens.lowerBound, first - 12)
    let upper = Swift.min(clauseEnd, end + 12)
    var best: (String, Int)?
    var u = lower
    while u < upper {
      defer { u += 1 }
      guard index.tokens[u].kind == .word, !insideQuote(index.tokens[u].range) else { continue }
      var found: String?
      if let match = tables.occasions.match({ index.key($0) }, at: u) {
        found = match.value
      } else if index.keys[u] == tables.on, u + 1 < upper, index.tokens[u + 1].isCapitalized,
        tables.platforms.contains(index.keys[u + 1])
      {
        found = "post"
      } else if index.keys[u] == tables.reporters, u > 0, index.tokens[u - 1].kind == .word {
        found = "remarks to reporters"
      }
      guard let found else { continue }
      let distance = u < first ? first - u : u - end
      if best.map({ distance < $0.1 }) ?? true { best = (found, distance) }
    }
    return best?.0
  }
}
