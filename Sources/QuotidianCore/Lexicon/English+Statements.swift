extension English {
  /// Occasions on which statements are made, phrase → canonical name. Source: newsroom usage.
  static let occasions: [(String, String)] = [
    ("address", "address"), ("appearance", "appearance"), ("briefing", "briefing"),
    ("broadcast", "broadcast"), ("campaign event", "campaign event"), ("ceremony", "ceremony"),
    ("conference", "conference"), ("debate", "debate"), ("event", "event"),
    ("facebook post", "post"), ("hearing", "hearing"), ("interview", "interview"),
    ("letter", "letter"), ("meeting", "meeting"), ("news conference", "press conference"),
    ("news release", "statement"), ("op-ed", "op-ed"), ("podcast", "podcast"), ("post", "post"),
    ("press briefing", "press briefing"), ("press conference", "press conference"),
    ("press release", "statement"), ("rally", "rally"), ("remarks", "remarks"),
    ("speech", "speech"), ("statement", "statement"), ("summit", "summit"),
    ("testimony", "hearing"), ("town hall", "town hall"), ("tweet", "post"),
    ("video", "video"),
  ]

  /// Platforms whose messages are posts ("wrote on X", "said on Truth Social").
  static let postPlatforms: [String] = [
    "bluesky", "facebook", "instagram", "telegram", "threads", "tiktok", "truth", "x",
  ]

  /// Speech-verb lemmas whose clause can be reported speech ("said that …"). Sorted.
  static let reportingLemmas: [String] = [
    "acknowledge", "add", "admit", "announce", "argue", "assert", "claim", "concede", "confirm",
    "contend", "declare", "emphasize", "estimate", "explain", "insist", "maintain", "note",
    "predict",
    "promise", "reiterate", "say", "state", "stress", "suggest", "tell", "testify", "vow", "warn",
    "write",
  ]

  /// Words that, in a statement, point to the future: a promise or a prediction. Sorted.
  static let commitmentMarkers: [String] = [
    "aim", "aims", "expect", "expects", "going", "intend", "intends", "pledge", "pledged",
    "pledges", "promise", "promised", "promises", "shall", "vow", "vowed", "vows", "will", "would",
    "won't", "won’t", "we'll", "we’ll", "i'll", "i’ll", "it'll", "it’ll", "they'll", "they’ll",
  ]

  /// Vague horizons of a promise ("soon", "in the coming weeks"), phrase → canonical word.
  static let vagueHorizons: [(String, String)] = [
    ("before long", "soon"), ("imminently", "soon"), ("in the coming days", "in the coming days"),
    ("in the coming months", "in the coming months"),
    ("in the coming weeks", "in the coming weeks"),
    ("shortly", "soon"), ("soon", "soon"), ("very soon", "soon"),
  ]

  /// Words that open the subject of reported words when no "that" comes first ("said the
  /// army would …"). Sorted.
  static let reportedSubjectStarts: [String] = [
    "a", "all", "an", "he", "her", "his", "i", "it", "its", "no", "our", "she", "some", "the",
    "their", "there", "these", "they", "this", "those", "we", "you",
  ]

  /// Adverbs between a speaker and a reporting verb, beyond ``verbModifiers``.
  static let statementModifiers: [String] = [
    "again", "flatly", "later", "privately", "publicly", "repeatedly",
  ]

  /// The complementiser, the platform preposition and the audience word.
  static let statementWords = (that: "that", on: "on", reporters: "reporters")
}
