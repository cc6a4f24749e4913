import QuotidianTestSupport
import Testing

@testable import QuotidianCore

/// Spanish quotes and speakers, through the whole standard pipeline (language identified
/// from the text). Every person and place is fictional.
@Suite struct SpanishAttributionTests {
  struct Case: Sendable, CustomStringConvertible {
    var text: String
    /// Index of the quote to check.
    var quote: Int
    var content: String
    var speaker: String?
    var description: String { "\(speaker ?? "nil"): \(text.prefix(40))" }
  }

  @Test(arguments: [
    // Name + cue after the quote.
    Case(
      text: "“Las obras terminarán en marzo”, Marta Quiroga aseguró ante la prensa este lunes.",
      quote: 0, content: "Las obras terminarán en marzo", speaker: "Marta Quiroga"),
    // Inverted cue with a description: the description resolves to the named person.
    Case(
      text:
        "La alcaldesa Marta Quiroga visitó el puente de Valdelora. «No vamos a cerrar el mercado», aseveró la alcaldesa.",
      quote: 0, content: "No vamos a cerrar el mercado", speaker: "Marta Quiroga"),
    // Inverted cue with the name.
    Case(
      text:
        "El plan costará más de 50 millones de pesos. \"Habrá agua para todos\", afirmó Tomás Erreguerena Ibarra, titular de la comisión.",
      quote: 0, content: "Habrá agua para todos", speaker: "Tomás Erreguerena Ibarra"),
    // Subject-less cue: the speaker is the subject of the sentence before.
    Case(
      text:
        "Rodrigo Almazán Peña, secretario de Obras de Valdelora, explicó el calendario de las obras.\n\n\"El puente estará listo antes de fin de año\", subrayó.",
      quote: 0, content: "El puente estará listo antes de fin de año",
      speaker: "Rodrigo Almazán Peña"),
    // Cue before the quote, with a colon.
    Case(
      text: "La senadora Inés Carvajal respondió a las críticas: «Nadie ha perdido su empleo».",
      quote: 0, content: "Nadie ha perdido su empleo", speaker: "Inés Carvajal"),
    // Según X.
    Case(
      text: "\"La sequía durará dos años más\", según Joaquín Ledesma, investigador del instituto.",
      quote: 0, content: "La sequía durará dos años más", speaker: "Joaquín Ledesma"),
    // Nested marks: «…“…”…» is one quote.
    Case(
      text:
        "«El informe dice que la presa es “segura” y no lo es», declaró la diputada Elvira Sotomayor.",
      quote: 0, content: "El informe dice que la presa es “segura” y no lo es",
      speaker: "Elvira Sotomayor"),
    // Present and periphrastic forms.
    Case(
      text: "\"Vamos a revisar cada contrato\", ha dicho el gobernador Ernesto Villaseñor.",
      quote: 0, content: "Vamos a revisar cada contrato", speaker: "Ernesto Villaseñor"),
    Case(
      text: "\"No hay dinero para más\", explica la consultora Nadia Berrocal en un comunicado.",
      quote: 0, content: "No hay dinero para más", speaker: "Nadia Berrocal"),
    // A cue whose subject follows an adjunct.
    Case(
      text:
        "\"El tratamiento funciona en ratones\", señaló en un comunicado la doctora Beatriz Olaizola.",
      quote: 0, content: "El tratamiento funciona en ratones", speaker: "Beatriz Olaizola"),
    // A description whose article shows its gender: the latest woman named before it, not
    // the man named after her.
    Case(
      text:
        "La investigadora Lucía Ferrán Olmos presentó el estudio sobre la presa de Valdelora.\n\nEl rector Tomás Quiroga inauguró el acto en el auditorio.\n\nLa experta indicó que los ensayos siguen \"en una fase muy temprana\".",
      quote: 0, content: "en una fase muy temprana", speaker: "Lucía Ferrán Olmos"),
    // A role written before the name, with its complements: the description repeats it.
    Case(
      text:
        "El embajador de Farlandia en Valdelora, Edvard K. Mirov, aclaró la norma del torneo.\n\n\"Las reglas son las mismas para todos los aficionados\", estableció el embajador.",
      quote: 0, content: "Las reglas son las mismas para todos los aficionados",
      speaker: "Edvard K. Mirov"),
    // A bare "continuó:" continues the speaker before it; it is no name.
    Case(
      text:
        "La ministra Rosa Elvira Candamo habló ante el pleno del congreso.\n\nContinuó: «No habrá recortes en la educación pública».",
      quote: 0, content: "No habrá recortes en la educación pública",
      speaker: "Rosa Elvira Candamo"),
    // "dijo a EL HERALDO": the outlet the words were said to is not the speaker.
    Case(
      text:
        "Mateo Ruiz Albéniz, de once años, ganó el concurso de cocina de Valdelora.\n\n\"Estoy muy feliz por el premio y por mi familia\", dijo a EL HERALDO.",
      quote: 0, content: "Estoy muy feliz por el premio y por mi familia",
      speaker: "Mateo Ruiz Albéniz"),
  ])
  func attributes(_ c: Case) {
    let document = Pipeline.standard().run(text: c.text)
    #expect(document.language == "es")
    let quotes = DocumentBuilder.quoteTexts(document)
    #expect(quotes.indices.contains(c.quote) && quotes[c.quote] == c.content, "\(quotes)")
    guard document.attributions.indices.contains(c.quote) else {
      Issue.record("no attribution for quote \(c.quote)")
      return
    }
    #expect(document.attributions[c.quote].speaker == c.speaker)
  }

  @Test(arguments: [
    ("dijo", "say"), ("dice", "say"), ("decía", "say"), ("afirmó", "assert"),
    ("afirmaba", "assert"), ("afirmará", "assert"), ("afirmando", "assert"), ("señaló", "note"),
    ("señalan", "note"), ("sostuvo", "hold"), ("advirtió", "warn"), ("añadió", "add"),
    ("añade", "add"), ("recuerda", "recall"), ("reconoció", "admit"), ("puntualizó", "clarify"),
    ("insistió", "insist"), ("expresó", "state"),
  ])
  func spanishSpeechVerbForms(form: String, lemma: String) {
    #expect(Lexicon.spanish.speechVerbLemma(form) == lemma)
    #expect(Lexicon.english.speechVerbLemma(form) == nil, "Spanish forms stay out of English")
  }

  /// The learned scorer reads a Spanish candidate through the shared features and through
  /// copies marked with the language; an English candidate has only the shared ones.
  @Test func spanishCandidatesCarryLanguageCopiesOfTheirFeatures() {
    func copies(_ text: String) -> (all: Int, marked: Int) {
      let document = Pipeline.standard().run(Document(text: text), before: "attribution")
      let attributor = SpeakerAttributor(lexicon: .named(document.language ?? "en"))
      var all = 0
      var marked = 0
      _ = attributor.attributions(in: document, scorer: PrioritySpeakerScorer()) { _, found, _ in
        for candidate in found {
          all += candidate.features.count
          marked += candidate.features.filter { $0 >> 56 != 0 }.count
        }
      }
      return (all, marked)
    }
    let spanish = copies(
      "\"Las obras terminarán en marzo\", aseguró Marta Quiroga, alcaldesa de Valdelora, ante la prensa este lunes."
    )
    let english = copies(
      "\"The works will end in March,\" said Martha Quinn, the mayor of Valdelora, to reporters on Monday."
    )
    #expect(spanish.marked > 0 && spanish.marked < spanish.all)
    #expect(english.all > 0 && english.marked == 0)
  }
}
