extension Spanish {
  /// Verbs of saying and writing, every third-person form a news text uses → lemma. The lemma
  /// is the English gloss of the verb where English has the same cue ("dijo" → "say"), so
  /// that cue features learned on one language carry to the other. Sorted by infinitive.
  /// Source: our own list of Spanish reporting verbs; regular verbs are conjugated by
  /// ``conjugated(_:)``, irregular ones are listed in full.
  static let speechVerbLemmas: [(lemma: String, forms: [String])] =
    regularSpeechVerbs.map { (lemma: $0.lemma, forms: conjugated($0.infinitive)) }
    + irregularSpeechVerbs

  /// Regular verbs of saying: infinitive → English gloss lemma. Sorted by infinitive.
  static let regularSpeechVerbs: [(infinitive: String, lemma: String)] = [
    ("abundar", "add"), ("aceptar", "admit"), ("aclarar", "clarify"), ("aconsejar", "advise"),
    ("acotar", "note"), ("acusar", "accuse"), ("adelantar", "announce"), ("admitir", "admit"),
    ("afirmar", "assert"), ("agregar", "add"), ("ahondar", "explain"), ("alegar", "argue"),
    ("alertar", "warn"), ("amenazar", "threaten"), ("anticipar", "announce"),
    ("anunciar", "announce"), ("apostillar", "add"), ("apuntar", "note"), ("argumentar", "argue"),
    ("asegurar", "assert"), ("aseverar", "assert"), ("augurar", "predict"), ("avisar", "warn"),
    ("añadir", "add"), ("bromear", "joke"), ("calificar", "describe"), ("clamar", "demand"),
    ("comentar", "comment"), ("completar", "add"), ("comunicar", "announce"),
    ("confirmar", "confirm"), ("considerar", "consider"), ("continuar", "continue"),
    ("corroborar", "confirm"), ("criticar", "criticize"), ("cuestionar", "question"),
    ("declarar", "declare"), ("demandar", "demand"), ("denunciar", "denounce"),
    ("deplorar", "lament"), ("describir", "describe"), ("destacar", "stress"),
    ("detallar", "explain"), ("enfatizar", "emphasize"), ("escribir", "write"),
    ("esgrimir", "argue"), ("estimar", "estimate"), ("evocar", "recall"), ("exclamar", "exclaim"),
    ("exhortar", "urge"), ("exigir", "demand"), ("explicar", "explain"), ("expresar", "state"),
    ("externar", "state"), ("finalizar", "conclude"), ("garantizar", "assert"), ("gritar", "shout"),
    ("indicar", "note"), ("informar", "report"), ("insinuar", "suggest"), ("insistir", "insist"),
    ("instar", "urge"), ("interpelar", "ask"), ("ironizar", "joke"), ("justificar", "argue"),
    ("lamentar", "lament"), ("manifestar", "state"), ("matizar", "clarify"),
    ("mencionar", "mention"), ("murmurar", "whisper"), ("narrar", "recount"), ("opinar", "opine"),
    ("plantear", "suggest"), ("platicar", "tell"), ("postear", "post"), ("precisar", "clarify"),
    ("preguntar", "ask"), ("proclamar", "declare"), ("profundizar", "explain"),
    ("prometer", "promise"), ("pronosticar", "predict"), ("publicar", "post"),
    ("puntualizar", "clarify"), ("ratificar", "confirm"), ("recalcar", "stress"),
    ("rechazar", "reject"), ("reclamar", "demand"), ("recriminar", "accuse"),
    ("rectificar", "clarify"), ("reflexionar", "reflect"), ("refutar", "rebut"),
    ("reiterar", "reiterate"), ("reivindicar", "claim"), ("relatar", "recount"),
    ("remarcar", "stress"), ("rematar", "conclude"), ("rememorar", "recall"), ("replicar", "reply"),
    ("reprochar", "accuse"), ("resaltar", "stress"), ("responder", "respond"),
    ("resumir", "conclude"), ("revelar", "reveal"), ("sentenciar", "declare"), ("señalar", "note"),
    ("sintetizar", "conclude"), ("solicitar", "ask"), ("subrayar", "stress"), ("suplicar", "plead"),
    ("susurrar", "whisper"), ("tuitear", "tweet"), ("urgir", "urge"), ("valorar", "assess"),
    ("vaticinar", "predict"), ("zanjar", "conclude"),
  ]

  /// Irregular verbs of saying, every form listed. Sorted by lemma.
  static let irregularSpeechVerbs: [(lemma: String, forms: [String])] = [
    (
      "continue",
      [
        "prosigue", "prosiguen", "prosiguió", "prosiguieron", "proseguía", "proseguirá",
        "prosiguiendo",
      ]
    ),
    (
      "deny",
      ["desmiente", "desmienten", "desmintió", "desmintieron", "desmentía", "desmintiendo"]
    ),
    (
      "propose",
      ["propone", "proponen", "propuso", "propusieron", "proponía", "propondrá", "propuesto"]
    ),
    (
      "recommend",
      ["recomienda", "recomiendan", "recomendó", "recomendaron", "recomendaba", "recomendado"]
    ),
    (
      "repeat",
      ["repite", "repiten", "repitió", "repitieron", "repetía", "repetido", "repitiendo"]
    ),
    (
      "thank",
      ["agradece", "agradecen", "agradeció", "agradecieron", "agradecía", "agradecido"]
    ),
    (
      "admit",
      [
        "reconoce", "reconocen", "reconocerá", "reconocía", "reconocían", "reconocido",
        "reconociendo", "reconoció", "reconocieron",
      ]
    ),
    (
      "admit",
      ["confiesa", "confiesan", "confesó", "confesaron", "confesaba", "confesado"]
    ),
    (
      "answer",
      ["contesta", "contestaba", "contestó", "contestaron", "contestará", "contestado"]
    ),
    ("ask", ["pide", "piden", "pidió", "pidieron", "pedía", "pedido", "pidiendo"]),
    (
      "conclude",
      ["concluye", "concluyó", "concluyeron", "concluía", "concluirá", "concluyendo"]
    ),
    (
      "argue",
      ["defiende", "defienden", "defendió", "defendieron", "defendía", "defendiendo"]
    ),
    (
      "deny",
      ["niega", "niegan", "negó", "negaron", "negaba", "negaban", "negando"]
    ),
    (
      "explain",
      ["expone", "exponen", "expuso", "expusieron", "exponía", "expondrá", "expuesto"]
    ),
    (
      "hold",
      [
        "sostiene", "sostienen", "sostenía", "sostenían", "sostendrá", "sostenido",
        "sosteniendo", "sostuvo", "sostuvieron",
      ]
    ),
    (
      "maintain",
      ["mantiene", "mantuvo", "mantenía", "mantienen", "mantuvieron"]
    ),
    (
      "recount",
      ["cuenta", "cuentan", "contó", "contaron", "contaba", "contaban", "contará", "contado"]
    ),
    (
      "recall",
      ["recuerda", "recuerdan", "recordó", "recordaron", "recordaba", "recordará", "recordando"]
    ),
    (
      "refer",
      ["refiere", "refirió", "refería", "refieren", "refirieron", "refiriéndose"]
    ),
    (
      "say",
      [
        "decía", "decían", "dice", "dicen", "dicho", "diciendo", "dijeron", "dijo",
        "dirá", "dirán", "diría", "dijera",
      ]
    ),
    (
      "suggest",
      ["sugiere", "sugieren", "sugirió", "sugirieron", "sugería"]
    ),
    (
      "warn",
      [
        "advertía", "advertido", "advierte", "advierten", "advertirá", "advirtió", "advirtiendo",
        "advirtieron",
      ]
    ),
  ]

  /// The third-person forms of a regular Spanish verb in -ar, -er or -ir: present,
  /// preterite, imperfect, future and conditional, singular and plural, with the gerund and
  /// the participle ("ha afirmado").
  static func conjugated(_ infinitive: String) -> [String] {
    let stem = String(infinitive.dropLast(2))
    let ending = infinitive.suffix(2)
    // Third-person forms need no spelling change ("destacó", "agregó"); stem-changing
    // verbs ("recuerda") are listed as irregular.
    if ending == "ar" {
      return [
        "a", "an", "ó", "aron", "aba", "aban", "ará", "arán", "aría", "arían", "ando", "ado",
      ].map { stem + $0 }
    }
    return [
      "e", "en", "ió", "ieron", "ía", "ían", ending == "er" ? "erá" : "irá",
      ending == "er" ? "erán" : "irán", ending == "er" ? "ería" : "iría", "iendo", "ido",
    ].map { stem + $0 }
  }

  /// Multi-word cues, phrase → lemma. Source: our own list.
  static let speechPhrases: [(String, String)] = [
    ("a decir de", "according to"),
    ("de acuerdo con", "according to"),
    ("en palabras de", "according to"),
    ("hizo hincapié", "stress"),
    ("según", "according to"),
  ]

  /// Lemmas whose subject is the speaker only as an active verb with a real agent ("lo
  /// calificó de «…»" is speech; "conocido como «…»" is naming).
  static let namingLemmas: [String] = ["call", "describe"]

  /// Lemmas that are weak cues: they attribute a quote only in the same clause.
  static let weakLemmas: [String] = [
    "call", "consider", "describe", "mention", "post", "refer", "report", "reveal",
  ]
}
