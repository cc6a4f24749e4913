extension English {
  /// Month names and their usual newspaper abbreviations (AP style), with the month number.
  /// Source: English calendar names; AP Stylebook abbreviations.
  static let months: [(String, Int)] = [
    ("january", 1), ("jan", 1), ("february", 2), ("feb", 2), ("march", 3), ("mar", 3),
    ("april", 4), ("apr", 4), ("may", 5), ("june", 6), ("jun", 6), ("july", 7), ("jul", 7),
    ("august", 8), ("aug", 8), ("september", 9), ("sept", 9), ("sep", 9), ("october", 10),
    ("oct", 10), ("november", 11), ("nov", 11), ("december", 12), ("dec", 12),
  ]

  /// Month names that are also common words or names ("may", "march", "august"): a date only
  /// with a day, a year or a time preposition next to them.
  static let ambiguousMonths: [String] = ["aug", "august", "jan", "mar", "march", "may", "sep"]

  /// Weekday names with ISO weekday numbers (Monday = 1).
  static let weekdays: [(String, Int)] = [
    ("monday", 1), ("tuesday", 2), ("wednesday", 3), ("thursday", 4), ("friday", 5),
    ("saturday", 6), ("sunday", 7),
  ]

  /// Seasons (northern hemisphere, meteorological months): first and last month.
  static let seasons: [(String, Int, Int)] = [
    ("spring", 3, 5), ("summer", 6, 8), ("autumn", 9, 11), ("fall", 9, 11), ("winter", 12, 2),
  ]

  /// Calendar units: singular and plural forms.
  static let calendarUnits: [(String, DateUnit)] = [
    ("day", .day), ("days", .day), ("week", .week), ("weeks", .week), ("fortnight", .fortnight),
    ("month", .month), ("months", .month), ("quarter", .quarter), ("year", .year), ("years", .year),
    ("decade", .decade), ("decades", .decade), ("century", .century),
  ]

  /// Words for the day relative to the article's date.
  static let deicticDays: [(String, Int)] = [
    ("today", 0), ("tonight", 0), ("yesterday", -1), ("tomorrow", 1),
  ]

  /// Parts of today ("this morning").
  static let partsOfDay: [String] = ["afternoon", "evening", "morning", "weekend"]

  /// Prepositions that give a date a relation: kept in the date's text.
  static let dateRelations: [(String, String)] = [
    ("after", "after"), ("before", "before"), ("by", "by"), ("since", "since"),
    ("through", "until"),
    ("till", "until"), ("until", "until"), ("within", "within"),
  ]

  /// Words in a clause that put a bare date in the future ("will meet on Friday"). Sorted.
  /// Past forms of promising ("promised on Tuesday") are left out: they date the promise.
  static let futureMarkers: [String] = [
    "aim", "aims", "expect", "expected", "expects", "going", "intend", "intends", "next", "pledge",
    "plan", "planned", "plans", "promise", "scheduled", "shall", "upcoming", "vow", "will", "would",
  ]

  /// Ordinal words up to the twelfth ("the second year of her term").
  static let ordinals: [(String, Int)] = [
    ("first", 1), ("second", 2), ("third", 3), ("fourth", 4), ("fifth", 5), ("sixth", 6),
    ("seventh", 7), ("eighth", 8), ("ninth", 9), ("tenth", 10), ("eleventh", 11), ("twelfth", 12),
  ]
  /// Function words of date phrases by role (see `DateTables`): English names the roles.
  static let dateFunctionWords: [String: [String]] = [
    "the": ["the"],
    "of": ["of"],
    "this": ["this"],
    "last": ["last"],
    "next": ["next"],
    "past": ["past"],
    "coming": ["coming"],
    "previous": ["previous"],
    "earlier": ["earlier"],
    "later": ["later"],
    "ago": ["ago"],
    "in": ["in"],
    "within": ["within"],
    "for": ["for"],
    "from": ["from"],
    "between": ["between"],
    "to": ["to"],
    "and": ["and"],
    "until": ["until"],
    "through": ["through"],
    "end": ["end"],
    "start": ["start"],
    "beginning": ["beginning"],
    "middle": ["middle"],
    "early": ["early"],
    "late": ["late"],
    "mid": ["mid"],
    "term": ["term"],
    "old": ["old"],
    "since": ["since"],
    "on": ["on"],
    "at": ["at"],
    "during": ["during"],
    "over": ["over"],
    "by": ["by"],
    "before": ["before"],
    "after": ["after"],
    "first": ["first"],
    "half": ["half"],
    "year": ["year"],
    "month": ["month"],
    "week": ["week"],
    "weekend": ["weekend"],
    "night": ["night"],
    "a": ["a"],
    "an": ["an"],
    "few": ["few"],
    "couple": ["couple"],
    "dozen": ["dozen"],
    "her": ["her"],
    "his": ["his"],
    "its": ["its"],
    "their": ["their"],
    "decade": ["decade"],
    "years": ["years"],
  ]

  /// English capitalises month and weekday names.
  static let dateNamesCapitalized = true

  /// English puts shift words before the unit ("last year").
  static let postposedShifts: [(String, Int)] = []
}
