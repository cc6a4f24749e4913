import ArgumentParser
import Foundation
import QuotidianFetch
import QuotidianReaders
import QuotidianServer
import QuotidianStore

/// A failure a command hands up instead of printing it: `QuotidianCommand.main` turns every
/// error into one message and one exit code, in one place (``CLIFailure/of(_:)``).
struct CLIError: Error, CustomStringConvertible {
  /// The whole message, compiler style (`path: error: …`).
  var message: String
  var exitCode: Int32 = 1

  var description: String { message }
}

/// What a command's error prints and which code the process exits with.
enum CLIFailure {
  /// The message and exit code for `error`, or nil when argument-parser should report it
  /// (usage errors, `--help`, `ExitCode`).
  static func of(_ error: any Error) -> (message: String, code: Int32)? {
    switch error {
    case let error as CLIError: return (error.message, error.exitCode)
    case let error as StoreError: return (error.description, 1)
    case let error as ReadError: return (error.description, 1)
    case let error as FetchError: return (error.description, 1)
    case let error as WatchStateError: return (error.description, 1)
    case let error as ServeError: return (error.description, 1)
    default: return nil
    }
  }
}
