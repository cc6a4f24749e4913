import ArgumentParser
import Foundation
import QuotidianCore
import QuotidianStore

struct LedgerCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ledger",
    abstract:
      "Promises and predictions with their deadlines, and whether they are pending, due or overdue."
  )

  @OptionGroup var store: StoreOptions
  @Option(help: "Only this speaker's promises (full name or surname).") var speaker: String?
  @Option(name: .customLong("as-of"), help: "Status as of this day (YYYY-MM-DD; default: today).")
  var asOf: String?
  @Flag(help: "Write JSON: [{\"speaker\", \"text\", \"deadline\", \"status\", \"article\"}].")
  var json = false

  func validate() throws {
    if let asOf, CivilDate(iso: asOf) == nil {
      throw ValidationError("--as-of expects a day like 2026-03-01, got '\(asOf)'")
    }
  }

  func run() async throws {
    let database = try await store.openForReading()
    let promises: [StoredPromise] = try await database.promises(speaker: speaker)
    if let speaker,
      let problem = Tallies.ambiguity(speaker, names: promises.compactMap(\.speaker))
    {
      throw CLIError(message: "error: " + problem)
    }
    let day = asOf.flatMap(CivilDate.init(iso:)) ?? Self.today()
    let entries = Tallies.ledger(promises, asOf: day)
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
      var data = try encoder.encode(entries)
      data.append(0x0A)
      FileHandle.standardOutput.write(data)
      return
    }
    let rows = entries.map {
      [
        $0.speaker ?? "", $0.text, $0.deadline ?? $0.horizon ?? "", $0.status, $0.said ?? "",
        $0.article,
      ]
    }
    let table = TableOutput.table(
      columns: ["speaker", "promise", "deadline", "status", "said", "article"], rows: rows)
    FileHandle.standardOutput.write(Data((table + "\n").utf8))
  }

  /// Today in UTC.
  static func today() -> CivilDate {
    CivilDate(dayNumber: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
  }
}
