import QuotidianFetch
import QuotidianReaders
import QuotidianServer
import QuotidianStore

/// An error that knows how the command line reports it: the message printed on stderr
/// (`path: error: …`) and the process's exit code.
protocol CommandLineReportable: Error {
  var commandLineMessage: String { get }
  var commandLineExitCode: Int32 { get }
}

extension CommandLineReportable {
  var commandLineExitCode: Int32 { 1 }
}

// The library errors already describe themselves compiler style (`path: error: …`).
extension StoreError: CommandLineReportable {
  /// A name that fits several people is the user's to narrow, not a store failure.
  var commandLineMessage: String {
    SpeakerNames.isAmbiguity(self) ? "error: \(reason)" : description
  }
}
extension ReadError: CommandLineReportable { var commandLineMessage: String { description } }
extension FetchError: CommandLineReportable { var commandLineMessage: String { description } }
extension WatchStateError: CommandLineReportable {
  var commandLineMessage: String { description }
}
extension ServeError: CommandLineReportable { var commandLineMessage: String { description } }
