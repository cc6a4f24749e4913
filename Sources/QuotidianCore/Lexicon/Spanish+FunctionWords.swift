extension Spanish {
  /// Capitalised words that start sentences or headings but never start a name: articles,
  /// prepositions, conjunctions, pronouns, months and weekdays. Sorted.
  static let nonNameWords: [String] = [
    "a", "abril", "actualmente", "además", "agosto", "ahora", "ahí", "al", "alguien", "algunas",
    "algunos", "allí", "ambos", "ante", "anteriormente", "antes", "apenas", "aquel", "aquella",
    "aquí", "asimismo", "así", "aunque", "ayer", "aún", "bajo", "cada", "casi", "como", "con",
    "contra", "cuando", "cuál", "cómo", "de", "del", "desde", "después", "dicha", "dicho",
    "diciembre", "dijo", "domingo", "donde", "durante", "dónde", "e", "el", "ella", "ellas", "ello",
    "ellos", "en", "enero", "entonces", "entre", "era", "eran", "es", "esa", "esas", "ese", "eso",
    "esos", "especialmente", "esta", "estas", "este", "esto", "estos", "está", "están", "febrero",
    "finalmente", "fue", "fueron", "ha", "había", "hace", "hacia", "han", "hasta", "hay", "hizo",
    "hoy", "igualmente", "inclusive", "incluso", "jamás", "jueves", "julio", "junio", "la", "las",
    "le", "les", "lo", "los", "luego", "lunes", "martes", "marzo", "mayo", "mañana", "mediante",
    "mi", "mientras", "mí", "mis", "misma", "mismo", "miércoles", "muchas", "muchos", "muy", "más",
    "nadie", "ni", "ninguna", "ninguno", "no", "nosotros", "noviembre", "nuestra", "nuestro",
    "nuestros", "nunca", "o", "octubre", "otra", "otras", "otro", "otros", "para", "pero", "pese",
    "pocos", "por", "porque", "posteriormente", "precisamente", "primera", "primero",
    "principalmente", "pues", "que", "quien", "quienes", "quizá", "quizás", "qué", "recientemente",
    "se", "según", "septiembre", "será", "setiembre", "si", "siempre", "sin", "sino", "sobre",
    "solo", "son", "su", "sus", "sábado", "sí", "sólo", "tal", "también", "tampoco", "tanto",
    "ti", "tiene", "tienen", "toda", "todas", "todavía", "todo", "todos", "tras", "tú", "u", "un",
    "una",
    "unos", "usted", "ustedes", "varias", "varios", "viernes", "y", "ya", "yo", "él",
  ]

  /// Words between a subject and its speech verb that do not break the link ("ha dicho",
  /// "también afirmó", "lo dijo"). Sorted.
  static let verbModifiers: [String] = [
    "además", "ahora", "antes", "después", "había", "habían", "ha", "han", "habría", "le",
    "les", "lo", "luego", "me", "nos", "posteriormente", "se", "también", "ya",
  ]

  /// Prepositions that attach a phrase to a description ("el titular de Hacienda").
  static let prepositions: [String] = [
    "a", "al", "ante", "con", "contra", "de", "del", "desde", "en", "entre", "hacia", "para",
    "por", "sobre", "tras",
  ]

  /// Cardinal number words that open sentences. Sorted.
  static let numberWords: [String] = [
    "cien", "cinco", "cincuenta", "cuarenta", "cuatro", "diez", "doce", "dos", "mil", "nueve",
    "ochenta", "ocho", "once", "quince", "seis", "sesenta", "setenta", "siete", "tres",
    "treinta", "veinte",
  ]

  /// Documents whose findings are quoted as the words of the organisation behind them.
  static let reportWords: [String] = [
    "análisis", "comunicado", "encuesta", "estudio", "informe", "reporte", "sondeo",
  ]
  /// Verb forms that agree only with a plural subject. Sorted.
  static let pluralAgreementWords: [String] = ["eran", "estaban", "están", "han", "son"]
}
