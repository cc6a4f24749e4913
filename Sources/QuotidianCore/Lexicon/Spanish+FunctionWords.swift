extension Spanish {
  /// Capitalised words that start sentences or headings but never start a name: articles,
  /// prepositions, conjunctions, pronouns, months and weekdays. Sorted.
  static let nonNameWords: [String] = [
    "a", "abril", "además", "agosto", "al", "algunos", "ante", "antes", "aquí", "así", "aunque",
    "ayer", "como", "con", "cuando", "de", "del", "desde", "después", "diciembre", "domingo",
    "donde", "durante", "el", "ella", "ellos", "en", "enero", "entre", "es", "esa", "ese", "eso",
    "esta", "este", "esto", "febrero", "hace", "hasta", "hoy", "jueves", "julio", "junio", "la",
    "las", "lo", "los", "lunes", "mañana", "martes", "marzo", "mayo", "mientras", "miércoles",
    "muy", "más", "ni", "no", "noviembre", "o", "octubre", "para", "pero", "por", "porque",
    "pues", "que", "qué", "sábado", "se", "según", "septiembre", "setiembre", "si", "sin",
    "sobre", "su", "sus", "sí", "también", "tras", "un", "una", "unos", "viernes", "y", "ya",
    "él",
  ]

  /// Words between a subject and its speech verb that do not break the link ("ha dicho",
  /// "también afirmó", "lo dijo"). Sorted.
  static let verbModifiers: [String] = [
    "además", "ahora", "antes", "después", "había", "habían", "ha", "han", "habría", "le",
    "les", "lo", "luego", "me", "nos", "posteriormente", "se", "también", "ya",
  ]

  /// Prepositions that attach a phrase to a description ("el titular de Hacienda").
  static let prepositions: [String] = ["con", "de", "del", "en", "para", "por"]

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
}
