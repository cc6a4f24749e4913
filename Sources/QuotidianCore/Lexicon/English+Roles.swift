extension English {
  /// Nouns that head a role phrase ("a staff writer at …", "the former ambassador to …").
  /// Source: our own list of news-style role nouns. Sorted.
  static let roleNouns: [String] = [
    "adviser", "advisor", "aide", "ambassador", "analyst", "anchor", "attorney", "author",
    "candidate", "ceo", "chair", "chairman", "chairwoman", "chancellor", "chief", "coach",
    "columnist", "commander", "commissioner", "consultant", "contributor", "coordinator",
    "correspondent", "councillor", "counsel", "critic", "dean", "delegate", "deputy", "diplomat",
    "director", "economist", "editor", "envoy", "executive", "expert", "fellow", "founder",
    "general", "governor", "head", "historian", "journalist", "judge", "lawmaker", "lawyer",
    "leader", "lecturer", "manager", "mayor", "member", "minister", "negotiator", "officer",
    "official", "partner", "photographer", "president", "producer", "professor", "prosecutor",
    "reporter", "representative", "researcher", "scholar", "scientist", "secretary", "senator",
    "sheriff", "specialist", "spokesman", "spokesperson", "spokeswoman", "strategist",
    "student", "teacher", "writer",
  ]

  /// Words that mark a role as past ("former", "ex", "then", "onetime", "erstwhile",
  /// "late"). Sorted.
  static let formerMarkers: [String] = ["erstwhile", "ex", "former", "late", "onetime", "then"]

  /// Verbs after "who" or a name that introduce a role: form → is it past tense.
  /// Source: English grammar. Sorted.
  static let roleVerbs: [(form: String, isPast: Bool)] = [
    ("became", true), ("is", false), ("remains", false), ("serves", false), ("served", true),
    ("was", true), ("works", false), ("worked", true),
  ]

  /// Words that end a role phrase and start a time or other qualifier. Sorted.
  static let roleQualifiers: [String] = [
    "after", "and", "before", "between", "but", "during", "from", "since", "under", "until",
    "when", "where", "which", "while", "who", "whose",
  ]

  /// Role nouns that mean the same office ("the Mexican leader" for a president). Sorted.
  static let roleSynonyms: [(word: String, synonyms: [String])] = [
    ("leader", ["chancellor", "president", "premier", "prime"]),
    ("official", ["ambassador", "director", "minister", "officer", "secretary"]),
  ]

  /// Counting words that may open a sentence before a group name ("Three Canadians"). Sorted.
  static let quantityWords: [String] = [
    "dozens", "eight", "eleven", "fifty", "five", "four", "hundreds", "nine", "several", "seven",
    "six", "ten", "thousands", "three", "twelve", "twenty", "two",
  ]
}
