import ArgumentParser
import Foundation
import Quotidian
import QuotidianFetch
import QuotidianReaders

struct IngestCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ingest",
    abstract: "Read, analyse and store articles (idempotent: ingesting twice changes nothing).")

  @Argument(help: "Files or directories to read, or http(s) URLs of pages and feeds.") var paths:
    [String]
  @OptionGroup var store: StoreOptions
  @OptionGroup var format: FormatOption
  @Flag(name: .shortAndLong, help: "Print nothing but errors.") var quiet = false
  @Flag(help: "Let URLs reach loopback, private and link-local addresses (refused by default).")
  var allowPrivateAddresses = false

  func run() async throws {
    let isNew = store.isSQLite && !FileManager.default.fileExists(atPath: store.path)
    let database = try await store.open()
    let urls = paths.filter(Fetcher.isURL)
    let files = paths.filter { !Fetcher.isURL($0) }
    let engine = Engine()
    var summary = Engine.IngestSummary()
    if !files.isEmpty {
      summary = await engine.ingestFiles(
        paths: files, into: database, format: format.value,
        progress: { done, total, path in
          if !quiet { Terminal.progress(done: done, total: total, label: path) }
        },
        onError: { Terminal.error($0) }, onWarning: { Terminal.warning($0) })
    }
    if !urls.isEmpty && summary.stoppedBy == nil {
      let fetched = await engine.ingest(
        urls: urls, into: database,
        fetch: FetchConfiguration(allowPrivateAddresses: allowPrivateAddresses),
        progress: { done, total, url in
          if !quiet { Terminal.progress(done: done, total: total, label: url) }
        },
        onError: { Terminal.error($0) }, onWarning: { Terminal.warning($0) })
      summary.files += fetched.files
      summary.inserted += fetched.inserted
      summary.unchanged += fetched.unchanged
      summary.quotes += fetched.quotes
      summary.failures += fetched.failures
      summary.stoppedBy = fetched.stoppedBy
    }
    Terminal.clearProgress()
    if let reason = summary.stoppedBy {
      Terminal.error(
        "\(store.displayName): error: ingest stopped: \(reason); the \(summary.inserted) article"
          + "\(summary.inserted == 1 ? "" : "s") stored before it are kept")
    }
    if !quiet {
      let total = (try? await database.articleCount()) ?? 0
      Terminal.note(
        "ingested \(summary.inserted) new article\(summary.inserted == 1 ? "" : "s") "
          + "(\(summary.quotes) quotes), \(summary.unchanged) unchanged, "
          + "\(summary.failures.count) failed; \(total) in \(store.displayName)")
    }
    if summary.inserted + summary.unchanged == 0 && !summary.failures.isEmpty {
      // A first ingest that stored nothing leaves no empty store behind to mislead later
      // queries ("the store is empty" is truer as "no store at this path").
      if isNew, (try? await database.articleCount()) == 0 { Self.remove(store: store.path) }
      throw ExitCode.failure
    }
    if !summary.failures.isEmpty { throw ExitCode.failure }
  }

  /// Deletes a store file this run created, with its WAL and shared-memory files.
  static func remove(store path: String) {
    for suffix in ["", "-wal", "-shm"] {
      try? FileManager.default.removeItem(atPath: path + suffix)
    }
  }
}
