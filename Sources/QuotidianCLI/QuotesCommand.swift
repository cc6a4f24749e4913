import ArgumentParser
import QuotidianStore

struct QuotesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "quotes", abstract: "List stored quotes, filtered by speaker, words, dates or outlet.")

  @OptionGroup var store: StoreOptions
  @Option(help: "Only quotes by this speaker (full name or surname).") var speaker: String?
  @Option(help: "Full-text search over the quotes (FTS5 syntax: words, \"phrases\", OR, prefix*).")
  var search: String?
  @Option(help: "Only articles published on or after this date (YYYY-MM-DD).") var since: String?
  @Option(help: "Only articles published on or before this date (YYYY-MM-DD).") var until: String?
  @Option(help: "Only articles from this outlet.") var outlet: String?
  @Option(help: "At most this many quotes.") var limit: Int?
  @Flag(help: "Include quotes of articles that copy another (each statement is listed once by default).")
  var includeCopies = false
  @OptionGroup var output: OutputFormatOptions

  func validate() throws {
    for (name, value) in [("--since", since), ("--until", until)] {
      if let value, !DateArgument.isValid(value) {
        throw ValidationError("\(name) expects a date like 2025-12-24 or 2025-12, got '\(value)'")
      }
    }
  }

  func run() async throws {
    let database = try store.open()
    let quotes: [StoredQuote]
    do {
      quotes = try await database.quotes(
        QuoteQuery(speaker: speaker, search: search, since: since, until: until, outlet: outlet, limit: limit,
          includeCopies: includeCopies))
    } catch {
      Terminal.error(error.description)
      throw ExitCode.failure
    }
    let columns = ["speaker", "quote", "outlet", "published", "source"]
    let rows = quotes.map { quote in
      [quote.speaker ?? "", quote.text, quote.outlet ?? "", quote.published ?? "", quote.source]
    }
    try TableOutput.write(quotes, columns: columns, rows: rows, kind: output.kind)
  }
}

enum DateArgument {
  /// `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or an ISO 8601 date-time (`YYYY-MM-DDThh:mm…`).
  static func isValid(_ value: String) -> Bool {
    let date = value.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
    if date.count == 2 && (date[0].count != 10 || date[1].isEmpty) { return false }
    let parts = date[0].split(separator: "-", omittingEmptySubsequences: false)
    guard (1...3).contains(parts.count), parts[0].count == 4 else { return false }
    return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
      && parts.dropFirst().allSatisfy { $0.count == 2 }
  }
}
