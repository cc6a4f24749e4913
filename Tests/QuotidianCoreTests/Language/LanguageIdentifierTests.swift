import Testing

@testable import QuotidianCore

@Suite struct LanguageIdentifierTests {
  struct Case: Sendable, CustomStringConvertible {
    var text: String
    var language: String?
    var description: String { "\(language ?? "nil"): \(text.prefix(30))" }
  }

  @Test(arguments: [
    Case(
      text:
        "The council voted on Tuesday to close the bridge, and the mayor said it would reopen in the spring.",
      language: "en"),
    Case(
      text:
        "El consejo votó el martes para cerrar el puente, y la alcaldesa dijo que se abrirá de nuevo en primavera.",
      language: "es"),
    Case(
      text:
        "O conselho votou na terça-feira para fechar a ponte, e a prefeita disse que não vai reabrir antes do verão.",
      language: "pt"),
    Case(
      text:
        "Le conseil a voté mardi pour fermer le pont, et la maire a dit qu'il ne rouvrira pas avant le printemps.",
      language: "fr"),
    Case(
      text:
        "Der Rat hat am Dienstag beschlossen, die Brücke zu schließen, und die Bürgermeisterin sagte, sie wird im Frühjahr wieder geöffnet.",
      language: "de"),
    Case(
      text:
        "Il consiglio ha votato martedì per chiudere il ponte, e la sindaca ha detto che non sarà riaperto prima della primavera.",
      language: "it"),
    // A Spanish text quoting English words stays Spanish.
    Case(
      text:
        "La ministra Lucía Ferrán dijo que el acuerdo “is a good deal” y que lo firmará en mayo, según informó su oficina.",
      language: "es"),
    // Too few function words decide nothing.
    Case(text: "Varga: ¡Gol!", language: nil),
    Case(text: "2025 — 3,4 % — 17:45", language: nil),
    Case(text: "", language: nil),
  ])
  func identifiesLanguage(_ c: Case) {
    #expect(LanguageIdentifier.standard.language(of: c.text) == c.language)
  }

  @Test func pipelineLabelsTheDocumentAndKeepsADeclaredLanguageForShortTexts() {
    let pipeline = Pipeline.standard()
    #expect(
      pipeline.run(
        text: "“Vamos a reabrir el puente”, dijo la alcaldesa Marta Quiroga en la ciudad."
      )
      .language == "es")
    #expect(pipeline.run(text: "¡Gol!", language: "es-MX").language == "es")
    #expect(pipeline.run(text: "¡Gol!").language == "und")
  }

  @Test func spanishDocumentsRunTheSpanishLexicon() {
    let pipeline = Pipeline.standard()
    let cues = pipeline.components(for: "es").compactMap { $0 as? CueFinder }
    #expect(cues.first?.lexicon.languageCode == "es")
    #expect(
      pipeline.components(for: "fr").compactMap { $0 as? CueFinder }.first?.lexicon.languageCode
        == "en")
  }
}
