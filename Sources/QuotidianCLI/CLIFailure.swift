import ArgumentParser
import Foundation
import QuotidianStore

/// A command that works on a store (`--db`): a store error without a path of its own is
/// reported under the store's name.
protocol StoreCommand {
  var store: StoreOptions { get }
}

extension ClaimsCommand: StoreCommand {}
extension DuplicatesCommand: StoreCommand {}
extension EntitiesCommand: StoreCommand {}
extension IngestCommand: StoreCommand {}
extension LedgerCommand: StoreCommand {}
extension MigrateCommand: StoreCommand {}
extension QuotesCommand: StoreCommand {}
extension RewritesCommand: StoreCommand {}
extension ServeCommand: StoreCommand {}
extension SpeakerCommand: StoreCommand {}
extension SpeakersCommand: StoreCommand {}
extension StatementsCommand: StoreCommand {}
extension StatusCommand: StoreCommand {}
extension StoriesCommand: StoreCommand {}
extension StoryCommand: StoreCommand {}
extension TallyCommand: StoreCommand {}
extension WatchCommand: StoreCommand {}

/// What a command's error prints and which code the process exits with: the command line's
/// counterpart of argument-parser's `MessageInfo`.
enum CLIFailure {
  /// The message and exit code for an error that `command`'s `run()` threw, or nil when
  /// argument-parser should report it (usage errors, `--help`, an `ExitCode` for failures
  /// already reported).
  static func of(_ error: any Error, from command: (any ParsableCommand)? = nil) -> (
    message: String, code: Int32
  )? {
    switch error {
    case let error as StoreError
    where error.source == nil && !SpeakerNames.isAmbiguity(error):
      // A query failed: name the store, as every other error names its file.
      let store = (command as? any StoreCommand)?.store.displayName
      return ((store.map { "\($0): " } ?? "") + error.description, 1)
    case let error as any CommandLineReportable:
      return (error.commandLineMessage, error.commandLineExitCode)
    case _ where String(reflecting: type(of: error)).hasPrefix("ArgumentParser."):
      // `ExitCode`, `CleanExit`, `ValidationError`, and the parser's own errors (its help
      // command throws one from `run()` for `--help`): argument-parser's to report.
      return nil
    default:
      // An error no boundary type names (an encoder's, Foundation's): still one line,
      // never argument-parser's `Error:` form or a Swift dump.
      return ("error: \(error.localizedDescription)", 1)
    }
  }
}
