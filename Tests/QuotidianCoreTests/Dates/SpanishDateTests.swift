import Testing

@testable import QuotidianCore

/// Spanish date phrases (fictional people and places), read with the Spanish date tables;
/// the article is dated Wednesday 2025-12-24.
@Suite struct SpanishDateTests {
  struct Case: Sendable, CustomStringConvertible {
    var text: String
    var phrase: String
    var value: String
    var granularity: String
    var description: String { phrase }
  }

  @Test(arguments: [
    Case(
      text: "La alcaldesa Marta Quiroga inauguró el puente el 6 de diciembre de 2024 en Valdelora.",
      phrase: "6 de diciembre de 2024", value: "2024-12-06", granularity: "day"),
    Case(
      text: "El pasado 6 de diciembre, el gobernador de Orvante anunció que cerraría la presa.",
      phrase: "El pasado 6 de diciembre", value: "2025-12-06", granularity: "day"),
    Case(
      text: "La comisión presentó su informe este martes ante los diputados de la región.",
      phrase: "este martes", value: "2025-12-23", granularity: "day"),
    Case(
      text: "Las lluvias fueron más intensas que el año pasado, según el instituto de Valdelora.",
      phrase: "el año pasado", value: "2024", granularity: "year"),
    Case(
      text: "El ministro dijo que la obra estará terminada el próximo año en toda la provincia.",
      phrase: "el próximo año", value: "2026", granularity: "year"),
    Case(
      text: "La fábrica cerró hace tres años y desde entonces no hay empleo en el pueblo.",
      phrase: "hace tres años", value: "2022", granularity: "year"),
    Case(
      text: "Ayer la senadora Inés Carvajal votó contra la reforma de la ley de aguas.",
      phrase: "Ayer", value: "2025-12-23", granularity: "day"),
    Case(
      text: "El contrato se firmó en diciembre de 2025 con la empresa de Tomás Ibarra.",
      phrase: "diciembre de 2025", value: "2025-12", granularity: "month"),
  ])
  func findsDate(_ c: Case) {
    let document = Pipeline.standard().run(text: c.text, published: "2025-12-24")
    #expect(document.language == "es")
    let found = document.dates.map {
      (document.string($0.range), $0.value.iso, $0.value.granularity.name)
    }
    let match = found.first { $0.0 == c.phrase }
    #expect(match != nil, "no date \(c.phrase) in \(found)")
    #expect(match?.1 == c.value)
    #expect(match?.2 == c.granularity)
  }

  @Test func aPromiseBeforeTheEndOfTheYearHasADeadline() {
    let document = Pipeline.standard().run(
      text:
        "«Vamos a abrir el hospital antes de fin de año», aseguró la ministra Elvira Sotomayor en Valdelora.",
      published: "2025-03-10")
    #expect(document.language == "es")
    let deadline = document.dates.first { document.string($0.range).contains("fin de año") }
    #expect(deadline?.value.iso == "2025-12", "\(document.dates.map { document.string($0.range) })")
    #expect(!document.promises.isEmpty, "a promise with «vamos a»")
  }
}
