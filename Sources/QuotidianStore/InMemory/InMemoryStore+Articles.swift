extension InMemoryStore: ArticleReading {
  public func articles(_ query: ArticleQuery) async throws(StoreError) -> [ArticleSummary] {
    let filter = try ArticleFilter(query)
    if filter.limit == 0 { return [] }
    var found: [ArticleSummary] = []
    for row in articles where row.id > filter.afterID {
      let result = row.result
      if let search = filter.search,
        !search.matches(TextFolding.words(result.title ?? ""))
          && !search.matches(TextFolding.words(result.text))
      {
        continue
      }
      if let outletKey = filter.outletKey, row.outletKey != outletKey { continue }
      if let since = filter.since {
        guard let published = result.published, PublishedDate.isOnOrAfter(published, since) else {
          continue
        }
      }
      if let until = filter.until {
        guard let published = result.published, PublishedDate.isOnOrBefore(published, until) else {
          continue
        }
      }
      found.append(
        ArticleSummary(
          id: row.id, source: result.source, url: result.url, title: result.title,
          outlet: result.outlet,
          published: result.published, quoteCount: result.quotes.count))
      if let limit = filter.limit, found.count >= limit { break }
    }
    return found
  }

  public func article(id: Int64) async throws(StoreError) -> StoredArticle? {
    guard let row = articles.first(where: { $0.id == id }) else { return nil }
    let result = row.result
    let quotes = result.quotes.map { quote in
      var stored = quote
      stored.speaker = TextFolding.nonBlank(quote.speaker)
      stored.evidence = nil
      stored.evidenceText = nil
      return stored
    }
    return StoredArticle(
      id: row.id, source: result.source, url: result.url, format: result.format,
      title: result.title,
      authors: result.authors, outlet: result.outlet, published: result.published,
      language: result.language,
      text: result.text, quotes: quotes)
  }
}
