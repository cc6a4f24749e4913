import ArgumentParser

@main
struct QuotidianCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "quotidian",
    abstract: "Who said what, when, where, and who copied whom: quotes and speakers from the news.",
    version: "0.1.0",
    subcommands: [
      ExtractCommand.self, IngestCommand.self, QuotesCommand.self, SpeakersCommand.self,
    ])
}
