extension Spanish {
  /// Occasions on which statements are made, phrase → canonical (English) name, so that the
  /// occasions of both languages compare. Source: Spanish newsroom usage.
  static let occasions: [(String, String)] = [
    ("comparecencia", "hearing"), ("comunicado", "statement"), ("conferencia", "conference"),
    ("conferencia de prensa", "press conference"), ("conferencia matutina", "press conference"),
    ("debate", "debate"), ("declaración", "statement"), ("discurso", "speech"),
    ("entrevista", "interview"), ("evento", "event"), ("mañanera", "press conference"),
    ("mensaje", "address"), ("mitin", "rally"), ("publicación", "post"),
    ("reunión", "meeting"), ("rueda de prensa", "press conference"), ("sesión", "meeting"),
    ("tuit", "post"), ("video", "video"), ("vídeo", "video"),
  ]

  /// Platforms whose messages are posts ("escribió en X").
  static let postPlatforms: [String] = [
    "bluesky", "facebook", "instagram", "telegram", "threads", "tiktok", "twitter", "x",
  ]

  /// Speech-verb lemmas (English glosses, see `Spanish+SpeechVerbs.swift`) whose clause can
  /// be reported speech ("dijo que …"). Sorted.
  static let reportingLemmas: [String] = [
    "add", "admit", "announce", "argue", "assert", "clarify", "confirm", "declare", "emphasize",
    "explain", "hold", "insist", "maintain", "note", "promise", "recall", "reiterate", "say",
    "state", "stress", "suggest", "warn", "write",
  ]

  /// Words that, in a statement, point to the future: "ir a" + infinitive, "habrá", the
  /// verbs of promising, and frequent third-person futures. Sorted.
  static let commitmentMarkers: [String] = [
    "comprometió", "construirá", "daremos", "dará", "estará", "habrá", "haremos", "hará",
    "iremos", "llegará", "pondrá", "prometió", "prometieron", "promete", "prometemos",
    "realizará", "seguirá", "será", "serán", "tendrá", "tendremos", "va", "vamos", "van",
    "voy",
  ]

  /// Vague horizons of a promise, phrase → canonical (English) word. Sorted.
  static let vagueHorizons: [(String, String)] = [
    ("en breve", "soon"), ("en los próximos días", "in the coming days"),
    ("en los próximos meses", "in the coming months"),
    ("en las próximas semanas", "in the coming weeks"), ("muy pronto", "soon"),
    ("pronto", "soon"), ("próximamente", "soon"),
  ]

  /// Words that open the subject of reported words without "que". Sorted.
  static let reportedSubjectStarts: [String] = [
    "el", "ella", "ellos", "la", "las", "los", "nadie", "su", "sus", "todos", "un", "una",
  ]

  /// Adverbs between a speaker and a reporting verb, beyond ``verbModifiers``. Sorted.
  static let statementModifiers: [String] = [
    "nuevamente", "otra", "públicamente", "reiteradamente", "tajantemente",
  ]

  /// The complementiser, the platform preposition and the audience word.
  static let statementWords = (that: "que", on: "en", reporters: "periodistas")
}
