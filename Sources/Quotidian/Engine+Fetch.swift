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
    onError: (String) -> Void = { _ in }, onWarning: (String) -> Void = { _ in }
  ) async -> IngestSummary {
    await Fetcher.withFetcher(configuration: configuration) { fetcher in
      await ingest(
        urls: urls, into: store, using: fetcher, progress: progress, onError: onError,
        onWarning: onWarning)
    }
  }

  /// Fetches, analyses and saves `urls` into `store`. A page gives one article, a feed its
  /// items (excerpt items are replaced by their pages). A URL that fails is reported via
  /// `onError` (`URL: error: …`) and the others go on; saving is idempotent. `files` in the
  /// summary counts the URLs fetched. An excerpt whose page failed is kept with the text its
  /// feed carries, reported via `onWarning`.
  ///
  /// URLs are fetched in batches of a few in parallel; each batch is collected whole before
  /// anything of it is saved, so no store write is awaited while child tasks hand results
  /// back, and the children return plain values (``URLFetch``), never a typed-throws result.
  public func ingest(
    urls: [String], into store: any Store, using fetcher: Fetcher,
    progress: (_ done: Int, _ total: Int, _ url: String) -> Void = { _, _, _ in },
    onError: (String) -> Void = { _ in }, onWarning: (String) -> Void = { _ in }
  ) async -> IngestSummary {
    var summary = IngestSummary()
    let width = max(1, fetcher.configuration.maxConcurrentHosts * 2)
    var done = 0
    var start = 0
    while start < urls.count && summary.stoppedBy == nil && !Task.isCancelled {
      let batch = Array(urls[start..<min(urls.count, start + width)])
      start += batch.count
      for fetched in await Self.fetchAll(batch, using: fetcher) {
        if let error = fetched.error {
          summary.recordFailure(error, onError: onError)
        } else {
          summary.files += 1
        }
        for error in fetched.itemErrors {
          summary.recordFailure(error, onError: onError)
        }
        for warning in fetched.warnings { onWarning(warning) }
        for article in fetched.articles where summary.stoppedBy == nil {
          await save(article, into: store, summary: &summary, onError: onError)
        }
        done += 1
        progress(done, urls.count, fetched.url)
      }
    }
    return summary
  }

  /// What fetching one URL gave, as a child task hands it back: plain values only.
  struct URLFetch: Sendable {
    var url: String
    var articles: [Article] = []
    /// Why the URL itself failed (`URL: error: …`), if it did.
    var error: String?
    /// Items of a feed that failed while others were read.
    var itemErrors: [String] = []
    var warnings: [String] = []
  }

  /// Fetches `urls` in parallel and returns their outcomes in input order. Nothing is saved
  /// here: the group is drained completely before the caller touches the store.
  static func fetchAll(_ urls: [String], using fetcher: Fetcher) async -> [URLFetch] {
    var outcomes: [URLFetch?] = Array(repeating: nil, count: urls.count)
    await withTaskGroup(of: IndexedFetch.self) { group in
      for (index, url) in urls.enumerated() {
        group.addTask { IndexedFetch(index: index, fetch: await fetchOne(url, using: fetcher)) }
      }
      for await finished in group {
        outcomes[finished.index] = finished.fetch
      }
    }
    return outcomes.enumerated().map { index, outcome in
      outcome ?? URLFetch(url: urls[index], error: "\(urls[index]): error: not fetched (cancelled)")
    }
  }

  struct IndexedFetch: Sendable {
    var index: Int
    var fetch: URLFetch
  }

  /// One URL fetched and read; every failure becomes a message.
  static func fetchOne(_ url: String, using fetcher: Fetcher) async -> URLFetch {
    do {
      let fetched = try await fetcher.articles(at: url)
      return URLFetch(
        url: url, articles: fetched.articles, itemErrors: fetched.errors.map(\.description),
        warnings: fetched.warnings)
    } catch {
      return URLFetch(url: url, error: error.description)
    }
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
    onRound: (WatchRound) -> Void = { _ in }, onError: (String) -> Void = { _ in },
    onWarning: (String) -> Void = { _ in }
  ) async throws(WatchStateError) {
    let fetcher = Fetcher(configuration: configuration)
    do throws(WatchStateError) {
      var state = try WatchState.load(from: statePath)
      var number = 0
      while !Task.isCancelled {
        number += 1
        let round = await watchRound(
          number: number, feeds: feeds, into: store, state: &state, using: fetcher,
          onError: onError, onWarning: onWarning
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
    onError: (String) -> Void = { _ in }, onWarning: (String) -> Void = { _ in }
  ) async -> WatchRound {
    var round = WatchRound(
      number: number, feeds: feeds.count, notModified: 0, summary: IngestSummary())
    for poll in await fetcher.poll(feeds: feeds, state: state) {
      if poll.notModified { round.notModified += 1 }
      for error in poll.errors {
        round.summary.recordFailure(error.description, onError: onError)
      }
      for warning in poll.warnings { onWarning(warning) }
      if !poll.feedFailed { round.summary.files += 1 }
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
