import Foundation
public import QuotidianCore

/// One poll of one feed: the items not seen before (excerpts already replaced by their
/// pages), or "not modified".
public struct FeedPoll: Sendable {
  public struct Item: Sendable {
    /// ``WatchState/key(for:)`` of the feed item.
    public var key: String
    public var article: Article
  }

  public var feedURL: String
  /// The server answered 304: nothing changed since the last poll.
  public var notModified: Bool
  /// New items, in feed order.
  public var items: [Item]
  /// The feed itself, or some of its items, failed.
  public var errors: [FetchError]
  /// The feed itself could not be fetched or read (then ``errors`` says why).
  public var feedFailed = false
  /// Items kept in a lesser form: an excerpt whose page failed keeps its own text.
  public var warnings: [String] = []
  /// The validators the server gave, for the next poll.
  public var validators: Validators

  public init(
    feedURL: String, notModified: Bool = false, items: [Item] = [], errors: [FetchError] = [],
    validators: Validators = .init()
  ) {
    self.feedURL = feedURL
    self.notModified = notModified
    self.items = items
    self.errors = errors
    self.validators = validators
  }
}

extension Fetcher {
  /// Polls `feedURL` with the validators in `state` and returns only the items not yet seen;
  /// linked pages are fetched for new excerpt items only, and an excerpt whose page fails
  /// keeps the text the feed gives it (with a warning).
  public func poll(feed feedURL: String, state: WatchState) async -> FeedPoll {
    var poll = FeedPoll(feedURL: feedURL)
    let known = state.feeds[feedURL]
    do throws(FetchError) {
      let response = try await fetch(feedURL, validators: known?.validators)
      poll.validators = response.validators
      if response.isNotModified {
        poll.notModified = true
        return poll
      }
      let read = try Self.read(response, byteLimit: configuration.maxBytes)
      poll.errors = read.errors
      let seen = Set(known?.seen ?? [])
      var keys: [String] = []
      var fresh: [Article] = []
      var batchKeys: Set<String> = []
      for article in read.articles {
        let key = WatchState.key(for: article)
        guard !seen.contains(key), batchKeys.insert(key).inserted else { continue }
        keys.append(key)
        fresh.append(article)
      }
      // Pages for new excerpts only: one request per host at a time, several hosts at once.
      let outcomes = await pages(forExcerptsIn: fresh)
      for index in fresh.indices {
        var article = fresh[index]
        if let outcome = outcomes[index] {
          if let page = outcome.page {
            article = page
          } else if let error = outcome.error {
            poll.warnings.append(Self.fallbackWarning(error))
          }
        }
        poll.items.append(FeedPoll.Item(key: keys[index], article: article))
      }
    } catch {
      poll.feedFailed = true
      poll.errors.append(error)
    }
    return poll
  }

  /// Polls every feed (several hosts at once, one request per host) and returns the polls
  /// in input order.
  public func poll(feeds: [String], state: WatchState) async -> [FeedPoll] {
    var polls: [FeedPoll?] = Array(repeating: nil, count: feeds.count)
    await withTaskGroup(of: (Int, FeedPoll).self) { group in
      for (index, feed) in feeds.enumerated() {
        group.addTask { (index, await self.poll(feed: feed, state: state)) }
      }
      for await (index, poll) in group { polls[index] = poll }
    }
    return polls.compactMap { $0 }
  }
}
