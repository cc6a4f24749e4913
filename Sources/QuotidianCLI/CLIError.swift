/// A failure a command hands up instead of printing it: `QuotidianCommand.main` turns every
/// error into one message and one exit code, in one place (``CLIFailure/of(_:from:)``).
struct CLIError: Error, CustomStringConvertible {
  /// The whole message, compiler style (`path: error: …`).
  var message: String
  var exitCode: Int32 = 1

  var description: String { message }
}

extension CLIError: CommandLineReportable {
  var commandLineMessage: String { message }
  var commandLineExitCode: Int32 { exitCode }
}
