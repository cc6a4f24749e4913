import ArgumentParser
import Foundation
import QuotidianCore
import QuotidianStore

struct TallyCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tally",
    abstract: "Count the distinct occasions on which a speaker said something about a topic.",
    discussion: """
      The same statement reported by several articles, copies or rewrites counts once; \
      statements on different days count separately. --about matches words in any form \
      ("finish", "finished"), ignoring small words, not one exact string.
      """)

  @OptionGroup var store: StoreOptions
  @Option(help: "The speaker (full name or surname).") var speaker: String
  @Option(help: "What the statements are about: words, in any form.") var about: String?
  @Option(help: "Only occasions on or after this date (YYYY-MM-DD).") var since: String?
  @Option(help: "Only occasions on or before this date (YYYY-MM-DD).") var until: String?
  @Option(help: "Group the count by 'month'.") var by: String?
  @Flag(help: "Write JSON: {\"count\": N, \"occasions\": [{\"date\", \"quote\", \"articles\"}]}.")
  var json = false

  func validate() throws {
    for (name, value) in [("--since", since), ("--until", until)] {
      if let value, !DateArgument.isValid(value) {
        throw ValidationError("\(name) expects a date like 2025-12-24 or 2025-12, got '\(value)'")
      }
    }
    if let by, by != "month" { throw ValidationError("--by accepts only 'month', got '\(by)'") }
  }

  func run() async throws {
    let database = try await store.openForReading()
    let statements = try await database.saidStatements(speaker: speaker)
    if let problem = Tallies.ambiguity(speaker, names: statements.compactMap(\.speaker)) {
      throw CLIError(message: "error: " + problem)
    }
    let report = Tallies.tally(
      statements, about: about, since: since, until: until, byMonth: by == "month")
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
      var data = try encoder.encode(report)
      data.append(0x0A)
      FileHandle.standardOutput.write(data)
      return
    }
    var lines = ["\(report.count) occasion\(report.count == 1 ? "" : "s")"]
    if let months = report.byMonth {
      for (month, count) in months.sorted(by: { $0.key < $1.key }) {
        lines.append("  \(month): \(count)")
      }
    }
    let rows = report.occasions.map {
      [$0.date ?? $0.month ?? "?", $0.quote, $0.articles.joined(separator: ", ")]
    }
    lines.append(TableOutput.table(columns: ["date", "statement", "articles"], rows: rows))
    FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
  }
}
