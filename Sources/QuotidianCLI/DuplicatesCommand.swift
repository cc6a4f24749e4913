import ArgumentParser
import QuotidianStore

struct DuplicatesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "duplicates",
    abstract:
      "List copies: the same text under another path or format (exact) and near copies (near).",
    discussion: """
      An exact copy has the same words as a stored article (whitespace, punctuation, case and \
      format aside); a near copy's 4-word shingles are at least 60% like an earlier article's \
      (Jaccard similarity estimated by MinHash). Each copy names the earliest article it copies.
      """)

  @OptionGroup var store: StoreOptions
  @Option(help: "At most this many copies.") var limit: Int?
  @OptionGroup var output: OutputFormatOptions

  func validate() throws { try LimitArgument.check(limit) }

  func run() async throws {
    let database = try await store.openForReading()
    let records: [DuplicateRecord]
    do {
      records = try await database.duplicates(LinkQuery(limit: limit))
    } catch {
      Terminal.error(error.description)
      throw ExitCode.failure
    }
    let rows = records.map {
      [$0.article, $0.duplicateOf, $0.kind, String(format2: $0.similarity)]
    }
    try TableOutput.write(
      records, columns: ["article", "duplicate of", "kind", "similarity"], rows: rows,
      kind: output.kind)
  }
}

enum LimitArgument {
  static func check(_ limit: Int?) throws {
    if let limit, limit < 0 {
      throw ValidationError("--limit expects a number of 0 or more, got \(limit)")
    }
  }
}

extension String {
  /// A similarity with two decimals.
  init(format2 value: Double) {
    let hundredths = Int((value * 100).rounded())
    let fraction = hundredths % 100
    self = "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
  }
}
