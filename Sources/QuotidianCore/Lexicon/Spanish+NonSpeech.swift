extension Spanish {
  /// Words right before a quotation mark that make the quoted words a name, title or term
  /// rather than speech ("la película «…»", "conocido como «…»"). Source: our own list.
  /// Sorted.
  static let namingWords: [String] = [
    "álbum", "apodado", "apodo", "artículo", "campaña", "canción", "columna", "denominado",
    "denominada", "documental", "eslogan", "etiqueta", "frase", "hashtag", "lema", "libro",
    "llamada", "llamado", "novela", "obra", "operación", "película", "poema", "programa",
    "serie", "término", "titulado", "titulada", "título",
  ]

  /// Words that make the quoted words after "como «…»" a designation rather than speech.
  static let designationWords: [String] = [
    "calificado", "catalogado", "clasificado", "considerado", "declarado", "designado",
    "etiquetado", "reconocido",
  ]

  /// Words before a naming verb that mark it as passive or agentless ("fue calificado",
  /// "es conocido"). Sorted.
  static let agentlessMarkers: [String] = [
    "algunos", "conocido", "es", "fue", "fueron", "muchos", "otros", "popularmente", "se",
    "son", "sido", "ser",
  ]

  /// Words before a quotation mark that, with a noun right after the closing mark, make the
  /// quoted words a modifier. Spanish puts the noun first ("el programa «…»"), so few. Sorted.
  static let attributiveOpeners: [String] = ["su", "sus"]
}
