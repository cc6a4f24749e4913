import Testing

@testable import QuotidianCore

@Suite struct StatementTests {
  static func run(_ text: String, published: String = "2025-12-24") -> Document {
    Pipeline.standard().run(text: text, published: published)
  }

  struct SaidCase: Sendable, CustomStringConvertible {
    var text: String
    var value: String
    var occasion: String?
    var description: String { String(text.prefix(50)) }
  }

  @Test(arguments: [
    SaidCase(
      text: "“The dam is safe,” Mara Quell said on Tuesday at a press conference in Velin.",
      value: "2025-12-23", occasion: "press conference"),
    SaidCase(
      text: "“We will not pay,” Tomas Brey told reporters last month.", value: "2025-11",
      occasion: "remarks to reporters"),
    SaidCase(
      text: "In an interview in March, Ana Ruiz said: “The port must stay public.”",
      value: "2025-03", occasion: "interview"),
    SaidCase(
      text: "“Nothing has changed,” said Ivo Lande, the harbour master.", value: "2025-12-24",
      occasion: nil),
    SaidCase(
      text: "Ivo Lande said the strike that began on Monday was “over.”", value: "2025-12-24",
      occasion: nil),
  ])
  func quotesAreDatedByTheirClauseElseByTheArticle(_ c: SaidCase) {
    let document = Self.run(c.text)
    #expect(document.quotes.count == 1)
    #expect(document.said.first?.value?.iso == c.value)
    #expect(document.said.first?.occasion == c.occasion)
  }

  struct ReportedCase: Sendable, CustomStringConvertible {
    var text: String
    var content: String?
    var speaker: String?
    var description: String { String(text.prefix(50)) }
  }

  @Test(arguments: [
    ReportedCase(
      text:
        "Governor Lena Varga said on Monday that the Brisa bridge would be finished by the end of the year.",
      content: "the Brisa bridge would be finished by the end of the year", speaker: "Lena Varga"),
    ReportedCase(
      text: "Tomas Brey told reporters that the mill had no buyers left.",
      content: "the mill had no buyers left",
      speaker: "Tomas Brey"),
    ReportedCase(
      text: "The army will leave the valley by March, Colonel Piet Aros said.",
      content: "The army will leave the valley by March",
      speaker: "Piet Aros"),
    ReportedCase(
      text: "“The army will leave,” Colonel Piet Aros said.", content: nil, speaker: nil),
    ReportedCase(text: "The report said nothing.", content: nil, speaker: nil),
  ])
  func reportedSpeechHasItsSpeaker(_ c: ReportedCase) {
    let document = Self.run(c.text)
    let item = document.reported.first
    #expect(item.map { document.string($0.content) } == c.content)
    if c.content != nil { #expect(item?.speaker == c.speaker) }
    #expect(document.quotes.allSatisfy { $0.kind != .indirect })
  }

  struct PromiseCase: Sendable, CustomStringConvertible {
    var text: String
    var published: String
    var deadline: String?
    var horizon: String?
    var description: String { String(text.prefix(50)) }
  }

  @Test(arguments: [
    PromiseCase(
      text: "“The bridge will be finished by the end of the year,” Lena Varga said.",
      published: "2025-03-10", deadline: "2025-12-31", horizon: nil),
    PromiseCase(
      text: "Lena Varga said in May that the tunnel would open within six months.",
      published: "2025-12-24", deadline: "2025-11-01", horizon: nil),
    PromiseCase(
      text: "“We will have the roof done before the summer,” Lena Varga said.",
      published: "2026-01-15", deadline: "2026-06-01", horizon: nil),
    PromiseCase(
      text: "“The strikes will start soon,” Piet Aros said.", published: "2025-12-24",
      deadline: nil, horizon: "soon"),
    PromiseCase(
      text: "“The bridge was finished by the end of the year,” Lena Varga said.",
      published: "2025-03-10", deadline: nil, horizon: nil),
  ])
  func promisesGetDeadlinesCountedFromWhenTheyWereSaid(_ c: PromiseCase) {
    let document = Self.run(c.text, published: c.published)
    let promise = document.promises.first
    #expect(promise?.dueDate?.iso == c.deadline)
    #expect(promise?.horizon == c.horizon)
    if c.deadline != nil || c.horizon != nil {
      #expect(promise?.speaker == "Lena Varga" || promise?.speaker == "Piet Aros")
    }
  }

  @Test(arguments: [
    ("2025-06-01", "pending"), ("2025-12-05", "due"), ("2026-01-02", "overdue"),
  ])
  func promiseStatusDependsOnTheDay(_ day: String, _ status: String) {
    let document = Self.run(
      "“The bridge will be finished by the end of the year,” Lena Varga said.",
      published: "2025-03-10")
    #expect(document.promises.first?.status(on: CivilDate(iso: day)!) == status)
  }
}
