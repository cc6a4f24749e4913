extension English {
  /// Head nouns of descriptions that can name a speaker ("a senior official", "the
  /// adviser"), singular and plural. Source: our own list of news-style role nouns. Sorted.
  static let descriptionHeads: [String] = [
    "activist", "activists", "administration", "agency", "authorities", "admiral", "adviser",
    "advisers", "advisor", "advisors", "aide",
    "aides", "ambassador", "analyst", "analysts", "attorney", "attorneys", "author", "authors",
    "chairman", "chairwoman", "chief", "coach", "commander", "commissioner", "company", "critic",
    "critics",
    "delegate", "department", "diplomat", "diplomats", "director", "doctor", "doctors", "economist",
    "economists", "executive", "executives", "expert", "experts", "father", "general", "government",
    "governor",
    "investigator", "investigators", "journalist", "judge", "lawmaker", "lawmakers", "lawyer",
    "lawyers", "leader", "leaders", "manager", "mayor", "military", "minister", "ministries",
    "ministry", "mother", "negotiator",
    "officer", "officers", "official", "officials", "organizer", "organizers", "parent",
    "parents", "police", "president", "professor", "prosecutor", "prosecutors", "protester",
    "protesters", "protestor", "protestors", "researcher", "researchers", "resident",
    "residents", "scientist", "scientists", "secretary", "senator", "source", "sources",
    "spokesman", "spokesperson", "spokeswoman", "strategist", "student", "students", "teacher",
    "teachers", "user", "users", "victim", "voter", "voters", "witness", "witnesses",
  ]

  /// Determiners that open a description; the indefinite ones introduce a new speaker.
  static let definiteDeterminers: [String] = ["that", "the", "this"]
  /// English articles show no gender.
  static let determinerGenders: [(word: String, gender: Entity.Gender)] = []
  static let indefiniteDeterminers: [String] = ["a", "an", "another", "one", "some"]

  /// Words that end a name as an organisation rather than a person. Sorted.
  /// Source: our own list.
  static let organizationWords: [String] = [
    "administration", "agency", "army", "association", "bank", "board", "bureau", "campaign",
    "center", "centre", "college", "commission", "committee", "company", "congress", "corp",
    "corporation", "council", "court", "daily", "department", "embassy", "equities", "foundation",
    "government", "group", "guard", "herald", "house", "inc", "institute", "journal", "league",
    "ltd", "media", "military", "ministries", "ministry", "navy", "network", "news", "office",
    "organization", "parliament", "party", "pentagon", "police", "post", "press", "productions",
    "program", "project", "reuters", "school", "senate", "service", "society", "team", "times",
    "tribune", "union", "university",
  ]
}

extension English {
  /// Lower-case words that continue an organisation's name after an organisation word
  /// ("Ministry of Energy", "Department for Transport"). Sorted.
  static let organizationConnectives: [String] = ["and", "for", "of", "on"]
}

extension English {
  /// Description heads that name institutions, not persons: never the antecedent of
  /// "he" or "she". Sorted.
  static let institutionHeads: [String] = [
    "administration", "agency", "authorities", "company", "department", "government", "military",
    "ministries", "ministry", "police",
  ]
}
