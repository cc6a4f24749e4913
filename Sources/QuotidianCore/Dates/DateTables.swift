/// The date words of a language as ``WordKey`` tables, built once from `English+Dates.swift`.
struct DateTables: Sendable {
  let months: [WordKey: Int]
  let abbreviatedMonths: Set<WordKey>
  let ambiguousMonths: Set<WordKey>
  let weekdays: [WordKey: Int]
  let seasons: [WordKey: (first: Int, last: Int)]
  let units: [WordKey: DateUnit]
  let deicticDays: [WordKey: Int]
  let partsOfDay: Set<WordKey>
  let relations: [WordKey: DateMention.Relation]
  let futureMarkers: Set<WordKey>
  let ordinals: [WordKey: Int]
  let cardinals: [WordKey: Double]
  /// Every word that can start a date phrase: a cheap first test per token.
  let starters: Set<WordKey>

  static let english = DateTables()

  let the = WordKey("the"), of = WordKey("of"), this = WordKey("this"), last = WordKey("last")
  let next = WordKey("next"), past = WordKey("past"), coming = WordKey("coming")
  let previous = WordKey("previous"), earlier = WordKey("earlier"), later = WordKey("later")
  let ago = WordKey("ago"), inWord = WordKey("in"), within = WordKey("within"),
    forWord = WordKey("for")
  let from = WordKey("from"), between = WordKey("between"), to = WordKey("to"), and = WordKey("and")
  let until = WordKey("until"), through = WordKey("through"), end = WordKey("end"),
    start = WordKey("start")
  let beginning = WordKey("beginning"), middle = WordKey("middle"), early = WordKey("early")
  let late = WordKey("late"), mid = WordKey("mid"), term = WordKey("term"), old = WordKey("old")
  let since = WordKey("since"), on = WordKey("on"), at = WordKey("at"), during = WordKey("during")
  let over = WordKey("over"), by = WordKey("by"), before = WordKey("before"),
    after = WordKey("after")
  let first = WordKey("first"), half = WordKey("half"), year = WordKey("year"),
    month = WordKey("month")
  let week = WordKey("week"), weekend = WordKey("weekend"), night = WordKey("night"),
    a = WordKey("a")
  let an = WordKey("an"), few = WordKey("few"), couple = WordKey("couple"), dozen = WordKey("dozen")
  let her = WordKey("her"), his = WordKey("his"), its = WordKey("its"), their = WordKey("their")
  let decade = WordKey("decade"), years = WordKey("years")

  init() {
    var months: [WordKey: Int] = [:]
    var abbreviated: Set<WordKey> = []
    for (name, number) in English.months {
      months[WordKey(name)] = number
      if name.count <= 4, name != "may", name != "june", name != "july" {
        abbreviated.insert(WordKey(name))
      }
    }
    self.months = months
    abbreviatedMonths = abbreviated
    ambiguousMonths = Set(English.ambiguousMonths.map(WordKey.init))
    weekdays = Dictionary(uniqueKeysWithValues: English.weekdays.map { (WordKey($0.0), $0.1) })
    seasons = Dictionary(
      uniqueKeysWithValues: English.seasons.map { (WordKey($0.0), (first: $0.1, last: $0.2)) })
    units = Dictionary(uniqueKeysWithValues: English.calendarUnits.map { (WordKey($0.0), $0.1) })
    deicticDays = Dictionary(
      uniqueKeysWithValues: English.deicticDays.map { (WordKey($0.0), $0.1) })
    partsOfDay = Set(English.partsOfDay.map(WordKey.init))
    relations = Dictionary(
      uniqueKeysWithValues: English.dateRelations.map {
        (WordKey($0.0), DateMention.Relation($0.1))
      })
    futureMarkers = Set(English.futureMarkers.map(WordKey.init))
    ordinals = Dictionary(uniqueKeysWithValues: English.ordinals.map { (WordKey($0.0), $0.1) })
    cardinals = Dictionary(uniqueKeysWithValues: English.cardinals.map { (WordKey($0.0), $0.1) })
    var starters = Set(months.keys).union(weekdays.keys).union(seasons.keys).union(deicticDays.keys)
    starters.formUnion(relations.keys)
    for word in [
      "the", "this", "last", "next", "past", "coming", "previous", "earlier", "later", "in",
      "within",
      "for", "from", "between", "early", "late", "since", "during", "over", "end", "start",
      "beginning",
    ] {
      starters.insert(WordKey(word))
    }
    starters.formUnion(cardinals.keys)
    self.starters = starters
    // Frequent words that start a date phrase only before a date word or a number.
    var weak = Set(cardinals.keys).union(relations.keys)
    for word in [
      "the", "this", "last", "next", "past", "coming", "previous", "earlier", "later", "in",
      "within", "for", "from",
      "between", "early", "late", "since", "during", "over", "end", "start", "beginning",
    ] {
      weak.insert(WordKey(word))
    }
    weakStarters = weak
    var followers = starters.union(units.keys).union(ordinals.keys).union(partsOfDay)
    for word in ["end", "start", "beginning", "middle", "few", "couple", "dozen", "night"] {
      followers.insert(WordKey(word))
    }
    self.followers = followers
  }

  /// Starters that need a date word or a number after them ("the end", "in 2024", "a year").
  let weakStarters: Set<WordKey>
  /// Words that may follow a weak starter inside a date phrase.
  let followers: Set<WordKey>
}
