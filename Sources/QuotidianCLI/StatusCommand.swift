import ArgumentParser
import Foundation
import Quotidian

struct StatusCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract:
      "Show the store's schema and size; for PostgreSQL, the ingest queue (pending, leased and failed jobs with their errors)."
  )

  @OptionGroup var store: StoreOptions
  @Flag(help: "Write JSON.") var json = false

  func run() async throws {
    let location = try store.location()
    let status = try await StoreMaintenance.status(location)
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
      var data = try encoder.encode(status)
      data.append(0x0A)
      FileHandle.standardOutput.write(data)
      return
    }
    var lines = ["store: \(status.store) (\(status.backend))"]
    if let version = status.schemaVersion, let latest = status.latestSchemaVersion {
      lines.append(
        "schema: version \(version)"
          + (version < latest ? " (run `quotidian migrate`: this quotidian knows \(latest))" : ""))
    }
    if let articles = status.articles { lines.append("articles: \(articles)") }
    if let queue = status.queue {
      lines.append(
        "ingest queue: \(queue.pending) pending, \(queue.leased) leased, \(queue.done) done, \(queue.failed) failed"
      )
      for job in queue.open {
        var line = "  \(job.state) \(job.input) (attempts \(job.attempts)"
        if let worker = job.worker, job.state == "leased" { line += ", worker \(worker)" }
        if let left = job.leaseSecondsLeft {
          line += left >= 0 ? ", lease \(Int(left)) s left" : ", lease ran out"
        }
        line += ")"
        if let error = job.error { line += ": \(error)" }
        lines.append(line)
      }
    }
    print(lines.map(Terminal.escaped).joined(separator: "\n"))
  }
}
