import ArgumentParser
import Foundation
import QuotidianStore

struct SpeakerCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "speaker",
    abstract: "Show one speaker across every stored article: names, roles over time, quotes.",
    discussion: """
      NAME may be a full name, a surname or any name form seen in an article. A name that \
      fits several speakers (two people sharing a surname) lists them; give a fuller name.
      """)

  @Argument(help: "The speaker's name.") var name: String
  @OptionGroup var store: StoreOptions
  @Flag(help: "Write the profile as JSON.") var json = false
  @Flag(help: "Count quotes of articles that copy another too (a copy never counts by default).")
  var includeCopies = false

  func validate() throws {
    try QueryLimits.check(text: name, option: "NAME")
  }

  func run() async throws {
    let database = try await store.openForReading()
    let found: SpeakerProfile?
    do throws(StoreError) {
      found = try await database.speaker(named: name, includeCopies: includeCopies)
    } catch {
      // A name that fits several people is the user's to narrow, not a store failure.
      if SpeakerNames.isAmbiguity(error) { throw CLIError(message: "error: \(error.reason)") }
      throw error
    }
    guard let profile = found else {
      throw CLIError(message: "error: no stored speaker matches '\(name)'")
    }
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      FileHandle.standardOutput.write(try encoder.encode(profile) + Data("\n".utf8))
    } else {
      print(SpeakerProfileFormatter.render(profile))
    }
  }
}

/// The terminal form of a ``SpeakerProfile``.
enum SpeakerProfileFormatter {
  static func render(_ profile: SpeakerProfile) -> String {
    func field(_ label: String, _ values: [String]) -> [String] {
      values.enumerated().map { index, value in
        (index == 0
          ? (label + ":").padding(toLength: 11, withPad: " ", startingAt: 0)
          : String(repeating: " ", count: 11))
          + value
      }
    }
    func span(_ first: String?, _ last: String?) -> String? {
      switch (first, last) {
      case (let first?, let last?) where first != last: "\(first) – \(last)"
      case (let first?, _): first
      case (nil, let last?): last
      default: nil
      }
    }
    var lines = [profile.name + (profile.type.map { " (\($0))" } ?? "")]
    let others = profile.names.filter { $0 != profile.name }
    if !others.isEmpty { lines += field("also", [others.joined(separator: "; ")]) }
    lines += field(
      "roles",
      profile.roles.map { role in
        var notes: [String] = []
        if let since = role.since { notes.append("since \(since)") }
        if let until = role.until { notes.append("until \(until)") }
        if let seen = span(role.firstSeen, role.lastSeen) { notes.append("seen \(seen)") }
        return role.phrase + (notes.isEmpty ? "" : " (\(notes.joined(separator: "; ")))")
      })
    var count =
      "\(profile.quoteCount) in \(profile.articleCount) article\(profile.articleCount == 1 ? "" : "s")"
    if let dates = span(profile.firstQuoted, profile.lastQuoted) { count += ", \(dates)" }
    lines += field("quotes", [count])
    if !profile.outlets.isEmpty {
      lines += field("outlets", [profile.outlets.joined(separator: "; ")])
    }
    let months = profile.quotesByMonth.sorted { $0.key < $1.key }
    let widest = max(1, months.map(\.value).max() ?? 1)
    lines += field(
      "by month",
      months.map { month, count in
        "\(month)  " + String(repeating: "#", count: max(1, count * 30 / widest)) + " \(count)"
      })
    if !profile.latestQuotes.isEmpty {
      lines.append("latest:")
      for quote in profile.latestQuotes {
        let text = quote.text.split(whereSeparator: \.isNewline).joined(separator: " ")
        let short = text.count > 100 ? String(text.prefix(99)) + "…" : text
        let source = [quote.published, quote.outlet].compactMap { $0 }.joined(separator: "  ")
        lines.append("  " + (source.isEmpty ? "" : source + "  ") + "“\(short)”")
      }
    }
    return lines.joined(separator: "\n")
  }
}
