import Testing

@testable import QuotidianCore

/// Numbers in Spanish sentences (fictional places and people), read with the Spanish tables.
@Suite struct SpanishClaimTests {
  struct Case: Sendable, CustomStringConvertible {
    var text: String
    var claim: String
    var value: Double
    var unit: String?
    var qualifier: String?
    var description: String { claim }
  }

  @Test(arguments: [
    Case(
      text: "La fiebre mató a más de 50 delfines en el río Valdelora durante la última década.",
      claim: "más de 50 delfines", value: 50, unit: nil, qualifier: "more than"),
    Case(
      text: "El gobierno de Carmela Ruiz prometió que 10 mil familias recibirán agua potable.",
      claim: "10 mil familias", value: 10_000, unit: nil, qualifier: nil),
    Case(
      text: "Al menos 17 personas fueron detenidas por la policía de la ciudad de Orvante.",
      claim: "Al menos 17 personas", value: 17, unit: nil, qualifier: "at least"),
    Case(
      text: "El puerto costará 3,5 millones de euros según el informe de la comisión del puerto.",
      claim: "3,5 millones de euros", value: 3_500_000, unit: "EUR", qualifier: nil),
    Case(
      text: "La presa recibe 10.000 metros cúbicos cada día, explicó el ingeniero Tomás Ibarra.",
      claim: "10.000 metros", value: 10_000, unit: "m", qualifier: nil),
    Case(
      text: "Casi 25 por ciento de los votantes se quedó en casa, dijo la analista Inés Montoya.",
      claim: "Casi 25 por ciento de los votantes", value: 25, unit: "percent", qualifier: "nearly"),
  ])
  func findsClaim(_ c: Case) {
    let document = Pipeline.standard().run(text: c.text, published: "2025-12-24")
    #expect(document.language == "es")
    let found = document.claims.first { document.string($0.range) == c.claim }
    #expect(found != nil, "\(document.claims.map { document.string($0.range) })")
    #expect(found?.value == c.value)
    #expect(found?.unit == c.unit)
    #expect(found?.qualifier == c.qualifier)
  }
}
