extension Spanish {
  /// Frequent Spanish and Latin American given names by gender, followed by the English
  /// lists (Spanish news names many foreigners). Source: our own list of common names. Sorted
  /// within the Spanish part.
  static let feminineGivenNames: [String] =
    [
      "adriana", "ainhoa", "aitana", "alejandra", "alicia", "alma", "amparo", "ana", "andrea",
      "angélica", "araceli", "aurora", "azucena", "beatriz", "begoña", "berta", "blanca", "bárbara",
      "carmen", "carolina", "catalina", "cecilia", "clara", "claudia", "concepción", "consuelo",
      "cristina", "daniela", "diana", "dolores", "elena", "elisa", "elvira", "emma", "esperanza",
      "estela", "esther", "eugenia", "eva", "fernanda", "fátima", "gabriela", "gloria", "graciela",
      "guadalupe", "inés", "irene", "irma", "isabel", "itziar", "ivonne", "josefa", "josefina",
      "juana", "julia", "karla", "laura", "leire", "leticia", "lidia", "liliana", "lorena",
      "lourdes", "lucero", "lucía", "luisa", "luz", "magdalena", "manuela", "marcela", "margarita",
      "mariana", "maribel", "marisol", "marta", "martha", "maría", "mercedes", "mireia", "miriam",
      "montse", "montserrat", "mónica", "natalia", "nerea", "noemí", "nora", "norma", "nuria",
      "ofelia", "olga", "paola", "patricia", "paula", "paulina", "perla", "pilar", "raquel",
      "rebeca", "regina", "rocío", "rosa", "rosalía", "rosario", "ruth", "sandra", "sara", "selene",
      "silvia", "sofía", "soledad", "susana", "tania", "teresa", "valeria", "vanessa", "verónica",
      "victoria", "virginia", "ximena", "xóchitl", "yadira", "yolanda", "ángela",
    ] + English.feminineGivenNames

  static let masculineGivenNames: [String] =
    [
      "abel", "adolfo", "agustín", "aitor", "alberto", "alejandro", "alfonso", "alfredo", "alonso",
      "amado", "andrés", "antonio", "aníbal", "armando", "arturo", "aurelio", "benito", "bernardo",
      "bruno", "camilo", "carlos", "clemente", "cristian", "cuauhtémoc", "césar", "damián",
      "daniel", "darío", "david", "diego", "eduardo", "efraín", "eliseo", "emiliano", "emilio",
      "enrique", "ernesto", "esteban", "eugenio", "fabián", "federico", "felipe", "fernando",
      "francisco", "félix", "gabriel", "gerardo", "gilberto", "gonzalo", "gregorio", "guillermo",
      "gustavo", "heriberto", "hernán", "horacio", "hugo", "humberto", "héctor", "ignacio", "isaac",
      "ismael", "iván", "iñaki", "iñigo", "jacinto", "jaime", "javier", "jesús", "joaquín", "joel",
      "jordi", "jorge", "joseba", "josep", "josé", "juan", "julio", "leonardo", "leonel", "lorenzo",
      "luis", "manuel", "marcelo", "marco", "marcos", "mario", "martín", "mateo", "mauricio",
      "maximiliano", "miguel", "mikel", "moisés", "nicolás", "noé", "octavio", "omar", "orlando",
      "oswaldo", "pablo", "pascual", "patricio", "pedro", "porfirio", "rafael", "ramiro", "ramón",
      "raúl", "rené", "ricardo", "roberto", "rodrigo", "rogelio", "rubén", "salvador", "samuel",
      "santiago", "saúl", "sebastián", "sergio", "silvano", "teodoro", "tomás", "ulises", "uriel",
      "valentín", "vicente", "víctor", "xavier", "álvaro", "ángel", "óscar",
    ] + English.masculineGivenNames
}
