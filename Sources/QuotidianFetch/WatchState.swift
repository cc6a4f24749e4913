import Foundation
public import QuotidianCore

/// What `watch` remembers between rounds, per feed URL: the validators for a conditional GET
/// and the items already ingested. Stored as a small JSON file (`.quotidian-watch.json` next
/// to the store by default).
public struct WatchState: Sendable, Hashable, Codable {
  public struct Feed: Sendable, Hashable, Codable {
    public var validators: Validators
    /// Keys (item URL, or title and date) of items already ingested, oldest first.
    public var seen: [String]
    /// When the feed was last polled (ISO 8601).
    public var checked: String?

    public init(validators: Validators = .init(), seen: [String] = [], checked: String? = nil) {
      self.validators = validators
      self.seen = seen
      self.checked = checked
    }
  }

  public var version = 1
  public var feeds: [String: Feed]

  /// Items remembered per feed; the oldest are forgotten first (feeds list the newest).
  public static let seenLimit = 5000

  public init(feeds: [String: Feed] = [:]) {
    self.feeds = feeds
  }

  /// The state file next to a store: `DIR/.quotidian-watch.json` for `DIR/name.sqlite`.
  public static func defaultPath(forStore storePath: String) -> String {
    let directory = (storePath as NSString).deletingLastPathComponent
    return directory.isEmpty ? ".quotidian-watch.json" : directory + "/.quotidian-watch.json"
  }

  /// The identity of a feed item: its URL, or its title and date when it has none.
  public static func key(for article: Article) -> String {
    if let url = article.metadata.url, !url.isEmpty { return url }
    let title = article.metadata.title ?? String(article.text.prefix(120))
    return "untitled:\(title)|\(article.metadata.published ?? "")"
  }

  /// Whether the item with `key` was already ingested from `feed`.
  public func hasSeen(_ key: String, in feed: String) -> Bool {
    feeds[feed]?.seen.contains(key) ?? false
  }

  /// Records a poll: the `stored` keys become seen. The validators are kept when the feed
  /// was read and every new item it gave was stored: an item the feed itself cannot give
  /// (no text) does not hold them back, since asking again would give it no better; an item
  /// the store refused does, so that it is asked for again.
  public mutating func record(_ poll: FeedPoll, stored: Set<String>) {
    var feed = feeds[poll.feedURL] ?? Feed()
    feed.checked = ISO8601DateFormatter().string(from: Date())
    var known = Set(feed.seen)
    for item in poll.items where stored.contains(item.key) && known.insert(item.key).inserted {
      feed.seen.append(item.key)
    }
    if feed.seen.count > Self.seenLimit { feed.seen.removeFirst(feed.seen.count - Self.seenLimit) }
    let complete = !poll.feedFailed && poll.items.allSatisfy { stored.contains($0.key) }
    if complete && !poll.notModified { feed.validators = poll.validators }
    feeds[poll.feedURL] = feed
  }

  /// Reads the state at `path`; a missing file is an empty state.
  public static func load(from path: String) throws(WatchStateError) -> WatchState {
    guard FileManager.default.fileExists(atPath: path) else { return WatchState() }
    do {
      let data = try Data(contentsOf: URL(fileURLWithPath: path))
      return try JSONDecoder().decode(WatchState.self, from: data)
    } catch {
      throw WatchStateError(
        path: path, message: "cannot read watch state: \(error.localizedDescription)")
    }
  }

  /// Writes the state to `path` atomically, keys sorted.
  public func save(to path: String) throws(WatchStateError) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    do {
      try encoder.encode(self).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw WatchStateError(
        path: path, message: "cannot write watch state: \(error.localizedDescription)")
    }
  }
}

/// The watch state file could not be read or written.
public struct WatchStateError: Error, Hashable, Sendable, CustomStringConvertible {
  public var path: String
  public var message: String

  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }

  /// Compiler style: `path: error: message`.
  public var description: String { "\(path): error: \(message)" }
}
