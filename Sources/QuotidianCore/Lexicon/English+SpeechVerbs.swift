extension English {
  /// Verbs of saying and writing, every inflected form → lemma. Sorted by lemma.
  /// Source: our own list of reporting verbs common in English news writing.
  static let speechVerbLemmas: [(lemma: String, forms: [String])] = [
    ("accuse", ["accuse", "accused", "accuses", "accusing"]),
    ("acknowledge", ["acknowledge", "acknowledged", "acknowledges", "acknowledging"]),
    ("add", ["add", "added", "adding", "adds"]),
    ("admit", ["admit", "admits", "admitted", "admitting"]),
    ("advise", ["advise", "advised", "advises"]),
    ("agree", ["agree", "agreed", "agrees"]),
    ("allege", ["allege", "alleged", "alleges"]),
    ("announce", ["announce", "announced", "announces", "announcing"]),
    ("answer", ["answer", "answered", "answers"]),
    ("argue", ["argue", "argued", "argues", "arguing"]),
    ("ask", ["ask", "asked", "asking", "asks"]),
    ("assert", ["assert", "asserted", "asserting", "asserts"]),
    ("beg", ["beg", "begged", "begs"]),
    ("blast", ["blasted"]),
    ("boast", ["boast", "boasted", "boasts"]),
    ("call", ["call", "called", "calling", "calls"]),
    ("caution", ["caution", "cautioned", "cautions"]),
    ("chant", ["chant", "chanted", "chanting", "chants"]),
    ("claim", ["claim", "claimed", "claiming", "claims"]),
    ("comment", ["comment", "commented", "comments"]),
    ("complain", ["complain", "complained", "complains"]),
    ("concede", ["concede", "conceded", "concedes"]),
    ("conclude", ["conclude", "concluded", "concludes"]),
    ("confirm", ["confirm", "confirmed", "confirms"]),
    ("continue", ["continued", "continues"]),
    ("contend", ["contend", "contended", "contends"]),
    ("counter", ["countered", "counters"]),
    ("cry", ["cried"]),
    ("declare", ["declare", "declared", "declares", "declaring"]),
    ("deny", ["denied", "denies", "deny"]),
    ("describe", ["describe", "described", "describes", "describing"]),
    ("dismiss", ["dismissed", "dismisses"]),
    ("dub", ["dub", "dubbed", "dubs"]),
    ("emphasize", ["emphasised", "emphasized", "emphasizes", "emphasises"]),
    ("exclaim", ["exclaimed"]),
    ("explain", ["explain", "explained", "explaining", "explains"]),
    ("insist", ["insist", "insisted", "insisting", "insists"]),
    ("joke", ["joked", "jokes"]),
    ("maintain", ["maintained", "maintains"]),
    ("mention", ["mentioned"]),
    ("note", ["note", "noted", "notes", "noting"]),
    ("observe", ["observed", "observes"]),
    ("order", ["ordered"]),
    ("plead", ["pleaded"]),
    ("post", ["posted"]),
    ("predict", ["predict", "predicted", "predicts"]),
    ("promise", ["promise", "promised", "promises"]),
    ("quip", ["quipped", "quips"]),
    ("recall", ["recall", "recalled", "recalls"]),
    ("recount", ["recount", "recounted", "recounts"]),
    ("reiterate", ["reiterated"]),
    ("reject", ["rejected", "rejects"]),
    ("remark", ["remarked"]),
    ("reply", ["replied", "replies"]),
    ("report", ["reported"]),
    ("respond", ["responded", "responds"]),
    ("say", ["say", "saying", "says", "said"]),
    ("scream", ["screamed"]),
    ("shout", ["shout", "shouted", "shouting", "shouts"]),
    ("state", ["stated", "states"]),
    ("stress", ["stressed", "stresses"]),
    ("suggest", ["suggest", "suggested", "suggests"]),
    ("tell", ["tell", "telling", "tells", "told"]),
    ("testify", ["testified", "testifies", "testifying"]),
    ("tweet", ["tweet", "tweeted", "tweeting", "tweets"]),
    ("urge", ["urge", "urged", "urges"]),
    ("vow", ["vow", "vowed", "vows"]),
    ("warn", ["warn", "warned", "warning", "warns"]),
    ("wonder", ["wondered"]),
    ("write", ["write", "writes", "writing", "wrote", "written"]),
    ("yell", ["yelled"]),
  ]

  /// Multi-word cues, phrase → lemma. Source: our own list.
  static let speechPhrases: [(String, String)] = [
    ("according to", "according to"),
    ("pointed out", "point out"),
    ("points out", "point out"),
    ("went on", "go on"),
  ]

  /// Lemmas whose subject is the speaker only when the verb is active and the subject is
  /// a real agent: "called X a “…”" is speech, "known as / labeled “…”" is naming.
  static let namingLemmas: [String] = ["call", "describe", "dub"]

  /// Lemmas that are weak cues: they attribute a quote only in the same clause.
  static let weakLemmas: [String] = [
    "call", "claim", "continue", "describe", "dub", "order", "post", "report", "state",
  ]
}
