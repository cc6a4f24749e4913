import ArgumentParser
import Quotidian

struct MigrateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "migrate",
    abstract: "Create the store or bring its schema up to date (SQLite file or postgres:// URL).")

  @OptionGroup var store: StoreOptions

  func run() async throws {
    let location = try store.location()
    let line = try await StoreMaintenance.migrate(location)
    print(Terminal.escaped(line))
  }
}
