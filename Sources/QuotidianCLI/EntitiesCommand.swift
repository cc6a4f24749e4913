import ArgumentParser
import QuotidianStore

struct EntitiesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "entities",
    abstract: "List people, organisations, places and groups, one identity across articles.")

  static let types = ["person", "org", "place", "group"]

  @OptionGroup var store: StoreOptions
  @Option(help: "Only this type: \(types.joined(separator: ", ")).") var type: String?
  @Option(help: "Only entities with this name or alias (whole words).") var name: String?
  @Option(help: "At most this many entities.") var limit: Int?
  @OptionGroup var output: OutputFormatOptions

  func validate() throws {
    if let type, !Self.types.contains(type.lowercased()) {
      throw ValidationError(
        "--type expects one of \(Self.types.joined(separator: ", ")), got '\(type)'")
    }
    try QueryLimits.check(limit: limit)
    try QueryLimits.check(text: name, option: "--name")
  }

  func run() async throws {
    let database = try await store.openForReading()
    let entities: [EntitySummary]
    do {
      entities = try await database.entities(
        EntityQuery(type: type?.lowercased(), name: name, limit: limit))
    } catch {
      Terminal.error(error.description)
      throw ExitCode.failure
    }
    let columns = ["name", "type", "articles", "quotes", "aliases", "roles"]
    let rows = entities.map { entity in
      [
        entity.name, entity.type, String(entity.articleCount), String(entity.quoteCount),
        entity.aliases.filter { $0 != entity.name }.joined(separator: "; "),
        entity.roles.map(\.phrase).joined(separator: "; "),
      ]
    }
    try TableOutput.write(entities, columns: columns, rows: rows, kind: output.kind)
  }
}
