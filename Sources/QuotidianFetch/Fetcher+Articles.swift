import Foundation
public import QuotidianCore
import QuotidianReaders

/// The articles one URL gave, and the items that failed (a feed's unreadable items, linked
/// pages that could not be fetched).
public struct FetchedArticles: Sendable {
  /// The URL answered, after redirects.
  public var url: String
  public var articles: [Article]
  public var errors: [FetchError]
  /// What was kept in a lesser form (`URL: warning: …`): an excerpt whose page failed keeps
  /// the text the feed carries.
  public var warnings: [String]

  public init(
    url: String, articles: [Article] = [], errors: [FetchError] = [], warnings: [String] = []
  ) {
    self.url = url
    self.articles = articles
    self.errors = errors
    self.warnings = warnings
  }
}

extension Fetcher {
  /// Fetches `url` and reads it: a page gives one article, a feed its items. Feed items that
  /// carry only a summary (``ArticleMetadata/isExcerpt``) are replaced by their linked page;
  /// an item whose page cannot be fetched keeps its own text, with a warning.
  /// Throws when `url` itself cannot be fetched or read.
  public func articles(at url: String) async throws(FetchError) -> FetchedArticles {
    let response = try await fetch(url)
    var result = try Self.read(response, byteLimit: configuration.maxBytes)
    let completed = await completeExcerpts(result.articles)
    result.articles = completed.articles
    result.errors += completed.errors
    result.warnings += completed.warnings
    return result
  }

  /// Reads a fetched body by its media type, sniffing when the type says little. The
  /// source of every article is the final URL (feed items: `URL#n`); an article without
  /// `metadata.url` gets the final URL, except feed items, which keep their own link.
  /// A gzip body served without `Content-Encoding` is unpacked up to `byteLimit` bytes, the
  /// cap for any answer.
  public static func read(_ response: FetchResponse, byteLimit: Int = 16 << 20) throws(FetchError)
    -> FetchedArticles
  {
    let url = response.url
    let format = format(of: response)
    let batch: ReadBatch
    do throws(ReadError) {
      batch = try Readers.readBatch(
        bytes: response.body, source: url, format: format, decompressedLimit: byteLimit)
    } catch {
      // A feed without items is not an error: there is nothing new.
      if format == .feed, error == ReadError(source: url, kind: .empty) {
        return FetchedArticles(url: url)
      }
      throw FetchError(url: url, kind: .unreadable(error))
    }
    let fetched = Self.timestamp()
    var articles = batch.articles
    for index in articles.indices {
      if articles[index].metadata.url == nil && articles[index].format != Format.feed.name {
        articles[index].metadata.url = url
      }
      articles[index] = Self.stamped(articles[index], fetched: fetched)
    }
    return FetchedArticles(
      url: url, articles: articles,
      errors: batch.errors.map { FetchError(url: $0.source, kind: .unreadable($0)) })
  }

  /// The format a response's media type announces, or a sniffed feed, or nil (detect).
  static func format(of response: FetchResponse) -> Format? {
    switch response.mediaType {
    case "text/html", "application/xhtml+xml": return .html
    case "application/rss+xml", "application/atom+xml", "application/rdf+xml",
      "application/feed+json":
      return .feed
    default: return FeedReader.sniff(response.body) ? .feed : nil
    }
  }

  /// Replaces each excerpt with its linked page, fetched in parallel (the host gate keeps
  /// one request per host). Order is kept. An excerpt whose page cannot be had keeps the
  /// text its feed carries (summary or description) and the failure becomes a warning.
  public func completeExcerpts(_ articles: [Article]) async -> FetchedArticles {
    let pages = await pages(forExcerptsIn: articles)
    var result = FetchedArticles(url: "")
    for index in articles.indices {
      guard let outcome = pages[index] else {
        result.articles.append(articles[index])
        continue
      }
      if let page = outcome.page {
        result.articles.append(page)
      } else if let error = outcome.error {
        result.articles.append(articles[index])
        result.warnings.append(Self.fallbackWarning(error))
      }
    }
    return result
  }

  /// The warning for an excerpt kept with its own text because its page failed.
  static func fallbackWarning(_ error: FetchError) -> String {
    "\(error.url): warning: \(error.message); the feed item's own text is kept instead"
  }

  /// The linked page an excerpt was replaced by, or why it could not be.
  struct ExcerptPage: Sendable {
    var index: Int
    var page: Article?
    var error: FetchError?
  }

  /// The linked page of every excerpt in `articles` (``ArticleMetadata/isExcerpt`` with a
  /// `metadata.url`), by index; other indices are absent. Child tasks return plain values
  /// and the group is drained before anything else happens.
  func pages(forExcerptsIn articles: [Article]) async -> [Int: ExcerptPage] {
    let pending = articles.indices.filter {
      articles[$0].metadata.isExcerpt == true && articles[$0].metadata.url != nil
    }
    var pages: [Int: ExcerptPage] = [:]
    guard !pending.isEmpty else { return pages }
    await withTaskGroup(of: ExcerptPage.self) { group in
      for index in pending {
        let item = articles[index]
        group.addTask { await self.page(for: item, index: index) }
      }
      for await outcome in group { pages[outcome.index] = outcome }
    }
    return pages
  }

  /// The page an excerpt links to, with the feed's metadata filling what the page lacks.
  func page(for item: Article, index: Int) async -> ExcerptPage {
    guard let link = item.metadata.url else { return ExcerptPage(index: index, page: item) }
    do throws(FetchError) {
      return ExcerptPage(index: index, page: try await fetchPage(link, for: item))
    } catch {
      return ExcerptPage(index: index, error: error)
    }
  }

  func fetchPage(_ link: String, for item: Article) async throws(FetchError) -> Article {
    let response = try await fetch(link)
    var format = Self.format(of: response)
    if format == .feed { format = nil }
    let articles: [Article]
    do throws(ReadError) {
      articles = try Readers.read(
        bytes: response.body, source: response.url, format: format,
        decompressedLimit: configuration.maxBytes)
    } catch {
      throw FetchError(url: response.url, kind: .unreadable(error))
    }
    guard var page = articles.first else {
      throw FetchError(
        url: response.url, kind: .unreadable(ReadError(source: response.url, kind: .empty)))
    }
    page.metadata = Self.merge(page: page.metadata, item: item.metadata, url: link)
    return Self.stamped(page, fetched: Self.timestamp())
  }

  /// Now, ISO 8601 in UTC, for ``ArticleMetadata/fetched``.
  static func timestamp() -> String { ISO8601DateFormatter().string(from: Date()) }

  /// `article` with ``ArticleMetadata/fetched`` set, unless the source already said when.
  static func stamped(_ article: Article, fetched: String) -> Article {
    var article = article
    if article.metadata.fetched == nil { article.metadata.fetched = fetched }
    return article
  }

  /// Page metadata first; the feed item's for what the page does not say.
  static func merge(page: ArticleMetadata, item: ArticleMetadata, url: String) -> ArticleMetadata {
    var merged = page
    merged.title = page.title ?? item.title
    if merged.authors.isEmpty { merged.authors = item.authors }
    merged.published = page.published ?? item.published
    merged.outlet = page.outlet ?? item.outlet
    merged.url = page.url ?? url
    merged.description = page.description ?? item.description
    merged.language = page.language ?? item.language
    merged.isExcerpt = nil
    return merged
  }
}
