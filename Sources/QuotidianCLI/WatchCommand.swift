import ArgumentParser
import Foundation
import Quotidian
import QuotidianFetch

struct WatchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "watch",
    abstract: "Poll feeds and ingest the articles not seen before.",
    discussion: """
      SUBSCRIPTIONS is an OPML file or a text file with one feed URL per line (# comments).
      Validators (ETag, Last-Modified) and the items already ingested are kept in a JSON state
      file, .quotidian-watch.json next to an SQLite store (.quotidian-watch-DATABASE.json in
      the working directory for PostgreSQL) unless --state says otherwise.
      """)

  @Argument(help: "An OPML subscription list or a text file of feed URLs.") var subscriptions:
    String
  @Option(help: "Time between rounds: 30s, 15m, 1h.") var every = "15m"
  @Flag(help: "Poll once and exit.") var once = false
  @Option(help: "The watch state file (default: .quotidian-watch.json next to the store).")
  var state: String?
  @Option(help: "Seconds allowed for each fetch, from connecting to the last byte.")
  var timeout = 20
  @OptionGroup var store: StoreOptions
  @Flag(name: .shortAndLong, help: "Print nothing but errors.") var quiet = false
  @Flag(help: "Let feeds and their links reach loopback, private and link-local addresses.")
  var allowPrivateAddresses = false

  func validate() throws {
    if Duration.parse(interval: every) == nil {
      throw ValidationError("invalid duration '\(every)': use e.g. 30s, 15m, 1h")
    }
    if timeout <= 0 { throw ValidationError("--timeout must be positive") }
  }

  func run() async throws {
    let feeds = try FeedList.read(fileAt: subscriptions)
    let database = try await store.open()
    let statePath = try state ?? store.defaultWatchStatePath()
    let interval = Duration.parse(interval: every) ?? .seconds(900)
    var failed = false
    try await Engine().watch(
      feeds: feeds, into: database, statePath: statePath, every: interval,
      until: once ? .once : .never,
      fetch: FetchConfiguration(
        timeout: .seconds(timeout), allowPrivateAddresses: allowPrivateAddresses),
      onRound: { round in
        if !round.summary.failures.isEmpty { failed = true }
        guard !quiet else { return }
        let summary = round.summary
        Terminal.note(
          "round \(round.number): \(round.feeds) feed\(round.feeds == 1 ? "" : "s") "
            + "(\(round.notModified) not modified), \(summary.inserted) new "
            + "article\(summary.inserted == 1 ? "" : "s") (\(summary.quotes) quotes), "
            + "\(summary.unchanged) unchanged, \(summary.failures.count) failed")
      },
      onError: { Terminal.error($0) }, onWarning: { Terminal.warning($0) })
    // Each failed feed or item was reported as it happened.
    if once && failed { throw ExitCode.failure }
  }
}
