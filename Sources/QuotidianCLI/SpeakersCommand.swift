import ArgumentParser
import QuotidianStore

struct SpeakersCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "speakers", abstract: "List speakers by number of stored quotes.")

  @OptionGroup var store: StoreOptions
  @Option(help: "Only quotes from this outlet.") var outlet: String?
  @Option(help: "At most this many speakers.") var limit: Int?
  @Flag(help: "Count quotes of articles that copy another too (a copy never counts by default).")
  var includeCopies = false
  @OptionGroup var output: OutputFormatOptions

  func validate() throws {
    try QueryLimits.check(limit: limit)
    try QueryLimits.check(text: outlet, option: "--outlet")
  }

  func run() async throws {
    let database = try await store.openForReading()
    let speakers: [SpeakerSummary]
    do {
      speakers = try await database.speakers(
        SpeakerQuery(limit: limit, outlet: outlet, includeCopies: includeCopies))
    } catch {
      Terminal.error(error.description)
      throw ExitCode.failure
    }
    let columns = ["speaker", "quotes", "articles", "outlets", "first", "last", "roles"]
    let rows = speakers.map { speaker in
      [
        speaker.name, String(speaker.quoteCount), String(speaker.articleCount),
        speaker.outlets.joined(separator: "; "), speaker.firstQuoted ?? "",
        speaker.lastQuoted ?? "",
        speaker.roles.joined(separator: "; "),
      ]
    }
    try TableOutput.write(speakers, columns: columns, rows: rows, kind: output.kind)
  }
}
