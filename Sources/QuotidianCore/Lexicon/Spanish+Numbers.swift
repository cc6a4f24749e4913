extension Spanish {
  /// Cardinal number words and their values. Source: Spanish numerals.
  static let cardinals: [(String, Double)] = [
    ("cero", 0), ("uno", 1), ("un", 1), ("una", 1), ("dos", 2), ("tres", 3), ("cuatro", 4),
    ("cinco", 5), ("seis", 6), ("siete", 7), ("ocho", 8), ("nueve", 9), ("diez", 10),
    ("once", 11), ("doce", 12), ("trece", 13), ("catorce", 14), ("quince", 15),
    ("dieciséis", 16), ("diecisiete", 17), ("dieciocho", 18), ("diecinueve", 19),
    ("veinte", 20), ("veintiuno", 21), ("veintidós", 22), ("veintitrés", 23),
    ("veinticuatro", 24), ("veinticinco", 25), ("treinta", 30), ("cuarenta", 40),
    ("cincuenta", 50), ("sesenta", 60), ("setenta", 70), ("ochenta", 80), ("noventa", 90),
    ("cien", 100), ("ciento", 100), ("doscientos", 200), ("trescientos", 300),
    ("quinientos", 500), ("docena", 12), ("mitad", 0.5),
  ]

  /// Multipliers after a number ("10 mil", "3,5 millones", "dos mil millones").
  static let numberScales: [(String, Double)] = [
    ("mil", 1_000), ("millón", 1_000_000), ("millones", 1_000_000),
    ("millardo", 1_000_000_000), ("millardos", 1_000_000_000),
    ("billón", 1_000_000_000_000), ("billones", 1_000_000_000_000), ("docenas", 12),
  ]

  /// Words before a number that qualify it, with the canonical (English) qualifier, so that
  /// claims compare across languages. Source: newsroom usage ("más de 50", "al menos 17").
  static let numberQualifiers: [(String, String)] = [
    ("al menos", "at least"), ("alrededor de", "about"), ("aproximadamente", "about"),
    ("casi", "nearly"), ("cerca de", "nearly"), ("como mínimo", "at least"),
    ("exactamente", "exactly"), ("hasta", "up to"), ("más de", "more than"),
    ("menos de", "less than"), ("no menos de", "at least"), ("no más de", "up to"),
    ("poco más de", "more than"), ("poco menos de", "nearly"), ("por lo menos", "at least"),
    ("unas", "about"), ("unos", "about"),
  ]

  /// Unit words after a number, with the canonical unit (ISO 4217 for currencies).
  static let numberUnits: [(String, String)] = [
    ("por ciento", "percent"), ("de euros", "EUR"),
    ("de dólares", "USD"), ("de pesos", "MXN"), ("puntos porcentuales", "percentage points"),
    ("punto porcentual", "percentage points"), ("dólares", "USD"), ("dólar", "USD"),
    ("euros", "EUR"), ("euro", "EUR"), ("libras", "GBP"), ("pesos", "MXN"),
    ("kilómetros", "km"), ("km", "km"), ("metros", "m"), ("toneladas", "tonnes"),
    ("kilos", "kg"), ("kilogramos", "kg"), ("kg", "kg"), ("hectáreas", "hectares"),
    ("grados", "degrees"), ("barriles", "barrels"), ("veces", "times"),
  ]

  /// Currency signs before a number, with the ISO 4217 code ("$" is the peso in Mexico, the
  /// dollar elsewhere: the English reading is kept).
  static let currencySigns: [(String, String)] = English.currencySigns

  /// Words that end the phrase naming what a number counts ("50 detenidos *fueron* …").
  /// Closed-class words and the commonest verbs after a count. Sorted.
  static let countedStops: [String] = [
    "a", "al", "ante", "antes", "como", "con", "contra", "cuando", "de", "del", "desde",
    "después", "donde", "durante", "e", "el", "en", "entre", "era", "eran", "es", "esta",
    "este", "estaban", "están", "fue", "fueron", "ha", "habían", "han", "hasta", "hay", "la",
    "las", "le", "les", "lo", "los", "murieron", "más", "ni", "no", "o", "para", "pero",
    "por", "porque", "que", "quienes", "se", "según", "sin", "sobre", "son", "su", "sus",
    "tienen", "tras", "u", "un", "una", "y", "ya",
  ]

  /// "por ciento de", the indefinite articles, "uno" and "mitad".
  static let claimWords = (of: "de", a: "un", an: "una", one: "uno", half: "mitad")

  /// Spain writes "3,5" and "10.000", Mexico "3.5" and "10,000": either mark.
  static let eitherDecimalMark = true

  /// Endings of verb forms that end what a number counts ("10 mil familias *recibirán*").
  /// Noun-like endings ("-ado": "estado", "mercado") are left out.
  static let verbSuffixes: [String] = [
    "aban", "ando", "arán", "aron", "erán", "ían", "iendo", "ieron", "irán",
  ]

  /// Articles after "por ciento de" before what is counted ("de los votantes").
  static let countedArticles: [String] = ["el", "la", "las", "los", "sus"]
}
