/// Number words, scales, qualifiers and units of one language as ``WordKey`` tables (from
/// `<Language>+Numbers.swift`).
struct ClaimTables: Sendable {
  let cardinals: [WordKey: Double]
  let scales: [WordKey: Double]
  let qualifiers: PhraseTable
  /// Qualifier phrases by their last word, to match backwards from a number.
  let qualifiersByLastWord: [WordKey: [[WordKey]]]
  let qualifierValues: [[WordKey]: String]
  let units: PhraseTable
  let currencySigns: [String: String]
  let stops: Set<WordKey>
  let months: Set<WordKey>

  /// "percent of", the indefinite articles, "one" and "half" (never a count alone).
  let of: WordKey, a: WordKey, an: WordKey, one: WordKey, half: WordKey
  /// True when either a comma or a period may be the decimal mark ("3,5" and "3.5",
  /// "10.000" and "10,000"); a group of three digits after it is thousands.
  let eitherDecimalMark: Bool
  /// Endings that make a word a verb, ending what a number counts (lower-case UTF-8).
  let verbSuffixes: [[UInt8]]
  /// Articles skipped after "percent of" before what is counted.
  let countedArticles: Set<WordKey>
  let possessive = WordKey("’s"), possessiveStraight = WordKey("'s"), times = WordKey("times")
  let am = WordKey("a.m"), pm = WordKey("p.m"), amDot = WordKey("a.m."), pmDot = WordKey("p.m."),
    dozen = WordKey("dozen")

  static let english = ClaimTables(English.self)
  static let spanish = ClaimTables(Spanish.self)

  /// The tables of `languageCode`, English's for a language without its own.
  static func named(_ languageCode: String) -> ClaimTables {
    languageCode == Lexicon.spanish.languageCode ? spanish : english
  }

  init(_ source: any LexiconSource.Type) {
    cardinals = Dictionary(source.cardinals.map { (WordKey($0.0), $0.1) }) { first, _ in first }
    scales = Dictionary(source.numberScales.map { (WordKey($0.0), $0.1) }) { first, _ in first }
    qualifiers = PhraseTable(source.numberQualifiers)
    var byLast: [WordKey: [[WordKey]]] = [:]
    var values: [[WordKey]: String] = [:]
    for (phrase, value) in source.numberQualifiers {
      let words = phrase.split(separator: " ").map { WordKey(String($0)) }
      guard let last = words.last else { preconditionFailure("a number qualifier has a word") }
      byLast[last, default: []].append(words)
      values[words] = value
    }
    for key in byLast.keys { byLast[key]?.sort { $0.count > $1.count } }
    qualifiersByLastWord = byLast
    qualifierValues = values
    units = PhraseTable(source.numberUnits)
    currencySigns = Dictionary(source.currencySigns) { first, _ in first }
    stops = Set(source.countedStops.map(WordKey.init))
    months = Set(source.months.map { WordKey($0.0) })
    let words = source.claimWords
    of = WordKey(words.of)
    a = WordKey(words.a)
    an = WordKey(words.an)
    one = WordKey(words.one)
    half = WordKey(words.half)
    eitherDecimalMark = source.eitherDecimalMark
    verbSuffixes = source.verbSuffixes.map { Array($0.utf8) }
    countedArticles = Set(source.countedArticles.map(WordKey.init))
  }
}
