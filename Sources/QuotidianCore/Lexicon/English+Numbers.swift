extension English {
  /// Cardinal number words and their values. Source: English numerals.
  static let cardinals: [(String, Double)] = [
    ("zero", 0), ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6),
    ("seven", 7), ("eight", 8), ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12),
    ("thirteen", 13), ("fourteen", 14), ("fifteen", 15), ("sixteen", 16), ("seventeen", 17),
    ("eighteen", 18), ("nineteen", 19), ("twenty", 20), ("thirty", 30), ("forty", 40),
    ("fifty", 50), ("sixty", 60), ("seventy", 70), ("eighty", 80), ("ninety", 90),
    ("dozen", 12), ("half", 0.5), ("a", 1), ("an", 1),
  ]

  /// Multipliers after a number ("1.2 billion", "two dozen", "5bn").
  static let numberScales: [(String, Double)] = [
    ("hundred", 100), ("thousand", 1_000), ("million", 1_000_000), ("billion", 1_000_000_000),
    ("trillion", 1_000_000_000_000), ("dozen", 12), ("bn", 1_000_000_000), ("mn", 1_000_000),
    ("m", 1_000_000), ("k", 1_000),
  ]

  /// Words before a number that qualify it, longest first within a first word, with the
  /// canonical qualifier. Source: newsroom usage ("at least 17", "more than 50", "nearly half").
  static let numberQualifiers: [(String, String)] = [
    ("about", "about"), ("almost", "nearly"), ("an estimated", "about"), ("approximately", "about"),
    ("around", "about"), ("as few as", "at least"), ("as many as", "up to"),
    ("as much as", "up to"), ("at least", "at least"), ("at most", "up to"),
    ("close to", "nearly"), ("estimated", "about"), ("exactly", "exactly"),
    ("fewer than", "less than"), ("just over", "more than"), ("just under", "nearly"),
    ("less than", "less than"), ("more than", "more than"), ("nearly", "nearly"),
    ("no fewer than", "at least"), ("no less than", "at least"), ("no more than", "up to"),
    ("over", "more than"), ("roughly", "about"), ("some", "about"), ("under", "less than"),
    ("up to", "up to"), ("upward of", "more than"), ("upwards of", "more than"),
    ("well over", "more than"),
  ]

  /// Unit words after a number, with the canonical unit. Currencies use ISO 4217 codes.
  static let numberUnits: [(String, String)] = [
    ("percent", "percent"), ("per cent", "percent"), ("percentage points", "percentage points"),
    ("percentage point", "percentage points"), ("dollars", "USD"), ("dollar", "USD"),
    ("euros", "EUR"), ("euro", "EUR"), ("pounds sterling", "GBP"), ("pesos", "MXN"),
    ("yen", "JPY"), ("yuan", "CNY"), ("rupees", "INR"), ("kilometers", "km"),
    ("kilometres", "km"), ("km", "km"), ("miles", "miles"), ("mile", "miles"),
    ("meters", "m"), ("metres", "m"), ("feet", "feet"), ("tons", "tons"), ("tonnes", "tonnes"),
    ("kilograms", "kg"), ("kg", "kg"), ("pounds", "pounds"), ("acres", "acres"),
    ("hectares", "hectares"), ("degrees", "degrees"), ("barrels", "barrels"),
    ("times", "times"),
  ]

  /// Currency signs before a number, by their UTF-8 text, with the ISO 4217 code.
  static let currencySigns: [(String, String)] = [
    ("$", "USD"), ("US$", "USD"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY"), ("C$", "CAD"),
    ("A$", "AUD"), ("MX$", "MXN"),
  ]

  /// Words that end the phrase naming what a number counts ("50 suspects *were* …"). Sorted.
  /// Closed-class words and the commonest verbs after a count.
  static let countedStops: [String] = [
    "a", "about", "according", "across", "after", "against", "ago", "also", "am", "among", "an",
    "and", "are", "around", "as", "at", "be", "been", "before", "being", "between", "but", "by",
    "came", "can", "come", "could", "did", "died", "do", "does", "during", "each", "earlier",
    "for", "from", "got", "had", "has", "have", "he", "her", "his", "if", "in", "including",
    "into", "is", "it", "its", "later", "like", "made", "make", "may", "might", "more", "must",
    "near", "nor", "not", "now", "of", "on", "or", "our", "out", "over", "per", "said", "says",
    "she",
    "should", "since", "so", "than", "that", "the", "their", "them", "then", "there", "these",
    "they", "this", "those", "through", "to", "took", "under", "until", "up", "was", "we", "were",
    "what", "when", "where", "which", "while", "who", "whom", "will", "with", "within", "would",
    "yet", "you",
    // Common verbs after a count.
    "face", "faces", "fled", "get", "go", "goes", "gone", "got", "left", "live", "lives", "need",
    "remain", "remains", "say", "stay", "stayed", "want", "went", "work", "works",
  ]

  /// "percent of", the indefinite articles, "one" and "half".
  static let claimWords = (of: "of", a: "a", an: "an", one: "one", half: "half")

  /// English writes "3.5" and "10,000": the period is the decimal mark.
  static let eitherDecimalMark = false

  /// Endings of verbs that end what a number counts ("50 suspects *arrested* …").
  static let verbSuffixes: [String] = ["ed", "ing"]

  /// English counts right after "of" ("40% of voters"): no article is skipped.
  static let countedArticles: [String] = []
}
