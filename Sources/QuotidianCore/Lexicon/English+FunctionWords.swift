extension English {
  /// Capitalised words that start sentences or headings but never start a name. Sorted.
  /// Source: English closed-class words, months and weekdays.
  static let nonNameWords: [String] = [
    "a", "about", "according", "after", "again", "against", "all", "also", "although", "an", "and",
    "another", "any", "april", "as", "at", "august", "because", "before", "being", "both", "but",
    "by", "can", "could", "december", "despite", "did", "do", "does", "during", "each", "editing",
    "even", "every", "february", "few", "for", "friday", "from", "further", "had", "has", "have",
    "he", "her", "here", "his", "how", "however", "i", "if", "in", "instead", "into", "is", "it",
    "its", "january", "july", "june", "just", "last", "later", "like", "many", "march", "may",
    "meanwhile", "monday", "more", "most", "much", "my", "next", "no", "nor", "not", "november",
    "now", "october", "of", "oh", "on", "once", "one", "only", "or", "other", "our", "over",
    "please", "read", "related", "reporting", "saturday", "september", "she", "since", "so",
    "some", "still", "such", "sunday", "than", "that", "the", "their", "then", "there", "these",
    "they", "this", "those", "though", "through", "thursday", "to", "today", "tuesday", "tv",
    "under",
    "until", "updated", "us", "was", "we", "wednesday", "what", "when", "where", "whether",
    "which", "while", "who", "why", "will", "with", "without", "would", "yes", "yet", "you",
    "your",
  ]

  /// Words between a subject and its speech verb that do not break the link ("has
  /// repeatedly said", "later told"). Sorted.
  static let verbModifiers: [String] = [
    "again", "also", "already", "always", "earlier", "even", "had", "has", "have", "later",
    "never", "not", "now", "once", "previously", "recently", "reportedly", "since", "still",
    "then", "will", "would",
  ]
}

extension English {
  /// Prepositions that attach a phrase to a description ("the official in the ministry").
  static let prepositions: [String] = ["at", "for", "from", "in", "of", "to", "with"]
}

extension English {
  /// Cardinal number words that open sentences ("Fifty-one percent say …"). Sorted.
  static let numberWords: [String] = [
    "eight", "eighteen", "eighty", "eleven", "fifteen", "fifty", "five", "forty", "four",
    "fourteen",
    "hundred", "nine", "nineteen", "ninety", "one", "seven", "seventeen", "seventy", "six",
    "sixteen",
    "sixty", "ten", "thirteen", "thirty", "thousand", "three", "twelve", "twenty", "two", "zero",
  ]
}

extension English {
  /// Documents whose findings are quoted as the words of the organisation behind them. Sorted.
  static let reportWords: [String] = ["analysis", "poll", "report", "study", "survey"]
  /// Verb forms that agree only with a plural subject. Sorted.
  static let pluralAgreementWords: [String] = ["are", "have", "were"]
}
