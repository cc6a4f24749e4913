extension English {
  /// Personal pronouns that can stand for a speaker: form → (gender, plural, subject form).
  /// Source: English grammar. Sorted.
  static let pronouns: [(form: String, gender: Entity.Gender?, isPlural: Bool, isSubject: Bool)] = [
    ("he", .masculine, false, true),
    ("her", .feminine, false, false),
    ("hers", .feminine, false, false),
    ("herself", .feminine, false, false),
    ("him", .masculine, false, false),
    ("himself", .masculine, false, false),
    ("his", .masculine, false, false),
    ("i", nil, false, true),
    ("it", .neuter, false, true),
    ("she", .feminine, false, true),
    ("their", nil, true, false),
    ("them", nil, true, false),
    ("they", nil, true, true),
    ("we", nil, true, true),
  ]
}
