extension Spanish {
  /// Month names and their usual abbreviations, with the month number. Source: Spanish
  /// calendar names ("setiembre" is the Peruvian and Uruguayan spelling).
  static let months: [(String, Int)] = [
    ("enero", 1), ("ene", 1), ("febrero", 2), ("feb", 2), ("marzo", 3),
    ("abril", 4), ("abr", 4), ("mayo", 5), ("junio", 6), ("jun", 6), ("julio", 7),
    ("jul", 7), ("agosto", 8), ("ago", 8), ("septiembre", 9), ("setiembre", 9), ("sept", 9),
    ("sep", 9), ("octubre", 10), ("oct", 10), ("noviembre", 11), ("nov", 11),
    ("diciembre", 12), ("dic", 12),
  ]

  /// No Spanish month name is also a frequent word.
  static let ambiguousMonths: [String] = []

  /// Weekday names with ISO weekday numbers (lunes = 1).
  static let weekdays: [(String, Int)] = [
    ("lunes", 1), ("martes", 2), ("miércoles", 3), ("jueves", 4), ("viernes", 5), ("sábado", 6),
    ("domingo", 7),
  ]

  /// Seasons (northern hemisphere, meteorological months): first and last month.
  static let seasons: [(String, Int, Int)] = [
    ("primavera", 3, 5), ("verano", 6, 8), ("otoño", 9, 11), ("invierno", 12, 2),
  ]

  /// Calendar units: singular and plural forms.
  static let calendarUnits: [(String, DateUnit)] = [
    ("día", .day), ("días", .day), ("semana", .week), ("semanas", .week),
    ("quincena", .fortnight), ("mes", .month), ("meses", .month), ("trimestre", .quarter),
    ("año", .year), ("años", .year), ("década", .decade), ("décadas", .decade),
    ("siglo", .century),
  ]

  /// Words for the day relative to the article's date ("mañana" alone is tomorrow; "esta
  /// mañana" is a part of today).
  static let deicticDays: [(String, Int)] = [
    ("anteayer", -2), ("ayer", -1), ("hoy", 0), ("mañana", 1),
  ]

  /// Parts of today ("esta mañana", "esta noche").
  static let partsOfDay: [String] = ["mañana", "noche", "tarde"]

  /// Prepositions that give a date a relation, with the relation's (English) name.
  static let dateRelations: [(String, String)] = [
    ("antes", "before"), ("desde", "since"), ("después", "after"), ("hasta", "until"),
    ("para", "by"), ("tras", "after"),
  ]

  /// Words in a clause that put a bare date in the future ("se reunirá el martes"). Sorted.
  static let futureMarkers: [String] = [
    "espera", "habrá", "planea", "prevé", "promete", "próxima", "próximo", "pretende",
    "será", "va", "vamos", "van",
  ]

  /// Ordinal words up to the tenth.
  static let ordinals: [(String, Int)] = [
    ("primer", 1), ("primera", 1), ("primero", 1), ("segunda", 2), ("segundo", 2),
    ("tercer", 3), ("tercera", 3), ("tercero", 3), ("cuarta", 4), ("cuarto", 4),
    ("quinta", 5), ("quinto", 5), ("sexta", 6), ("sexto", 6), ("séptima", 7),
    ("séptimo", 7), ("octava", 8), ("octavo", 8), ("novena", 9), ("noveno", 9),
    ("décima", 10), ("décimo", 10),
  ]

  /// Function words of date phrases by role (the English word names the role, see
  /// `DateTables`). Roles Spanish does not use are left out. "a" opens "a finales de 2025".
  static let dateFunctionWords: [String: [String]] = [
    "the": ["a", "el", "la", "las", "los"], "of": ["de", "del"],
    "this": ["esta", "estas", "este", "estos"],
    "last": ["pasada", "pasado", "última", "último"],
    "next": ["entrante", "próxima", "próximo", "siguiente"], "coming": ["venidera", "venidero"],
    "previous": ["anterior"], "in": ["en"], "within": ["dentro"], "for": ["durante"],
    "from": ["desde"], "between": ["entre"], "to": ["a", "al", "hasta"], "and": ["y"],
    "until": ["hasta"], "end": ["fin", "final", "finales"],
    "start": ["comienzo", "comienzos", "inicio"], "beginning": ["principio", "principios"],
    "middle": ["mediados"], "term": ["mandato"], "since": ["desde"], "at": ["en"],
    "during": ["durante"], "by": ["para"], "before": ["antes"], "after": ["después", "tras"],
    "first": ["primer", "primera"], "half": ["mitad"], "year": ["año"], "month": ["mes"],
    "week": ["semana"], "night": ["noche"], "a": ["un"], "an": ["una"],
    "few": ["pocas", "pocos"], "couple": ["par"], "dozen": ["docena"], "her": ["su", "sus"],
    "his": ["su", "sus"], "its": ["su", "sus"], "their": ["su", "sus"], "decade": ["década"],
    "years": ["años"], "agoBefore": ["hace"], "joiner": ["de", "del"],
  ]

  /// Spanish writes month and weekday names in lower case.
  static let dateNamesCapitalized = false

  /// Shift words after the unit or weekday ("el año pasado", "el martes próximo").
  static let postposedShifts: [(String, Int)] = [
    ("anterior", -1), ("entrante", 1), ("pasada", -1), ("pasado", -1), ("próxima", 1),
    ("próximo", 1), ("siguiente", 1),
  ]
}
