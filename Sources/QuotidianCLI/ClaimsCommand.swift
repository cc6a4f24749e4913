import ArgumentParser
import QuotidianStore

struct ClaimsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "claims",
    abstract: "List numeric claims (numbers with their unit, qualifier and what they count).",
    discussion: """
      Each claim comes with its value, unit, qualifier, what it counts, the speaker when it \
      sits inside a quote, and its article. --about takes the search syntax of \
      `quotes --search`: words, "phrases", prefix*, AND, OR, NOT.
      """)

  @OptionGroup var store: StoreOptions
  @Option(help: "Words the claim or what it counts must match (e.g. \"overdoses OR deaths\").")
  var about: String?
  @Option(help: "Only claims inside quotes of this speaker (full name or surname).")
  var speaker: String?
  @Option(help: "Only articles published on or after this date (YYYY, YYYY-MM, YYYY-MM-DD).")
  var since: String?
  @Option(help: "Only articles published on or before this date.") var until: String?
  @Option(help: "At most this many claims (default 100).") var limit: Int?
  @OptionGroup var output: OutputFormatOptions

  func validate() throws {
    try QueryLimits.check(limit: limit)
    try QueryLimits.check(text: about, option: "--about")
    try QueryLimits.check(text: speaker, option: "--speaker")
    for (name, value) in [("--since", since), ("--until", until)] {
      if let value, !DateArgument.isValid(value) {
        throw ValidationError("\(name) expects a date like 2025-12-24 or 2025-12, got '\(value)'")
      }
    }
  }

  func run() async throws {
    let database = try await store.openForReading()
    let claims = try await database.claims(
      ClaimQuery(about: about, speaker: speaker, since: since, until: until, limit: limit ?? 100))
    let rows = claims.map { claim in
      [
        claim.text, claim.valueText, claim.unit ?? "", claim.qualifier ?? "",
        claim.counted ?? "", claim.speaker ?? "", claim.published ?? "", claim.article,
      ]
    }
    try TableOutput.write(
      claims,
      columns: [
        "claim", "value", "unit", "qualifier", "counted", "speaker", "published", "article",
      ],
      rows: rows, kind: output.kind)
  }
}
