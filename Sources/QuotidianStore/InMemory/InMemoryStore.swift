public import QuotidianCore

/// A store that keeps everything in memory, with the same semantics as ``SQLiteStore``:
/// for tests and for trying things out. Passes `StoreConformance`.
public actor InMemoryStore: Store {
  struct ArticleRow {
    var id: Int64
    var contentHash: String
    var result: ExtractionResult
    var outletKey: String?
  }

  struct QuoteRow {
    var articleID: Int64
    var position: Int
    var record: ExtractionResult.QuoteRecord
    var speaker: String?
    var textWords: [String]
    var speakerWords: [String]
  }

  private var articles: [ArticleRow] = []
  private var articleIndexByID: [Int64: Int] = [:]
  private var articleIDByHash: [String: Int64] = [:]
  private var quoteRows: [QuoteRow] = []

  public init() {}

  public func save(_ result: ExtractionResult) async throws(StoreError) -> SaveOutcome {
    try ResultValidation.validate(result)
    let hash = ArticleIdentity.contentHash(text: result.text, url: result.url, source: result.source)
    if let id = articleIDByHash[hash] { return .unchanged(articleID: id) }
    // Everything below is computed before the first mutation, so a save is all or nothing.
    let id = (articles.last?.id ?? 0) + 1
    let newQuotes = result.quotes.enumerated().map { position, record in
      let speaker = TextFolding.nonBlank(record.speaker)
      return QuoteRow(
        articleID: id, position: position, record: record, speaker: speaker,
        textWords: TextFolding.words(record.text), speakerWords: speaker.map(TextFolding.words) ?? [])
    }
    articleIndexByID[id] = articles.count
    articles.append(
      ArticleRow(id: id, contentHash: hash, result: result, outletKey: result.outlet.map(TextFolding.key)))
    articleIDByHash[hash] = id
    quoteRows += newQuotes
    return .inserted(articleID: id)
  }

  public func quotes(_ query: QuoteQuery) async throws(StoreError) -> [StoredQuote] {
    let filter = try QuoteFilter(query)
    if filter.isEmptyByConstruction { return [] }
    var matches: [(article: ArticleRow, quote: QuoteRow)] = []
    for quote in quoteRows {
      guard let index = articleIndexByID[quote.articleID] else { continue }
      let article = articles[index]
      if let search = filter.search, !search.matches(quote.textWords) { continue }
      if filter.speakerPhrase != nil,
        !SearchExpression.contains(quote.speakerWords, phrase: filter.speakerWords, isPrefix: false)
      {
        continue
      }
      if let outletKey = filter.outletKey, article.outletKey != outletKey { continue }
      if let since = filter.since {
        guard let published = article.result.published, PublishedDate.isOnOrAfter(published, since) else { continue }
      }
      if let until = filter.until {
        guard let published = article.result.published, PublishedDate.isOnOrBefore(published, until) else { continue }
      }
      matches.append((article, quote))
    }
    matches.sort { lhs, rhs in
      switch (lhs.article.result.published, rhs.article.result.published) {
      case (nil, .some): return false
      case (.some, nil): return true
      case (let left?, let right?) where left != right:
        return right.utf8.lexicographicallyPrecedes(left.utf8)
      default:
        return (lhs.article.id, lhs.quote.position) < (rhs.article.id, rhs.quote.position)
      }
    }
    if let limit = filter.limit, matches.count > limit { matches.removeLast(matches.count - limit) }
    return matches.map { article, quote in
      StoredQuote(
        articleID: article.id, source: article.result.source, title: article.result.title,
        outlet: article.result.outlet, published: article.result.published, text: quote.record.text,
        speaker: quote.speaker, kind: quote.record.kind, cue: quote.record.cue, rule: quote.record.rule,
        confidence: quote.record.confidence, start: quote.record.start, end: quote.record.end)
    }
  }

  public func speakers(_ query: SpeakerQuery) async throws(StoreError) -> [SpeakerSummary] {
    if let limit = query.limit, limit <= 0 { return [] }
    let outletKey = TextFolding.nonBlank(query.outlet).map(TextFolding.key)
    struct Tally {
      var quoteCount = 0
      var articleIDs: Set<Int64> = []
      var outlets: Set<String> = []
      var first: String?
      var last: String?
    }
    var tallies: [String: Tally] = [:]
    for quote in quoteRows {
      guard let speaker = quote.speaker, let index = articleIndexByID[quote.articleID] else { continue }
      let article = articles[index]
      if let outletKey, article.outletKey != outletKey { continue }
      var tally = tallies[speaker, default: Tally()]
      tally.quoteCount += 1
      tally.articleIDs.insert(article.id)
      if let outlet = article.result.outlet { tally.outlets.insert(outlet) }
      if let published = article.result.published {
        if tally.first.map({ published.utf8.lexicographicallyPrecedes($0.utf8) }) ?? true { tally.first = published }
        if tally.last.map({ $0.utf8.lexicographicallyPrecedes(published.utf8) }) ?? true { tally.last = published }
      }
      tallies[speaker] = tally
    }
    var summaries = tallies.map { name, tally in
      SpeakerSummary(
        name: name, quoteCount: tally.quoteCount, articleCount: tally.articleIDs.count,
        outlets: tally.outlets.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) },
        firstQuoted: tally.first, lastQuoted: tally.last)
    }
    summaries.sort {
      $0.quoteCount != $1.quoteCount ? $0.quoteCount > $1.quoteCount : $0.name.utf8.lexicographicallyPrecedes($1.name.utf8)
    }
    if let limit = query.limit, summaries.count > limit { summaries.removeLast(summaries.count - limit) }
    return summaries
  }

  public func articleCount() async throws(StoreError) -> Int { articles.count }
}
