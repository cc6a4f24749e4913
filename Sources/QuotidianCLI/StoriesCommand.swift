import ArgumentParser
import Foundation
import QuotidianStore

struct StoriesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stories",
    abstract:
      "List storylines: events (articles about one happening, days apart) chained over months.")

  @OptionGroup var store: StoreOptions
  @Option(help: "At most this many storylines.") var limit: Int?
  @OptionGroup var output: OutputFormatOptions

  func validate() throws { try LimitArgument.check(limit) }

  func run() async throws {
    let database = try await store.openForReading()
    let stories: [StorySummary] = try await database.stories(StoryQuery(limit: limit))
    let rows = stories.map { story in
      [
        String(story.id), story.title, String(story.events.count), String(story.articles.count),
        story.firstPublished ?? "", story.lastPublished ?? "",
        story.outlets.joined(separator: "; "),
      ]
    }
    try TableOutput.write(
      stories, columns: ["id", "title", "events", "articles", "first", "last", "outlets"],
      rows: rows,
      kind: output.kind)
  }
}

struct StoryCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "story",
    abstract:
      "Show one storyline as a timeline: its events by date, with their articles, outlets, "
      + "speakers and most reported statements, and who copied or rewrote whom.")

  @Argument(help: "The storyline's id (from `quotidian stories`).") var id: Int64
  @OptionGroup var store: StoreOptions
  @Flag(help: "Write the story as JSON.") var json = false

  func run() async throws {
    let database = try await store.openForReading()
    let found: StoryDetail? = try await database.story(id: id)
    guard let story = found else { throw CLIError(message: "error: no story with id \(id)") }
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      FileHandle.standardOutput.write(try encoder.encode(story) + Data("\n".utf8))
      return
    }
    var lines = ["\(story.id)  \(story.title)"]
    let dates = [story.firstPublished, story.lastPublished].compactMap { $0 }
    if !dates.isEmpty {
      lines.append(
        "dates:     " + (dates.first == dates.last ? dates[0] : dates.joined(separator: " – ")))
    }
    if !story.outlets.isEmpty {
      lines.append("outlets:   " + story.outlets.joined(separator: "; "))
    }
    if !story.terms.isEmpty { lines.append("about:     " + story.terms.joined(separator: ", ")) }
    for event in story.events {
      let dates = [event.firstPublished, event.lastPublished].compactMap { $0 }
      let when =
        dates.first == dates.last ? (dates.first ?? "undated") : dates.joined(separator: " – ")
      lines.append("")
      lines.append("\(when)  event \(event.id): \(event.title)")
      if !event.outlets.isEmpty {
        lines.append("  outlets:  " + event.outlets.joined(separator: "; "))
      }
      if !event.speakers.isEmpty {
        lines.append("  speakers: " + event.speakers.joined(separator: "; "))
      }
      for statement in event.statements {
        let reports = statement.reports == 1 ? "1 report" : "\(statement.reports) reports"
        lines.append(
          "  said:     " + (statement.speaker.map { $0 + ": " } ?? "") + "\u{201C}"
            + statement.text + "\u{201D} (" + reports + ")")
      }
      if event.alteredQuotes > 0 {
        lines.append("  altered:  \(event.alteredQuotes) quote(s) reworded by a rewrite")
      }
      for article in event.articles {
        let meta = [article.published, article.outlet].compactMap { $0 }.joined(separator: "  ")
        let relation = article.of.map { " (\(article.relation) of \($0))" } ?? ""
        lines.append("  " + (meta.isEmpty ? "" : meta + "  ") + article.source + relation)
      }
    }
    print(lines.joined(separator: "\n"))
  }
}
