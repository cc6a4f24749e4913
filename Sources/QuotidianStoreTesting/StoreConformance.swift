import Foundation
import QuotidianCore
public import QuotidianStore
import Testing

/// The single definition of what a ``QuotidianStore/Store`` must do. Every backend's tests run
/// every check:
///
/// ```swift
/// @Test(arguments: StoreConformance.checks)
/// func conforms(_ check: StoreConformance.Check) async throws {
///   try await check.run { try SQLiteStore.inMemory() }
/// }
/// ```
///
/// Each check gets a fresh, empty store from the factory and reports failures with `#expect`.
public enum StoreConformance {
  public typealias Factory = @Sendable () async throws -> any Store

  /// One named behaviour.
  public struct Check: Sendable, CustomStringConvertible {
    public let name: String
    let body: @Sendable (any Store) async throws -> Void

    public func run(_ makeStore: Factory) async throws { try await body(makeStore()) }
    public var description: String { name }
  }

  /// Every check, in a stable order.
  public static let checks: [Check] = [
    Check(name: "an empty store has nothing", body: emptyStoreHasNothing),
    Check(name: "a saved article's quotes round-trip", body: savedQuotesRoundTrip),
    Check(name: "saving again changes nothing", body: savingAgainChangesNothing),
    Check(
      name: "identity ignores whitespace and Unicode form",
      body: identityIgnoresWhitespaceAndUnicodeForm),
    Check(name: "identity is the content, not the URL or source", body: identityIsTheContent),
    Check(name: "quotes come newest first, then in text order", body: quotesComeNewestFirst),
    Check(name: "speaker filter matches names and their parts", body: speakerFilter),
    Check(name: "search filter uses full-text syntax", body: searchFilter),
    Check(name: "invalid search is a query error", body: invalidSearchIsAQueryError),
    Check(name: "date filters are inclusive at any precision", body: dateFilters),
    Check(name: "invalid dates are query errors", body: invalidDatesAreQueryErrors),
    Check(name: "outlet filter ignores case", body: outletFilter),
    Check(name: "language filter ignores case", body: languageFilter),
    Check(name: "limit caps the results", body: limitCapsResults),
    Check(name: "filters combine", body: filtersCombine),
    Check(name: "blank filters are ignored", body: blankFiltersAreIgnored),
    Check(name: "blank speakers are stored as unknown", body: blankSpeakersAreUnknown),
    Check(name: "speakers are summarised, most quoted first", body: speakersSummary),
    Check(name: "speakers take an outlet filter and a limit", body: speakersOutletAndLimit),
    Check(
      name: "a failed save leaves nothing behind and loses nothing", body: failedSaveLosesNothing),
    Check(name: "concurrent saves are each applied once", body: concurrentSaves),
    Check(name: "a batch save is each article's own save", body: batchSaveIsEachArticlesSave),
    Check(
      name: "said statements name their article, outlet and title, a copy its own",
      body: statementsNameTheirReports),
    Check(
      name: "promises name their article, outlet and title, a copy its own",
      body: promisesNameTheirReports),
  ]

  /// Runs every check, identity included, each on a fresh store.
  public static func runAll(_ makeStore: Factory) async throws {
    for check in checks + identityChecks + linkChecks { try await check.run(makeStore) }
  }

  // MARK: Helpers

  /// Saves every fixture, in `StoreFixtures.all` order.
  @discardableResult
  public static func saveAll(_ store: any Store) async throws -> [SaveOutcome] {
    var outcomes: [SaveOutcome] = []
    for result in StoreFixtures.all { outcomes.append(try await store.save(result)) }
    return outcomes
  }

  static func texts(_ store: any Store, _ query: QuoteQuery) async throws -> [String] {
    try await store.quotes(query).map(\.text)
  }

  /// The texts of the fixtures' quotes that satisfy `keep`, in the store's order.
  static func expectedTexts(
    where keep: (ExtractionResult, ExtractionResult.QuoteRecord) -> Bool = { _, _ in true }
  ) -> [String] {
    StoreFixtures.newestFirst.flatMap { article in
      article.quotes.filter { keep(article, $0) }.map(\.text)
    }
  }

  static func queryError(_ body: () async throws -> Void) async -> StoreError? {
    do {
      try await body()
      return nil
    } catch let error as StoreError {
      return error
    } catch {
      Issue.record("expected a StoreError, got \(error)")
      return nil
    }
  }

  // MARK: Checks

  static func emptyStoreHasNothing(_ store: any Store) async throws {
    #expect(try await store.articleCount() == 0)
    #expect(try await store.quotes(QuoteQuery()).isEmpty)
    #expect(try await store.speakers(SpeakerQuery()).isEmpty)
  }

  static func savedQuotesRoundTrip(_ store: any Store) async throws {
    let article = StoreFixtures.harbourPlan
    let outcome = try await store.save(article)
    #expect(outcome.isInserted)
    #expect(try await store.articleCount() == 1)
    let expected = article.quotes.enumerated().map { position, quote in
      StoredQuote(
        articleID: outcome.articleID, source: article.source, title: article.title,
        outlet: article.outlet,
        published: article.published, text: quote.text, speaker: quote.speaker, kind: quote.kind,
        cue: quote.cue, rule: quote.rule, confidence: quote.confidence, start: quote.start,
        end: quote.end,
        url: article.url, position: position)
    }
    #expect(try await store.quotes(QuoteQuery()) == expected)
    for stored in try await store.quotes(QuoteQuery()) {
      let scalars = Array(article.text.unicodeScalars)
      let slice = String(String.UnicodeScalarView(scalars[stored.start..<stored.end]))
      #expect(slice == stored.text, "offsets reproduce the quote")
    }
  }

  static func savingAgainChangesNothing(_ store: any Store) async throws {
    let first = try await saveAll(store)
    let before = try await store.quotes(QuoteQuery())
    let second = try await saveAll(store)
    #expect(first.allSatisfy { $0.isInserted })
    #expect(second == first.map { .unchanged(articleID: $0.articleID) })
    #expect(Set(first.map(\.articleID)).count == first.count, "distinct articles get distinct IDs")
    #expect(try await store.articleCount() == StoreFixtures.all.count)
    #expect(try await store.quotes(QuoteQuery()) == before)
  }

  static func identityIgnoresWhitespaceAndUnicodeForm(_ store: any Store) async throws {
    let original = StoreFixtures.harbourPlan
    let id = try await store.save(original).articleID
    var respaced = original
    respaced.text = "\n  " + original.text.replacing(" ", with: " \n\t ") + "  \n"
    respaced.quotes = []
    var decomposed = original
    decomposed.text = original.text.decomposedStringWithCanonicalMapping
    #expect(
      decomposed.text.unicodeScalars.count != original.text.unicodeScalars.count,
      "fixture has accents")
    decomposed.quotes = []
    #expect(try await store.save(respaced) == .unchanged(articleID: id))
    #expect(try await store.save(decomposed) == .unchanged(articleID: id))
    #expect(try await store.articleCount() == 1)
    #expect(try await store.quotes(QuoteQuery()).count == original.quotes.count)
  }

  static func identityIsTheContent(_ store: any Store) async throws {
    let original = StoreFixtures.harbourPlan
    var otherURL = original
    otherURL.url = "https://mirror.example/harbour-plan"
    var sameURLOtherSource = original
    sameURLOtherSource.source = "elsewhere/harbour.html"
    let withoutURL = StoreFixtures.libraries
    var otherSource = withoutURL
    otherSource.source = "fixtures/notes/copy-of-libraries.txt"

    let id = try await store.save(original).articleID
    #expect(
      try await store.save(otherURL) == .unchanged(articleID: id),
      "same text at another URL is a copy")
    #expect(try await store.save(sameURLOtherSource) == .unchanged(articleID: id))
    let libraries = try await store.save(withoutURL)
    #expect(libraries.isInserted)
    #expect(try await store.save(otherSource) == .unchanged(articleID: libraries.articleID))
    #expect(try await store.articleCount() == 2)
    #expect(
      try await store.quotes(QuoteQuery()).count == original.quotes.count + withoutURL.quotes.count)
  }

  static func quotesComeNewestFirst(_ store: any Store) async throws {
    let outcomes = try await saveAll(store)
    #expect(try await texts(store, QuoteQuery()) == expectedTexts())
    let idBySource = Dictionary(
      uniqueKeysWithValues: zip(StoreFixtures.all.map(\.source), outcomes.map(\.articleID)))
    for quote in try await store.quotes(QuoteQuery()) {
      #expect(quote.articleID == idBySource[quote.source])
    }
  }

  static func speakerFilter(_ store: any Store) async throws {
    try await saveAll(store)
    let cases: [(query: String, speaker: String?)] = [
      ("Ana María Benítez", "Ana María Benítez"),
      ("Benítez", "Ana María Benítez"),
      ("benitez", "Ana María Benítez"),
      ("BENÍTEZ", "Ana María Benítez"),
      ("María Benítez", "Ana María Benítez"),
      ("Tomas", "Tomás Ruiz"),
      ("Varga", "Claudia Varga"),
      ("Vargas", "Oskar Vargas"),
      ("Varg", nil),
      ("Nobody", nil),
    ]
    for (query, speaker) in cases {
      let expected =
        speaker.map { name in expectedTexts { _, quote in quote.speaker == name } } ?? []
      #expect(try await texts(store, QuoteQuery(speaker: query)) == expected, "speaker \(query)")
    }
  }

  static func searchFilter(_ store: any Store) async throws {
    try await saveAll(store)
    let cases: [(search: String, expected: [String])] = [
      (
        "jobs",
        ["The harbour jobs depend on the railway,", "create hundreds of jobs by next summer"]
      ),
      ("JOBS summer", ["create hundreds of jobs by next summer"]),
      ("\"public money\"", ["a gamble with public money"]),
      ("\"money public\"", []),
      ("talk*", ["We are ready to talk tomorrow."]),
      (
        "ministry OR tomorrow",
        ["We are ready to talk tomorrow.", "We will not wait for the ministry,"]
      ),
      ("jobs NOT harbour", ["create hundreds of jobs by next summer"]),
      ("(ready OR final) figures", ["The figures are final."]),
      ("drivers, think!", ["Nobody asked the drivers what they think,"]),
      ("they're", []),
      ("libraries AND winter", ["Libraries stay open all winter,"]),
      ("Benítez", []),
    ]
    for (search, expected) in cases {
      #expect(try await texts(store, QuoteQuery(search: search)) == expected, "search \(search)")
    }
  }

  static func invalidSearchIsAQueryError(_ store: any Store) async throws {
    try await saveAll(store)
    for search in [
      "\"unterminated phrase", "OR jobs", "jobs OR", "(jobs", "jobs)", "NOT", "jobs AND", "- & —",
    ] {
      let error = await queryError { _ = try await store.quotes(QuoteQuery(search: search)) }
      #expect(error?.operation == "query", "search \(search)")
      #expect(error?.reason.contains(search) == true, "the message quotes the search: \(search)")
    }
  }

  static func dateFilters(_ store: any Store) async throws {
    try await saveAll(store)
    let cases: [(since: String?, until: String?, articles: [ExtractionResult])] = [
      ("2025", nil, [StoreFixtures.railStrike, StoreFixtures.harbourPlan]),
      ("2025-04", nil, [StoreFixtures.railStrike]),
      ("2025-04-02", nil, [StoreFixtures.railStrike]),
      ("2025-04-02T08:00", nil, [StoreFixtures.railStrike]),
      ("2025-04-02T09:00:00Z", nil, []),
      (nil, "2025-03-14", [StoreFixtures.harbourPlan, StoreFixtures.budget]),
      (
        nil, "2025-04-02",
        [StoreFixtures.railStrike, StoreFixtures.harbourPlan, StoreFixtures.budget]
      ),
      (nil, "2024", [StoreFixtures.budget]),
      ("2025-03-14", "2025-03-14", [StoreFixtures.harbourPlan]),
      ("2025-03", "2025-03", [StoreFixtures.harbourPlan]),
      ("2024-12", "2025-02", []),
    ]
    for (since, until, articles) in cases {
      let sources = Set(articles.map(\.source))
      let expected = expectedTexts { article, _ in sources.contains(article.source) }
      #expect(
        try await texts(store, QuoteQuery(since: since, until: until)) == expected,
        "since \(since ?? "-") until \(until ?? "-")")
    }
  }

  static func invalidDatesAreQueryErrors(_ store: any Store) async throws {
    try await saveAll(store)
    for date in ["yesterday", "2025-4-1", "20250401", "25-04-01", "2025-04-01x"] {
      let since = await queryError { _ = try await store.quotes(QuoteQuery(since: date)) }
      let until = await queryError { _ = try await store.quotes(QuoteQuery(until: date)) }
      #expect(since?.operation == "query" && since?.reason.contains(date) == true, "since \(date)")
      #expect(until?.operation == "query" && until?.reason.contains(date) == true, "until \(date)")
    }
  }

  static func outletFilter(_ store: any Store) async throws {
    try await saveAll(store)
    let gazette = expectedTexts { article, _ in article.outlet?.lowercased() == "aldren gazette" }
    #expect(gazette.count == 5)
    #expect(try await texts(store, QuoteQuery(outlet: "aldren gazette")) == gazette)
    #expect(try await texts(store, QuoteQuery(outlet: "Aldren Gazette")) == gazette)
    #expect(
      try await texts(store, QuoteQuery(outlet: "NORTHERN LEDGER"))
        == StoreFixtures.railStrike.quotes.map(\.text))
    #expect(try await texts(store, QuoteQuery(outlet: "Aldren")).isEmpty, "outlets match whole")
  }

  static func languageFilter(_ store: any Store) async throws {
    try await saveAll(store)
    var spanish = StoreFixtures.libraries
    spanish.source = "fixtures/notes/bibliotecas.txt"
    spanish.language = "es"
    spanish.text += "\n\nNota de la redacción: traducción revisada."
    try await store.save(spanish)
    let all = try await texts(store, QuoteQuery(includeCopies: true))
    #expect(all.count == expectedTexts().count + spanish.quotes.count)
    #expect(
      try await texts(store, QuoteQuery(language: "es", includeCopies: true))
        == spanish.quotes.map(\.text))
    #expect(
      try await texts(store, QuoteQuery(language: "EN", includeCopies: true)).count
        == expectedTexts().count)
    #expect(try await texts(store, QuoteQuery(language: "fr", includeCopies: true)).isEmpty)
  }

  static func limitCapsResults(_ store: any Store) async throws {
    try await saveAll(store)
    let all = expectedTexts()
    for limit in [0, 1, 2, all.count, all.count + 5] {
      #expect(
        try await texts(store, QuoteQuery(limit: limit)) == Array(all.prefix(limit)),
        "limit \(limit)")
    }
  }

  static func filtersCombine(_ store: any Store) async throws {
    try await saveAll(store)
    #expect(
      try await texts(store, QuoteQuery(speaker: "Ruiz", since: "2025", outlet: "aldren gazette"))
        == ["a gamble with public money"])
    #expect(
      try await texts(
        store, QuoteQuery(speaker: "Benítez", search: "harbour OR ministry", limit: 1))
        == ["The harbour jobs depend on the railway,"])
    #expect(try await texts(store, QuoteQuery(speaker: "Varga", outlet: "Aldren Gazette")).isEmpty)
  }

  static func blankFiltersAreIgnored(_ store: any Store) async throws {
    try await saveAll(store)
    #expect(
      try await texts(
        store, QuoteQuery(speaker: " ", search: "", since: "", until: "  ", outlet: ""))
        == expectedTexts())
  }

  static func blankSpeakersAreUnknown(_ store: any Store) async throws {
    var article = StoreFixtures.libraries
    article.quotes[0].speaker = " \n"
    _ = try await store.save(article)
    #expect(try await store.quotes(QuoteQuery()).map(\.speaker) == [nil])
    #expect(try await store.speakers(SpeakerQuery()).isEmpty)
    #expect(try await store.speakers(SpeakerQuery(outlet: " ")).isEmpty)
  }

  static func speakersSummary(_ store: any Store) async throws {
    try await saveAll(store)
    let expected = [
      SpeakerSummary(
        name: "Ana María Benítez", quoteCount: 3, articleCount: 2,
        outlets: ["Aldren Gazette", "Northern Ledger"],
        firstQuoted: "2025-03-14", lastQuoted: "2025-04-02T08:30:00Z"),
      SpeakerSummary(
        name: "Claudia Varga", quoteCount: 2, articleCount: 1, outlets: ["Northern Ledger"],
        firstQuoted: "2025-04-02T08:30:00Z", lastQuoted: "2025-04-02T08:30:00Z"),
      SpeakerSummary(
        name: "Tomás Ruiz", quoteCount: 2, articleCount: 2,
        outlets: ["ALDREN GAZETTE", "Aldren Gazette"],
        firstQuoted: "2024-11-30", lastQuoted: "2025-03-14"),
      SpeakerSummary(
        name: "Oskar Vargas", quoteCount: 1, articleCount: 1, outlets: [], firstQuoted: nil,
        lastQuoted: nil),
    ]
    #expect(try await store.speakers(SpeakerQuery()) == expected)
  }

  static func speakersOutletAndLimit(_ store: any Store) async throws {
    try await saveAll(store)
    let gazette = try await store.speakers(SpeakerQuery(outlet: "aldren GAZETTE"))
    #expect(gazette.map(\.name) == ["Ana María Benítez", "Tomás Ruiz"])
    #expect(gazette.map(\.quoteCount) == [2, 2])
    #expect(gazette.map(\.articleCount) == [1, 2])
    #expect(gazette.first?.outlets == ["Aldren Gazette"])
    #expect(try await store.speakers(SpeakerQuery(limit: 1)).map(\.name) == ["Ana María Benítez"])
    #expect(try await store.speakers(SpeakerQuery(limit: 0)).isEmpty)
    #expect(
      try await store.speakers(SpeakerQuery(outlet: "  ")).count == 4, "a blank outlet is no filter"
    )
  }

  static func failedSaveLosesNothing(_ store: any Store) async throws {
    let kept = try await store.save(StoreFixtures.harbourPlan)
    let before = try await store.quotes(QuoteQuery())
    var broken = StoreFixtures.railStrike
    broken.quotes[2].end = broken.text.unicodeScalars.count + 10
    let error = await queryError { _ = try await store.save(broken) }
    #expect(error?.operation == "save")
    #expect(error?.source == broken.source)
    var notANumber = StoreFixtures.railStrike
    notANumber.quotes[1].confidence = .nan
    #expect(await queryError { _ = try await store.save(notANumber) }?.operation == "save")

    #expect(try await store.articleCount() == 1)
    #expect(try await store.quotes(QuoteQuery()) == before, "nothing half-written, nothing lost")
    #expect(try await store.quotes(QuoteQuery(speaker: "Varga")).isEmpty)
    let retried = try await store.save(StoreFixtures.railStrike)
    #expect(
      retried.isInserted && retried.articleID != kept.articleID,
      "the article can be saved once fixed")
    #expect(try await store.articleCount() == 2)
  }

  static func batchSaveIsEachArticlesSave(_ store: any Store) async throws {
    var broken = StoreFixtures.railStrike
    broken.quotes[2].end = broken.text.unicodeScalars.count + 10
    let batch = [
      StoreFixtures.harbourPlan, broken, StoreFixtures.budget, StoreFixtures.harbourPlan,
      StoreFixtures.libraries,
    ]
    let outcomes = await store.saveAll(batch)
    #expect(outcomes.count == batch.count)
    let saved = outcomes.map { try? $0.get() }
    #expect(
      saved[0]?.isInserted == true && saved[2]?.isInserted == true && saved[4]?.isInserted == true)
    #expect(
      saved[3] == .unchanged(articleID: saved[0]?.articleID ?? -1),
      "a repeat in the batch is unchanged")
    if case .failure(let error) = outcomes[1] {
      #expect(error.operation == "save" && error.source == broken.source)
    } else {
      Issue.record("the broken article was saved")
    }
    #expect(try await store.articleCount() == 3)
    #expect(try await store.quotes(QuoteQuery(speaker: "Varga")).isEmpty)
    #expect(await store.saveAll([]).isEmpty)
    let again = await store.saveAll([StoreFixtures.budget, StoreFixtures.railStrike])
    #expect((try? again[0].get()) == .unchanged(articleID: saved[2]?.articleID ?? -1))
    #expect((try? again[1].get())?.isInserted == true)
    #expect(try await store.articleCount() == 4)
  }

  static func concurrentSaves(_ store: any Store) async throws {
    let results = StoreFixtures.all + StoreFixtures.all + StoreFixtures.all
    let outcomes = try await withThrowingTaskGroup(of: (String, SaveOutcome).self) { group in
      for result in results { group.addTask { (result.source, try await store.save(result)) } }
      var outcomes: [(String, SaveOutcome)] = []
      for try await outcome in group { outcomes.append(outcome) }
      return outcomes
    }
    #expect(outcomes.filter { $0.1.isInserted }.count == StoreFixtures.all.count)
    let idsBySource = Dictionary(grouping: outcomes, by: \.0).mapValues {
      Set($0.map(\.1.articleID))
    }
    #expect(idsBySource.values.allSatisfy { $0.count == 1 }, "one ID per article")
    #expect(try await store.articleCount() == StoreFixtures.all.count)
    #expect(try await store.quotes(QuoteQuery()).count == expectedTexts().count)
  }

  /// What `tally` shows as evidence: each report's stored article, outlet, title and date;
  /// an exact copy under another outlet (a sighting of the same article) carries its own.
  static func statementsNameTheirReports(_ store: any Store) async throws {
    guard let statements = store as? any StatementStore else {
      Issue.record("\(type(of: store)) keeps no statements")
      return
    }
    let original = StoreFixtures.harbourPlan
    var copy = original
    copy.source = "mirror/harbour-plan.txt"
    copy.outlet = "Valley Post"
    copy.title = "Harbour plan (wire)"
    copy.published = "2025-03-20"
    let id = try await store.save(original).articleID
    #expect(try await store.save(copy) == .unchanged(articleID: id))
    guard let speaker = original.quotes.compactMap(\.speaker).first else {
      Issue.record("the fixture has a quote with a speaker")
      return
    }
    let said = try await statements.saidStatements(speaker: speaker)
    let first = said.filter { $0.article == original.source }
    let copied = said.filter { $0.article == copy.source }
    #expect(!first.isEmpty && first.count == copied.count, "\(said)")
    #expect(said.allSatisfy { $0.articleID == id })
    #expect(first.allSatisfy { $0.outlet == original.outlet && $0.title == original.title })
    #expect(first.allSatisfy { $0.published == original.published })
    #expect(copied.allSatisfy { $0.outlet == "Valley Post" && $0.title == "Harbour plan (wire)" })
    #expect(copied.allSatisfy { $0.published == "2025-03-20" })
  }

  /// What the ledger shows as evidence: each promise's stored article, outlet and title.
  static func promisesNameTheirReports(_ store: any Store) async throws {
    guard let statements = store as? any StatementStore else {
      Issue.record("\(type(of: store)) keeps no statements")
      return
    }
    let text =
      "Governor Lena Varga said on Tuesday that the Brisa bridge would be finished by the end of the year."
    func result(_ source: String, outlet: String, title: String, published: String)
      -> ExtractionResult
    {
      ExtractionResult(
        document: Pipeline.standard().run(text: text, published: published),
        article: Article(
          text: text,
          metadata: ArticleMetadata(title: title, published: published, outlet: outlet),
          source: source, format: "text"))
    }
    let original = result(
      "courier/bridge.txt", outlet: "The Harbour Courier", title: "Bridge by December",
      published: "2026-02-04")
    #expect(!(original.promises ?? []).isEmpty, "the fixture holds a promise")
    let id = try await store.save(original).articleID
    let copy = result(
      "times/bridge.txt", outlet: "The Valley Times", title: "Varga: bridge this year",
      published: "2026-02-05")
    #expect(try await store.save(copy) == .unchanged(articleID: id))
    let promises = try await statements.promises(speaker: "Lena Varga")
    #expect(promises.map(\.article).sorted() == ["courier/bridge.txt", "times/bridge.txt"])
    #expect(promises.allSatisfy { $0.articleID == id })
    let first = promises.first { $0.article == "courier/bridge.txt" }
    #expect(first?.outlet == "The Harbour Courier" && first?.title == "Bridge by December")
    let copied = promises.first { $0.article == "times/bridge.txt" }
    #expect(copied?.outlet == "The Valley Times" && copied?.title == "Varga: bridge this year")
    #expect(copied?.published == "2026-02-05")
  }
}
