/// Number words, scales, qualifiers and units as ``WordKey`` tables (from `English+Numbers.swift`).
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

  let of = WordKey("of"), a = WordKey("a"), an = WordKey("an"), one = WordKey("one"),
    half = WordKey("half")
  let possessive = WordKey("’s"), possessiveStraight = WordKey("'s"), times = WordKey("times")
  let am = WordKey("a.m"), pm = WordKey("p.m"), amDot = WordKey("a.m."), pmDot = WordKey("p.m."),
    dozen = WordKey("dozen")

  static let english = ClaimTables()

  init() {
    cardinals = Dictionary(uniqueKeysWithValues: English.cardinals.map { (WordKey($0.0), $0.1) })
    scales = Dictionary(uniqueKeysWithValues: English.numberScales.map { (WordKey($0.0), $0.1) })
    qualifiers = PhraseTable(English.numberQualifiers)
    var byLast: [WordKey: [[WordKey]]] = [:]
    var values: [[WordKey]: String] = [:]
    for (phrase, value) in English.numberQualifiers {
      let words = phrase.split(separator: " ").map { WordKey(String($0)) }
      guard let last = words.last else { preconditionFailure("a number qualifier has a word") }
      byLast[last, default: []].append(words)
      values[words] = value
    }
    for key in byLast.keys { byLast[key]?.sort { $0.count > $1.count } }
    qualifiersByLastWord = byLast
    qualifierValues = values
    units = PhraseTable(English.numberUnits)
    currencySigns = Dictionary(uniqueKeysWithValues: English.currencySigns)
    stops = Set(English.countedStops.map(WordKey.init))
    months = Set(English.months.map { WordKey($0.0) })
  }
}
