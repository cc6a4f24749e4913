extension English {
  /// Words left out when matching statements by their words ("the", "will"). Sorted.
  /// Source: closed-class English words.
  static let matchingStopWords: [String] = [
    "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at",
    "be", "been", "before", "being", "but", "by", "can", "could", "did", "do", "does", "for",
    "from", "had", "has", "have", "he", "her", "here", "him", "his", "i", "if", "in", "into", "is",
    "it", "its", "just", "me", "my", "no", "not", "now", "of", "on", "or", "our", "out", "said",
    "say", "says", "she", "should", "so", "than", "that", "the", "their", "them", "then", "there",
    "these", "they", "this", "those", "to", "too", "up", "us", "very", "was", "we", "were", "what",
    "when", "which", "who", "will", "with", "would", "you", "your",
  ]

  /// Suffixes a word's stem drops, longest first ("finished" → "finish").
  static let stemSuffixes: [String] = [
    "ational", "ization", "fulness", "iveness", "ations", "ements", "ments", "ation", "ement",
    "ingly", "ness", "ment", "ings", "edly", "ies", "ied", "ing", "est", "ers", "ed", "er", "es",
    "ly", "s",
  ]
}

extension English {
  /// Words a user would accept for one another when matching a topic ("finish" the bridge,
  /// "complete" it), as groups whose first word stands for all. Source: our own list of the
  /// verbs of promises.
  static let matchingSynonyms: [[String]] = [
    ["finish", "complete", "completed", "finished"],
    ["build", "construct", "constructed", "built", "erect"],
    ["open", "inaugurate", "inaugurated", "opened", "reopen", "reopened"],
    ["start", "begin", "began", "begun", "commence", "commenced", "started"],
    ["cut", "reduce", "reduced", "lower", "lowered", "slash", "slashed"],
    ["raise", "increase", "increased", "raised", "hike", "hiked"],
    ["hire", "recruit", "recruited", "hired"],
    ["ban", "prohibit", "prohibited", "outlaw", "outlawed", "banned"],
    ["fix", "repair", "repaired", "fixed"],
    ["strike", "attack", "attacks", "strikes", "struck"],
  ]
}
