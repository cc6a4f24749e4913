extension Spanish {
  /// Head nouns of descriptions that can name a speaker ("la presidenta", "el titular de
  /// Hacienda", "un funcionario"), both genders, singular and plural. Source: our own list of
  /// Spanish news-style role nouns. Sorted.
  static let descriptionHeads: [String] = [
    "abogada", "abogado", "abogados", "activista", "activistas", "agencia", "alcalde",
    "alcaldesa", "analista", "analistas", "asesor", "asesora", "autoridades", "candidata",
    "candidato", "canciller", "científica", "científico", "científicos", "comisionada",
    "comisionado", "compañía", "coordinador", "coordinadora", "diplomático", "diputada",
    "diputado", "diputados", "directiva", "directivo", "director", "directora", "dirigente",
    "dirigentes", "doctor", "doctora", "economista", "embajador", "embajadora", "empresa",
    "empresaria", "empresario", "empresarios", "entrenador", "especialista", "especialistas",
    "experta", "experto", "expertos", "fiscal", "fiscalía", "fuente", "fuentes", "funcionaria",
    "funcionario", "funcionarios", "gobernador", "gobernadora", "gobierno", "investigador",
    "investigadora", "investigadores", "jefa", "jefe", "juez", "jueza", "jugador", "legislador",
    "legisladora", "legisladores", "líder", "magistrada", "magistrado", "mandataria",
    "mandatario", "manifestantes", "ministerio", "ministra", "ministro", "médica", "médico",
    "médicos", "organización", "periodista", "policía", "portavoz", "presidenta", "presidente",
    "profesor", "profesora", "representante", "secretaria", "secretario", "secretaría",
    "senador", "senadora", "testigo", "testigos", "titular", "vecina", "vecino", "vecinos",
    "vocera", "vocero", "víctima",
  ]

  /// Determiners that open a description; the indefinite ones introduce a new speaker.
  static let definiteDeterminers: [String] = [
    "aquel", "aquella", "el", "esa", "ese", "esta", "este", "la", "las", "los",
  ]
  /// The gender each singular definite determiner shows: a description it opens ("la
  /// experta", "el subsecretario") refers to a person of that gender.
  static let determinerGenders: [(word: String, gender: Entity.Gender)] = [
    ("aquel", .masculine), ("aquella", .feminine), ("el", .masculine), ("esa", .feminine),
    ("ese", .masculine), ("esta", .feminine), ("este", .masculine), ("la", .feminine),
  ]
  static let indefiniteDeterminers: [String] = [
    "otra", "otro", "un", "una", "unas", "unos",
  ]

  /// Words that make a capitalised run an organisation rather than a person. Spanish puts
  /// them first ("Secretaría de Hacienda", "Universidad de Cambridge"). Source: our own
  /// list. Sorted.
  static let organizationWords: [String] = [
    "agencia", "alianza", "asamblea", "asociación", "ayuntamiento", "banco", "cámara",
    "colegio", "comisión", "comité", "compañía", "congreso", "consejo", "corporación", "corte",
    "ejército", "embajada", "empresa", "federación", "fiscalía", "fundación", "gobierno",
    "grupo", "guardia", "instituto", "juzgado", "ministerio", "movimiento", "observatorio",
    "oficina", "organización", "parlamento", "partido", "policía", "procuraduría",
    "secretaría", "senado", "servicio", "sindicato", "sociedad", "suprema", "tribunal",
    "universidad",
  ]

  /// Lower-case words that continue an organisation's name ("Secretaría de la Defensa
  /// Nacional", "Comisión para …"). Sorted.
  static let organizationConnectives: [String] = ["de", "del", "la", "las", "los", "para", "y"]

  /// Description heads that name institutions, not persons. Sorted.
  static let institutionHeads: [String] = [
    "agencia", "autoridades", "compañía", "empresa", "fiscalía", "gobierno", "ministerio",
    "organización", "policía", "secretaría",
  ]
}
