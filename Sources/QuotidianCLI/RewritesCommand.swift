import ArgumentParser
import QuotidianStore

struct RewritesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rewrites",
    abstract:
      "List rewrites: articles that reuse an earlier article's quotes, with the quotes they altered.",
    discussion: """
      A rewrite shares quotes with an earlier article (aligned word by word) without being a \
      near copy of it. An altered quote is shown as a word-level diff ([-deleted-] {+inserted+}); \
      a change of negation, number, date or modal is flagged as a change of meaning.
      """)

  @OptionGroup var store: StoreOptions
  @Option(help: "At most this many rewrites.") var limit: Int?
  @OptionGroup var output: OutputFormatOptions

  func validate() throws { try LimitArgument.check(limit) }

  func run() async throws {
    let database = try await store.openForReading()
    let records: [RewriteRecord]
    do {
      records = try await database.rewrites(LinkQuery(limit: limit))
    } catch {
      Terminal.error(error.description)
      throw ExitCode.failure
    }
    guard output.kind == .table else {
      let rows = records.map {
        [
          $0.article, $0.original, String(format2: $0.similarity), String($0.sharedQuotes),
          String($0.alteredQuotes.count),
        ]
      }
      try TableOutput.write(
        records, columns: ["article", "original", "similarity", "shared quotes", "altered quotes"],
        rows: rows,
        kind: output.kind)
      return
    }
    if records.isEmpty {
      print("(none)")
      return
    }
    var lines: [String] = []
    for record in records {
      lines.append(
        "\(record.article)\n  rewrites \(record.original) (similarity \(String(format2: record.similarity)), "
          + "\(record.sharedQuotes) shared quote\(record.sharedQuotes == 1 ? "" : "s"), "
          + "\(record.alteredQuotes.count) altered)")
      for quote in record.alteredQuotes {
        let flag =
          quote.meaningChanged ? "  MEANING CHANGED (\(quote.changes.joined(separator: ", ")))" : ""
        lines.append("  \(quote.speaker ?? "unknown speaker"):\(flag)")
        lines.append("    original: “\(quote.original)”")
        lines.append("    variant:  “\(quote.variant)”")
        lines.append("    diff:     \(quote.diff)")
      }
    }
    print(lines.joined(separator: "\n"))
  }
}
