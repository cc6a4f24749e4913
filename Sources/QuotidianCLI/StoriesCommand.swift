import ArgumentParser
import Foundation
import QuotidianStore

struct StoriesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stories",
    abstract: "List stories: articles about the same events, clustered as they were ingested.")

  @OptionGroup var store: StoreOptions
  @Option(help: "At most this many stories.") var limit: Int?
  @OptionGroup var output: OutputFormatOptions

  func validate() throws { try LimitArgument.check(limit) }

  struct Listed: Encodable {
    var id: Int64
    var title: String
    var articles: [String]
    var firstPublished: String?
    var lastPublished: String?
    var outlets: [String]
  }

  func run() async throws {
    let database = try await store.openForReading()
    let stories: [StorySummary]
    do {
      stories = try await database.stories(StoryQuery(limit: limit))
    } catch {
      Terminal.error(error.description)
      throw ExitCode.failure
    }
    let rows = stories.map { story in
      [
        String(story.id), story.title, String(story.articles.count), story.firstPublished ?? "",
        story.lastPublished ?? "", story.outlets.joined(separator: "; "),
      ]
    }
    try TableOutput.write(
      stories, columns: ["id", "title", "articles", "first", "last", "outlets"], rows: rows,
      kind: output.kind)
  }
}

struct StoryCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "story",
    abstract: "Show one story: its articles, who copied or rewrote whom, dates and outlets.")

  @Argument(help: "The story's id (from `quotidian stories`).") var id: Int64
  @OptionGroup var store: StoreOptions
  @Flag(help: "Write the story as JSON.") var json = false

  func run() async throws {
    let database = try await store.openForReading()
    let found: StoryDetail?
    do {
      found = try await database.story(id: id)
    } catch {
      Terminal.error(error.description)
      throw ExitCode.failure
    }
    guard let story = found else {
      Terminal.error("error: no story with id \(id)")
      throw ExitCode.failure
    }
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
    lines.append("articles:")
    for article in story.articles {
      let meta = [article.published, article.outlet].compactMap { $0 }.joined(separator: "  ")
      let relation = article.of.map { " (\(article.relation) of \($0))" } ?? ""
      lines.append("  " + (meta.isEmpty ? "" : meta + "  ") + article.source + relation)
    }
    print(lines.joined(separator: "\n"))
  }
}
