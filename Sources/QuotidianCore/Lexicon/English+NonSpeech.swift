extension English {
  /// Words right before a quotation mark that make the quoted words a name, title or term
  /// rather than speech ("the film “…”", "known as “…”"). Source: our own list. Sorted.
  static let namingWords: [String] = [
    "album", "article", "book", "brand", "campaign", "catchphrase", "chant", "column", "designated",
    "designation", "dubbed", "ebook", "editorial", "entitled", "episode", "essay", "film",
    "hashtag", "headline", "label", "labeled", "labelled", "motto", "movie", "named", "nickname",
    "nicknamed", "novel", "performed", "phrase", "play", "played", "podcast", "poem", "program",
    "programme", "sang", "series",
    "show", "slogan", "so-called", "song", "tagline", "term", "title", "titled", "track", "trend",
    "word",
  ]

  /// Words that, a few words before "as “…”", make the quoted words a designation rather
  /// than speech ("the designation of the drug as a “…”"). Source: our own list. Sorted.
  static let designationWords: [String] = [
    "branded", "branding", "categorised", "categorized", "classification", "classified", "classify",
    "classifying", "declaration", "declare", "declared", "declaring", "designate", "designated",
    "designates", "designating", "designation", "label", "labeled", "labeling", "labelled",
    "labelling",
    "list", "listed", "listing", "recognition", "recognize", "recognized", "recognizing",
  ]

  /// Words before a naming verb that mark it as passive or agentless ("was dubbed",
  /// "officially labeled", "some have called"). Sorted.
  static let agentlessMarkers: [String] = [
    "are", "be", "been", "being", "is", "known", "many", "officially", "often", "others",
    "popularly",
    "so", "some", "sometimes", "was", "were", "widely",
  ]
}

extension English {
  /// Words before a quotation mark that, with a noun right after the closing mark, make the
  /// quoted words a modifier ("the “clean-up” activity", "its “Go Green” campaign"). Sorted.
  static let attributiveOpeners: [String] = [
    "'s", "a", "an", "her", "his", "its", "new", "our", "that", "the", "their", "this", "your",
  ]
}
