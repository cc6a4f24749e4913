extension Spanish {
  /// Personal pronouns that can stand for a speaker. Object and possessive forms ("lo",
  /// "la", "le", "su") are left out: they are also articles or carry no gender. Source:
  /// Spanish grammar. Sorted.
  static let pronouns: [(form: String, gender: Entity.Gender?, isPlural: Bool, isSubject: Bool)] = [
    ("ella", .feminine, false, true),
    ("ellas", .feminine, true, true),
    ("ellos", .masculine, true, true),
    ("nosotras", .feminine, true, true),
    ("nosotros", nil, true, true),
    ("yo", nil, false, true),
    ("él", .masculine, false, true),
  ]

  /// Honorifics and titles that may precede a name, with the gender they imply. In Spanish
  /// they are usually lower-case ("la presidenta Claudia …"). Source: our own list. Sorted.
  static let titles: [(word: String, gender: Entity.Gender?)] = [
    ("alcalde", .masculine), ("alcaldesa", .feminine), ("arzobispo", .masculine),
    ("canciller", nil), ("capitán", .masculine), ("cardenal", .masculine),
    ("comandante", nil), ("comisionada", .feminine), ("comisionado", .masculine),
    ("coronel", nil), ("diputada", .feminine), ("diputado", .masculine), ("don", .masculine),
    ("doctor", .masculine), ("doctora", .feminine), ("doña", .feminine), ("dr", .masculine),
    ("dra", .feminine), ("embajador", .masculine), ("embajadora", .feminine),
    ("expresidenta", .feminine), ("expresidente", .masculine), ("fiscal", nil),
    ("general", nil), ("gobernador", .masculine), ("gobernadora", .feminine),
    ("gral", nil), ("ing", nil), ("ingeniero", .masculine), ("juez", nil),
    ("jueza", .feminine), ("lic", nil), ("licenciada", .feminine),
    ("licenciado", .masculine), ("magistrada", .feminine), ("magistrado", .masculine),
    ("ministra", .feminine), ("ministro", .masculine), ("monseñor", .masculine),
    ("obispo", .masculine), ("papa", .masculine), ("presidenta", .feminine),
    ("presidente", .masculine), ("princesa", .feminine), ("príncipe", .masculine),
    ("profesor", .masculine), ("profesora", .feminine), ("reina", .feminine),
    ("rey", .masculine), ("secretaria", .feminine), ("secretario", .masculine),
    ("senador", .masculine), ("senadora", .feminine), ("señor", .masculine),
    ("señora", .feminine), ("sr", .masculine), ("sra", .feminine), ("srta", .feminine),
  ]

  /// Name suffixes that belong to the name. Sorted.
  static let nameSuffixes: [String] = ["ii", "iii", "iv", "jr"]

  /// Lower-case particles inside a name ("Luis de la Fuente", "Pedro del Valle"). "y"
  /// ("Ortega y Gasset") is left out: it joins far more pairs of names than it builds one.
  /// Sorted.
  static let nameParticles: [String] = ["da", "de", "del", "la", "las", "los", "san", "van", "von"]

  /// Abbreviations whose period does not end a sentence. Source: Spanish usage. Sorted.
  static let abbreviations: [String] = [
    "arq", "av", "avda", "cap", "cnel", "col", "d", "dr", "dra", "etc", "gral", "ing", "lic",
    "mons", "mtro", "mtra", "núm", "p", "pág", "prof", "pte", "sr", "sra", "srta", "st", "tel",
    "u", "ud", "uds", "vs",
  ]
}
