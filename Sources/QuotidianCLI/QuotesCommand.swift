import ArgumentParser
import QuotidianStore

struct QuotesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "quotes",
    abstract: "List stored quotes, filtered by speaker, words, dates, outlet or language.")

  @OptionGroup var store: StoreOptions
  @Option(help: "Only quotes by this speaker (full name or surname).") var speaker: String?
  @Option(help: "Full-text search over the quotes (FTS5 syntax: words, \"phrases\", OR, prefix*).")
  var search: String?
  @Option(help: "Only articles published on or after this date (YYYY-MM-DD).") var since: String?
  @Option(help: "Only articles published on or before this date (YYYY-MM-DD).") var until: String?
  @Option(help: "Only articles from this outlet.") var outlet: String?
  @Option(help: "Only articles in this language (ISO 639-1 code, as identified: en, es).")
  var language: String?
  @Option(help: "At most this many quotes.") var limit: Int?
  @Flag(
    help: "Include quotes of articles that copy another (each statement is listed once by default)."
  )
  var includeCopies = false
  @OptionGroup var output: OutputFormatOptions

  func validate() throws {
    for (name, value) in [("--since", since), ("--until", until)] {
      if let value, let problem = DateArgument.problem(value) {
        throw ValidationError(
          "\(name) '\(value)': \(problem); give a date like 2025-12-24 or 2025-12")
      }
    }
    try QueryLimits.check(limit: limit)
    try QueryLimits.check(text: speaker, option: "--speaker")
    try QueryLimits.check(text: outlet, option: "--outlet")
    try QueryLimits.check(text: language, option: "--language")
    if let search {
      try QueryLimits.check(text: search, option: "--search")
      if let problem = QuoteQuery.searchProblem(search) {
        throw ValidationError("--search: \(problem)")
      }
    }
  }

  func run() async throws {
    let database = try await store.openForReading()
    let quotes: [StoredQuote]
    do {
      quotes = try await database.quotes(
        QuoteQuery(
          speaker: speaker, search: search, since: since, until: until, outlet: outlet,
          language: language, limit: limit,
          includeCopies: includeCopies))
    } catch {
      Terminal.error(error.description)
      throw ExitCode.failure
    }
    var columns = ["speaker", "quote", "outlet", "published", "source"]
    var rows = quotes.map { quote in
      [quote.speaker ?? "", quote.text, quote.outlet ?? "", quote.published ?? "", quote.source]
    }
    if output.kind == .csv {
      // What a citation needs: the article's title and URL, and a stable quote id.
      columns += ["title", "url", "quote_id"]
      for (index, quote) in quotes.enumerated() {
        rows[index] += [quote.title ?? "", quote.url ?? "", quote.quoteID]
      }
    }
    try TableOutput.write(quotes, columns: columns, rows: rows, kind: output.kind)
  }
}

enum DateArgument {
  /// Nil when `value` is a real date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) or ISO 8601
  /// date-time; else what is wrong with it.
  static func problem(_ value: String) -> String? { DateBound.problem(value) }

  static func isValid(_ value: String) -> Bool { problem(value) == nil }
}
