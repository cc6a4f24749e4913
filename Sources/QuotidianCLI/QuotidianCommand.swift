import ArgumentParser
import Foundation

@main
struct QuotidianCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "quotidian",
    abstract: "Who said what, when, where, and who copied whom: quotes and speakers from the news.",
    version: "0.1.0",
    subcommands: [
      ExtractCommand.self, IngestCommand.self, QuotesCommand.self, SpeakersCommand.self, SpeakerCommand.self,
      EntitiesCommand.self, WatchCommand.self,
    ])

  /// Exit codes: 0 success, 1 error, 2 usage (argument-parser's default for usage is 64).
  static func main() async {
    do {
      var command = try parseAsRoot()
      if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch {
      let code = exitCode(for: error)
      if code == .validationFailure {
        Terminal.writeStderr(fullMessage(for: error) + "\n")
        Foundation.exit(2)
      }
      exit(withError: error)
    }
  }
}
