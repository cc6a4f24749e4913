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

  static let english = DateTables(English.self)
  static let spanish = DateTables(Spanish.self)

  /// The tables of `languageCode`, English's for a language without its own.
  static func named(_ languageCode: String) -> DateTables {
    languageCode == Lexicon.spanish.languageCode ? spanish : english
  }

  /// Function words of date phrases, by their role (the English word names the role; a
  /// role may have several words in a language, or none).
  let the, of, this, last, next, past, coming, previous, earlier, later, ago, inWord, within,
    forWord, from, between, to, and, until, through, end, start, beginning, middle, early, late,
    mid, term, old, since, on, at, during, over, by, before, after, first, half, year, month, week,
    weekend, night, a, an, few, couple, dozen, her, his, its, their, decade, years: DateWord
  /// Spanish "hace tres años": a count of units back from the anchor, the word first.
  let agoBefore: DateWord
  /// Words between a day, its month and its year ("6 de diciembre de 2025").
  let joiners: DateWord
  /// Month and weekday names are capitalised (English), so a lower-case one is a word.
  let namesCapitalized: Bool
  /// Shift words after the unit ("el año pasado"): word → direction.
  let postposedShifts: [WordKey: Int]

  init(_ source: any LexiconSource.Type) {
    let words = source.dateFunctionWords
    func word(_ role: String) -> DateWord { DateWord(words[role] ?? []) }
    the = word("the")
    of = word("of")
    this = word("this")
    last = word("last")
    next = word("next")
    past = word("past")
    coming = word("coming")
    previous = word("previous")
    earlier = word("earlier")
    later = word("later")
    ago = word("ago")
    inWord = word("in")
    within = word("within")
    forWord = word("for")
    from = word("from")
    between = word("between")
    to = word("to")
    and = word("and")
    until = word("until")
    through = word("through")
    end = word("end")
    start = word("start")
    beginning = word("beginning")
    middle = word("middle")
    early = word("early")
    late = word("late")
    mid = word("mid")
    term = word("term")
    old = word("old")
    since = word("since")
    on = word("on")
    at = word("at")
    during = word("during")
    over = word("over")
    by = word("by")
    before = word("before")
    after = word("after")
    first = word("first")
    half = word("half")
    year = word("year")
    month = word("month")
    week = word("week")
    weekend = word("weekend")
    night = word("night")
    a = word("a")
    an = word("an")
    few = word("few")
    couple = word("couple")
    dozen = word("dozen")
    her = word("her")
    his = word("his")
    its = word("its")
    their = word("their")
    decade = word("decade")
    years = word("years")
    agoBefore = word("agoBefore")
    joiners = word("joiner")
    namesCapitalized = source.dateNamesCapitalized
    postposedShifts = Dictionary(source.postposedShifts.map { (WordKey($0.0), $0.1) }) { a, _ in a }
    var months: [WordKey: Int] = [:]
    var abbreviated: Set<WordKey> = []
    for (name, number) in source.months {
      months[WordKey(name)] = number
      if name.count <= 4, name != "may", name != "june", name != "july" {
        abbreviated.insert(WordKey(name))
      }
    }
    self.months = months
    abbreviatedMonths = abbreviated
    ambiguousMonths = Set(source.ambiguousMonths.map(WordKey.init))
    weekdays = Dictionary(uniqueKeysWithValues: source.weekdays.map { (WordKey($0.0), $0.1) })
    seasons = Dictionary(
      uniqueKeysWithValues: source.seasons.map { (WordKey($0.0), (first: $0.1, last: $0.2)) })
    units = Dictionary(uniqueKeysWithValues: source.calendarUnits.map { (WordKey($0.0), $0.1) })
    deicticDays = Dictionary(
      uniqueKeysWithValues: source.deicticDays.map { (WordKey($0.0), $0.1) })
    partsOfDay = Set(source.partsOfDay.map(WordKey.init))
    relations = Dictionary(
      uniqueKeysWithValues: source.dateRelations.map {
        (WordKey($0.0), DateMention.Relation($0.1))
      })
    futureMarkers = Set(source.futureMarkers.map(WordKey.init))
    ordinals = Dictionary(uniqueKeysWithValues: source.ordinals.map { (WordKey($0.0), $0.1) })
    cardinals = Dictionary(uniqueKeysWithValues: source.cardinals.map { (WordKey($0.0), $0.1) })
    var starters = Set(months.keys).union(weekdays.keys).union(seasons.keys).union(deicticDays.keys)
    starters.formUnion(relations.keys)
    let starterRoles = [
      "the", "this", "last", "next", "past", "coming", "previous", "earlier", "later", "in",
      "within", "for", "from", "between", "early", "late", "since", "during", "over", "end",
      "start", "beginning", "agoBefore",
    ]
    for role in starterRoles {
      for key in word(role).keys { starters.insert(key) }
    }
    starters.formUnion(cardinals.keys)
    self.starters = starters
    // Frequent words that start a date phrase only before a date word or a number.
    var weak = Set(cardinals.keys).union(relations.keys)
    for role in starterRoles {
      for key in word(role).keys { weak.insert(key) }
    }
    weakStarters = weak
    var followers = starters.union(units.keys).union(ordinals.keys).union(partsOfDay)
    for role in ["end", "start", "beginning", "middle", "few", "couple", "dozen", "night"] {
      for key in word(role).keys { followers.insert(key) }
    }
    followers.formUnion(postposedShifts.keys)
    followers.formUnion(joiners.keys)
    self.followers = followers
  }

  /// Starters that need a date word or a number after them ("the end", "in 2024", "a year").
  let weakStarters: Set<WordKey>
  /// Words that may follow a weak starter inside a date phrase.
  let followers: Set<WordKey>
}

/// The words of one role in date phrases ("the": "el", "la", "los", "las"); compared with a
/// token's key by `==`, which is true when the key is any of them.
struct DateWord: Sendable {
  let keys: [WordKey]
  init(_ words: [String]) { keys = words.map(WordKey.init) }

  static func == (key: WordKey, word: DateWord) -> Bool { word.keys.contains(key) }
  static func != (key: WordKey, word: DateWord) -> Bool { !word.keys.contains(key) }
}
