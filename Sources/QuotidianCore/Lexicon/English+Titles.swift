extension English {
  /// Honorifics and titles that precede a name, with the gender they imply. Sorted.
  /// Source: our own list of English news-style titles (with and without the period).
  static let titles: [(word: String, gender: Entity.Gender?)] = [
    ("adm", nil), ("admiral", nil), ("ambassador", nil), ("archbishop", nil), ("attorney", nil),
    ("bishop", nil), ("brig", nil), ("capt", nil), ("captain", nil), ("cardinal", nil),
    ("chairman", .masculine), ("chairwoman", .feminine), ("chancellor", nil), ("chief", nil),
    ("cmdr", nil), ("col", nil), ("colonel", nil), ("commander", nil), ("commissioner", nil),
    ("congressman", .masculine), ("congresswoman", .feminine), ("coach", nil),
    ("councilman", .masculine), ("councilwoman", .feminine), ("councillor", nil),
    ("dame", .feminine),
    ("deputy", nil), ("detective", nil), ("director", nil), ("dr", nil), ("duchess", .feminine),
    ("duke", .masculine), ("emperor", .masculine), ("gen", nil), ("general", nil), ("gov", nil),
    ("governor", nil), ("judge", nil), ("justice", nil), ("king", .masculine), ("lady", .feminine),
    ("lieutenant", nil), ("lord", .masculine), ("lt", nil), ("maj", nil), ("major", nil),
    ("mayor", nil), ("minister", nil), ("miss", .feminine), ("mr", .masculine), ("mrs", .feminine),
    ("ms", .feminine), ("officer", nil), ("pastor", nil), ("premier", nil), ("president", nil),
    ("prime", nil), ("prince", .masculine), ("princess", .feminine), ("prof", nil),
    ("professor", nil), ("prosecutor", nil), ("queen", .feminine), ("rabbi", nil), ("rear", nil),
    ("rep", nil), ("representative", nil), ("secretary", nil), ("sen", nil), ("senator", nil),
    ("sgt", nil), ("sergeant", nil), ("sheikh", .masculine), ("sir", .masculine), ("speaker", nil),
    ("spokesman", .masculine), ("spokeswoman", .feminine), ("superintendent", nil), ("vice", nil),
  ]

  /// Name suffixes that belong to the name ("Jr."). Sorted.
  static let nameSuffixes: [String] = ["ii", "iii", "iv", "jr", "sr"]

  /// Lower-case particles allowed inside a name ("Ludwig van Beethoven"). Sorted.
  static let nameParticles: [String] = [
    "al", "bin", "da", "de", "del", "der", "di", "dos", "du", "la", "le", "van", "von",
  ]
}
