import Foundation
import QuotidianCore
public import QuotidianFetch
public import QuotidianStore

extension Engine {
  /// Fetches, analyses and saves `urls` (pages or feeds) into `store`, with a fetcher made
  /// for the call and shut down after it. See ``ingest(urls:into:using:progress:onError:)``.
  public func ingest(
    urls: [String], into store: any Store, fetch configuration: FetchConfiguration = .init(),
    progress: (_ done: Int, _ total: Int, _ url: String) -> Void = { _, _, _ in },
    onError: (String) -> Void = { _ in }
  ) async -> IngestSummary {
    await Fetcher.withFetcher(configuration: configuration) { fetcher in
      await ingest(urls: urls, into: store, using: fetcher, progress: progress, onError: onError)
    }
  }

  /// Fetches, analyses and saves `urls` into `store`. A page gives one article, a feed its
  /// items (excerpt items are replaced by their pages). A URL that fails is reported via
  /// `onError` (`URL: error: …`) and the others go on; saving is idempotent. `files` in the
  /// summary counts the URLs fetched.
  public func ingest(
    urls: [String], into store: any Store, using fetcher: Fetcher,
    progress: (_ done: Int, _ total: Int, _ url: String) -> Void = { _, _, _ in },
    onError: (String) -> Void = { _ in }
  ) async -> IngestSummary {
    var summary = IngestSummary()
    let width = max(1, fetcher.configuration.maxConcurrentHosts * 2)
    var done = 0
    await withTaskGroup(of: (String, Result<FetchedArticles, FetchError>).self) { group in
      var next = 0
      func add() {
        let url = urls[next]
        next += 1
        group.addTask {
          do throws(FetchError) {
            return (url, .success(try await fetcher.articles(at: url)))
          } catch {
            return (url, .failure(error))
          }
        }
      }
      while next < min(width, urls.count) { add() }
      for await (url, outcome) in group {
        if next < urls.count && summary.stoppedBy == nil { add() }
        switch outcome {
        case .failure(let error):
          summary.recordFailure(error.description, onError: onError)
        case .success(let fetched):
          summary.files += 1
          for error in fetched.errors {
            summary.recordFailure(error.description, onError: onError)
          }
          for article in fetched.articles where summary.stoppedBy == nil {
            await save(article, into: store, summary: &summary, onError: onError)
          }
          if summary.stoppedBy != nil { group.cancelAll() }
        }
        done += 1
        progress(done, urls.count, url)
      }
    }
    return summary
  }

  /// Analyses `article` and saves it; true when it is in the store afterwards (new or not).
  @discardableResult
  func save(
    _ article: Article, into store: any Store, summary: inout IngestSummary,
    onError: (String) -> Void
  ) async -> Bool {
    // Content already stored: a sighting, not another analysis.
    if (try? await store.recordSighting(ArticleSighting(article: article))) ?? nil != nil {
      summary.unchanged += 1
      return true
    }
    return await save(analyze(article), into: store, summary: &summary, onError: onError)
  }

  /// When ``watch(feeds:into:statePath:every:until:fetch:onRound:onError:)`` stops.
  public enum WatchStop: Sendable, Hashable {
    /// After one round (`--once`).
    case once
    /// After `n` rounds.
    case afterRounds(Int)
    /// When the task is cancelled.
    case never
  }

  /// One watch round: how many feeds were polled, how many were unchanged (304), and what
  /// was ingested.
  public struct WatchRound: Sendable, Hashable {
    public var number: Int
    public var feeds: Int
    public var notModified: Int
    public var summary: IngestSummary
  }

  /// Polls `feeds` every `interval` and ingests only the items not seen before, remembering
  /// validators and seen items in the JSON file at `statePath` (saved after every round).
  /// A feed that fails is reported and retried next round. Stops per `stop`, or when the
  /// task is cancelled. Throws only when the state file cannot be read or written.
  public func watch(
    feeds: [String], into store: any Store, statePath: String, every interval: Duration,
    until stop: WatchStop = .never, fetch configuration: FetchConfiguration = .init(),
    onRound: (WatchRound) -> Void = { _ in }, onError: (String) -> Void = { _ in }
  ) async throws(WatchStateError) {
    let fetcher = Fetcher(configuration: configuration)
    do throws(WatchStateError) {
      var state = try WatchState.load(from: statePath)
      var number = 0
      while !Task.isCancelled {
        number += 1
        let round = await watchRound(
          number: number, feeds: feeds, into: store, state: &state, using: fetcher, onError: onError
        )
        try state.save(to: statePath)
        onRound(round)
        let finished: Bool
        switch stop {
        case .once: finished = true
        case .afterRounds(let limit): finished = number >= limit
        case .never: finished = false
        }
        if finished || Task.isCancelled { break }
        try? await Task.sleep(for: interval)
      }
    } catch {
      await fetcher.shutdown()
      throw error
    }
    await fetcher.shutdown()
  }

  /// Polls every feed once, saves the new items and records them in `state`.
  public func watchRound(
    number: Int = 1, feeds: [String], into store: any Store, state: inout WatchState,
    using fetcher: Fetcher,
    onError: (String) -> Void = { _ in }
  ) async -> WatchRound {
    var round = WatchRound(
      number: number, feeds: feeds.count, notModified: 0, summary: IngestSummary())
    for poll in await fetcher.poll(feeds: feeds, state: state) {
      if poll.notModified { round.notModified += 1 }
      for error in poll.errors {
        round.summary.recordFailure(error.description, onError: onError)
      }
      if poll.errors.isEmpty || !poll.items.isEmpty { round.summary.files += 1 }
      var stored: Set<String> = []
      for item in poll.items
      where await save(item.article, into: store, summary: &round.summary, onError: onError) {
        stored.insert(item.key)
      }
      state.record(poll, stored: stored)
    }
    return round
  }
}
