extension English {
  /// Function words left out of salient terms and quote keys. Source: English closed-class
  /// words (articles, pronouns, auxiliaries, prepositions, conjunctions) and reporting verbs.
  static let linkingStopwords: Set<String> = [
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
    "are",
    "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
    "can", "could", "did", "do", "does", "doing", "down", "during", "each", "even", "few", "for",
    "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself",
    "him",
    "himself", "his", "how", "i", "if", "in", "into", "is", "it", "it's", "its", "itself", "just",
    "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once",
    "only",
    "or", "other", "our", "ours", "ourselves", "out", "over", "own", "said", "same", "says", "say",
    "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them",
    "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "told", "too",
    "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while",
    "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself",
  ]

  /// Words that negate. Source: English negators; `n't` contractions are matched by suffix.
  static let negationWords: Set<String> = [
    "cannot", "neither", "never", "no", "nobody", "none", "nor", "not", "nothing", "nowhere",
    "without",
  ]

  /// Modal verbs, contracted and negated forms included.
  static let modalWords: Set<String> = [
    "can", "can't", "cannot", "could", "couldn't", "may", "might", "must", "mustn't", "shall",
    "shan't",
    "should", "shouldn't", "will", "won't", "would", "wouldn't", "'ll", "ll",
  ]

  /// Number words.
  static let linkingNumberWords: Set<String> = [
    "billion", "dozen", "eight", "eighteen", "eighty", "eleven", "fifteen", "fifty", "five",
    "forty",
    "four", "fourteen", "half", "hundred", "million", "nine", "nineteen", "ninety", "one",
    "percent",
    "quarter", "seven", "seventeen", "seventy", "six", "sixteen", "sixty", "ten", "third",
    "thirteen",
    "thirty", "thousand", "three", "trillion", "twelve", "twenty", "two", "zero", "first", "second",
    "double", "twice", "triple",
  ]

  /// Words that name a date or a time.
  static let dateWords: Set<String> = [
    "april", "august", "autumn", "december", "february", "friday", "january", "july", "june",
    "march", "monday", "november", "october", "saturday", "september", "spring", "summer", "sunday",
    "thursday", "today", "tomorrow", "tonight", "tuesday", "wednesday", "winter", "yesterday",
    "weekend", "midnight", "noon",
  ]

  /// Units a deictic word dates ("this year", "next week").
  static let dateUnits: Set<String> = [
    "year", "years", "month", "months", "week", "weeks", "day", "days", "quarter", "season",
    "decade",
    "spring", "summer", "autumn", "winter", "morning", "evening", "night", "weekend",
  ]

  /// Words that place a date unit relative to now.
  static let dateDeictics: Set<String> = [
    "this", "next", "last", "coming", "past", "previous", "following", "early", "late", "end",
  ]

  /// Words common to news reports on any subject, left out of story terms (our own list of
  /// reporting verbs, hedges, time words and frequent adverbs).
  static let genericNewsWords: Set<String> = [
    "according", "added", "adding", "after", "again", "against", "ahead", "almost", "already",
    "also",
    "although", "among", "another", "anyone", "anything", "around", "asked", "away", "back",
    "because",
    "become", "before", "began", "behind", "being", "believe", "best", "better", "called", "came",
    "cannot",
    "come", "comes", "could", "days", "described", "despite", "does", "doing", "done", "down",
    "during",
    "each", "earlier", "either", "else", "enough", "even", "ever", "every", "expected", "explained",
    "fact",
    "far", "first", "former", "further", "gave", "give", "given", "going", "good", "got", "great",
    "happen",
    "have", "here", "however", "including", "instead", "into", "itself", "just", "keep", "know",
    "known",
    "last", "later", "least", "less", "like", "likely", "little", "long", "look", "made", "make",
    "making",
    "many", "matter", "maybe", "means", "meanwhile", "might", "more", "most", "much", "must",
    "need",
    "never", "news", "next", "nothing", "number", "often", "once", "only", "other", "others",
    "over",
    "part", "people", "perhaps", "place", "point", "put", "quite", "rather", "really", "reported",
    "reporters", "right", "said", "saying", "says", "second", "seen", "should", "show", "side",
    "since",
    "something", "statement", "still", "such", "sure", "take", "taken", "tell", "than", "that",
    "them",
    "then", "there", "these", "they", "thing", "things", "think", "third", "this", "those",
    "though",
    "thought", "three", "through", "time", "times", "today", "together", "told", "took", "toward",
    "towards", "under", "until", "upon", "used", "very", "want", "wanted", "week", "weeks", "well",
    "went",
    "were", "what", "when", "where", "whether", "which", "while", "whole", "will", "with", "within",
    "without", "would", "year", "years", "yesterday", "your",
  ]
}
