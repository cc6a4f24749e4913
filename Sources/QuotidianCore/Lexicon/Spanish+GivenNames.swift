extension Spanish {
  /// Frequent Spanish and Latin American given names by gender, followed by the English
  /// lists (Spanish news names many foreigners). Source: our own list of common names. Sorted
  /// within the Spanish part.
  static let feminineGivenNames: [String] =
    [
      "adriana", "alejandra", "alicia", "ana", "andrea", "ángela", "beatriz", "begoña",
      "blanca", "carmen", "carolina", "cecilia", "claudia", "concepción", "cristina", "daniela",
      "diana", "dolores", "elena", "elvira", "esperanza", "esther", "eva", "fernanda",
      "gabriela", "gloria", "graciela", "guadalupe", "inés", "irene", "isabel", "itziar",
      "josefina", "juana", "julia", "leticia", "lidia", "lorena", "lourdes", "lucía", "luisa",
      "luz", "magdalena", "manuela", "marcela", "margarita", "maría", "mariana", "marta",
      "mercedes", "mónica", "montserrat", "natalia", "norma", "olga", "patricia", "paula",
      "pilar", "raquel", "rocío", "rosa", "rosario", "sandra", "silvia", "sofía", "soledad",
      "susana", "teresa", "verónica", "victoria", "ximena", "yolanda",
    ] + English.feminineGivenNames

  static let masculineGivenNames: [String] =
    [
      "alberto", "alejandro", "alfonso", "alfredo", "álvaro", "andrés", "ángel", "antonio",
      "arturo", "carlos", "césar", "diego", "eduardo", "emilio", "enrique", "ernesto",
      "esteban", "federico", "felipe", "fernando", "francisco", "gabriel", "gerardo", "gonzalo",
      "guillermo", "gustavo", "héctor", "hugo", "ignacio", "iñaki", "jaime", "javier", "jesús",
      "joaquín", "jorge", "josé", "juan", "julio", "luis", "manuel", "marcelo", "mario",
      "martín", "miguel", "nicolás", "óscar", "pablo", "pedro", "rafael", "ramón", "raúl",
      "ricardo", "roberto", "rodrigo", "salvador", "santiago", "sergio", "tomás", "vicente",
      "víctor",
    ] + English.masculineGivenNames
}
