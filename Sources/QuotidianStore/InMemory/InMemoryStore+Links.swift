import QuotidianCore

/// The in-memory counterpart of the SQLite linking tables, with the same indexes.
struct InMemoryLinks: LinkCatalog {
  struct ArticleRow {
    var id: Int64
    var source: String
    var title: String?
    var outlet: String?
    var published: String?
    var signature: MinHashSignature?
    var duplicateOf: Int64?
    var duplicateSimilarity: Double?
    var storyID: Int64?
    var quotes: [LinkQuote] = []
    /// Position → statement.
    var statements: [Int: Int64] = [:]
  }

  struct SightingRow {
    var id: Int64
    var sighting: ArticleSighting
    var sourceKey: String
  }

  struct StatementRow {
    var id: Int64
    var speakerKey: String
    var speaker: String?
    var textKey: String
    var text: String
    var reports: [(article: Int64, position: Int)] = []
  }

  struct StoryRow {
    var id: Int64
    var title: String
    var firstPublished: String?
    var lastPublished: String?
    var terms: [String: Double] = [:]
  }

  var articles: [Int64: ArticleRow] = [:]
  var articleIDByContent: [String: Int64] = [:]
  var sightings: [Int64: [SightingRow]] = [:]
  var nextSightingID: Int64 = 1
  var articleBands: [Int64: [Int64]] = [:]
  var duplicatesByRoot: [Int64: Set<Int64>] = [:]
  var statementRows: [StatementRow] = []
  var statementByKey: [String: Int64] = [:]
  var statementsByText: [String: [Int64]] = [:]
  var statementBands: [Int64: [Int64]] = [:]
  var rewriteLinks: [Int64: RewriteLink] = [:]
  var frequencies: [String: Int] = [:]
  var storyRows: [StoryRow] = []
  var storiesByTerm: [String: Set<Int64>] = [:]

  func statementRow(_ id: Int64) -> StatementRow? {
    let index = Int(id) - 1
    return statementRows.indices.contains(index) ? statementRows[index] : nil
  }

  /// Adds a new article and its first sighting.
  mutating func insert(articleID: Int64, result: ExtractionResult, sighting: ArticleSighting) {
    articles[articleID] = ArticleRow(
      id: articleID, source: result.source, title: result.title, outlet: result.outlet,
      published: result.published,
      quotes: result.quotes.enumerated().map {
        LinkQuote(position: $0.offset, words: LinkText.words($0.element.text))
      })
    articleIDByContent[sighting.contentKey] = articleID
    addSighting(sighting, articleID: articleID)
  }

  mutating func addSighting(_ sighting: ArticleSighting, articleID: Int64) {
    let key = ArticleIdentity.sourceKey(sighting.source)
    if sightings[articleID]?.contains(where: { $0.sourceKey == key }) == true { return }
    sightings[articleID, default: []].append(
      SightingRow(id: nextSightingID, sighting: sighting, sourceKey: key))
    nextSightingID += 1
  }

  // MARK: LinkCatalog

  func articles(sharingBands bands: [Int64], limit: Int) -> [Int64] {
    var ids: [Int64] = []
    var seen: Set<Int64> = []
    for band in bands {
      for id in articleBands[band] ?? [] where seen.insert(id).inserted {
        ids.append(id)
        if ids.count >= limit { return ids }
      }
    }
    return ids
  }

  func article(_ id: Int64) -> LinkedArticle? {
    articles[id].map {
      LinkedArticle(
        id: $0.id, published: $0.published, signature: $0.signature, duplicateOf: $0.duplicateOf,
        storyID: $0.storyID)
    }
  }

  func duplicates(of root: Int64) -> [LinkedArticle] {
    (duplicatesByRoot[root] ?? []).sorted().compactMap(article)
  }

  func statement(speakerKey: String, textKey: String) -> Int64? {
    statementByKey[speakerKey + "\u{0}" + textKey]
  }

  func candidate(_ row: StatementRow) -> StatementCandidate {
    StatementCandidate(
      id: row.id, speakerKey: row.speakerKey,
      words: row.textKey.split(separator: " ").map(String.init))
  }

  func statements(textKey: String, limit: Int) -> [StatementCandidate] {
    (statementsByText[textKey] ?? []).prefix(limit).compactMap(statementRow).map(candidate)
  }

  func statements(sharingBands bands: [Int64], limit: Int) -> [StatementCandidate] {
    var ids: Set<Int64> = []
    outer: for band in bands {
      for id in statementBands[band] ?? [] {
        ids.insert(id)
        if ids.count >= limit { break outer }
      }
    }
    return ids.sorted().compactMap(statementRow).map(candidate)
  }

  func reportingArticles(statement: Int64, limit: Int) -> [Int64] {
    Array(Set((statementRow(statement)?.reports ?? []).map(\.article)).sorted().prefix(limit))
  }

  func quotes(ofArticle article: Int64) -> [LinkQuote] { articles[article]?.quotes ?? [] }

  func hasRewriteOriginal(_ article: Int64) -> Bool { rewriteLinks[article] != nil }

  func documentFrequencies(_ terms: [String]) -> [String: Int] {
    var found: [String: Int] = [:]
    for term in terms { if let count = frequencies[term] { found[term] = count } }
    return found
  }

  func stories(sharingTerms terms: [String], limitPerTerm: Int) -> [StoryCandidate] {
    var ids: Set<Int64> = []
    for term in terms {
      ids.formUnion((storiesByTerm[term] ?? []).sorted(by: >).prefix(limitPerTerm))
    }
    return ids.sorted().map { id in
      let story = storyRows[Int(id) - 1]
      return StoryCandidate(
        id: id, terms: story.terms, firstPublished: story.firstPublished,
        lastPublished: story.lastPublished)
    }
  }

  mutating func setSignature(article: Int64, signature: MinHashSignature, bands: [Int64]) {
    articles[article]?.signature = signature
    for band in bands { articleBands[band, default: []].append(article) }
  }

  mutating func setDuplicate(article: Int64, of original: Int64, similarity: Double) {
    if let previous = articles[article]?.duplicateOf { duplicatesByRoot[previous]?.remove(article) }
    articles[article]?.duplicateOf = original
    articles[article]?.duplicateSimilarity = similarity
    duplicatesByRoot[original, default: []].insert(article)
  }

  mutating func insertStatement(
    speakerKey: String, speaker: String?, textKey: String, text: String, article: Int64,
    bands: [Int64]
  ) -> Int64 {
    let id = Int64(statementRows.count + 1)
    statementRows.append(
      StatementRow(id: id, speakerKey: speakerKey, speaker: speaker, textKey: textKey, text: text))
    let key = speakerKey + "\u{0}" + textKey
    if statementByKey[key] == nil { statementByKey[key] = id }
    statementsByText[textKey, default: []].append(id)
    for band in bands { statementBands[band, default: []].append(id) }
    return id
  }

  mutating func setStatement(article: Int64, position: Int, statement: Int64) {
    articles[article]?.statements[position] = statement
    statementRows[Int(statement) - 1].reports.append((article, position))
  }

  mutating func insertRewrite(_ link: RewriteLink) { rewriteLinks[link.article] = link }

  mutating func addDocumentFrequencies(_ terms: [String]) {
    for term in Set(terms) { frequencies[term, default: 0] += 1 }
  }

  mutating func insertStory(title: String, published: String?) -> Int64 {
    let id = Int64(storyRows.count + 1)
    storyRows.append(
      StoryRow(id: id, title: title, firstPublished: published, lastPublished: published))
    return id
  }

  mutating func setStory(article: Int64, story: Int64, published: String?, terms: [String: Double]?)
  {
    articles[article]?.storyID = story
    let index = Int(story) - 1
    if let published {
      if storyRows[index].firstPublished.map({ published.utf8.lexicographicallyPrecedes($0.utf8) })
        ?? true
      {
        storyRows[index].firstPublished = published
      }
      if storyRows[index].lastPublished.map({ $0.utf8.lexicographicallyPrecedes(published.utf8) })
        ?? true
      {
        storyRows[index].lastPublished = published
      }
    }
    guard let terms else { return }
    let old = storyRows[index].terms
    let merged = ArticleLinker.merged(old, terms)
    for term in old.keys where merged[term] == nil { storiesByTerm[term]?.remove(story) }
    for term in merged.keys { storiesByTerm[term, default: []].insert(story) }
    storyRows[index].terms = merged
  }
}

extension InMemoryStore {
  func isCopy(_ articleID: Int64) -> Bool { links.articles[articleID]?.duplicateOf != nil }

  public func recordSighting(_ sighting: ArticleSighting) async throws(StoreError) -> Int64? {
    guard let id = links.articleIDByContent[sighting.contentKey] else { return nil }
    links.addSighting(sighting, articleID: id)
    return id
  }

  public func duplicates(_ query: LinkQuery) async throws(StoreError) -> [DuplicateRecord] {
    if let limit = query.limit, limit <= 0 { return [] }
    var records: [(original: Int64, copy: Int64, record: DuplicateRecord)] = []
    for (article, rows) in links.sightings {
      let group = rows.map {
        Sighting(id: $0.id, source: $0.sighting.source, published: $0.sighting.published)
      }
      for (original, copy) in LinkListing.exactPairs(group) {
        records.append(
          (
            article, copy.id,
            DuplicateRecord(
              article: copy.source, duplicateOf: original.source, kind: "exact", similarity: 1)
          ))
      }
    }
    for row in links.articles.values {
      guard let root = row.duplicateOf, let original = links.articles[root] else { continue }
      records.append(
        (
          root, row.id,
          DuplicateRecord(
            article: row.source, duplicateOf: original.source, kind: "near",
            similarity: LinkListing.rounded(row.duplicateSimilarity ?? 1))
        ))
    }
    records.sort { ($0.original, $0.copy) < ($1.original, $1.copy) }
    let listed = records.map(\.record)
    return query.limit.map { Array(listed.prefix($0)) } ?? listed
  }

  public func rewrites(_ query: LinkQuery) async throws(StoreError) -> [RewriteRecord] {
    if let limit = query.limit, limit <= 0 { return [] }
    var records: [RewriteRecord] = []
    for link in links.rewriteLinks.values.sorted(by: { $0.article < $1.article }) {
      guard let article = links.articles[link.article], let original = links.articles[link.original]
      else { continue }
      let altered = link.altered.map { quote in
        let variant = quoteRecord(article: link.article, position: quote.position)
        let source = quoteRecord(article: link.original, position: quote.originalPosition)
        return AlteredQuote(
          speaker: variant?.speaker ?? source?.speaker, original: source?.text ?? "",
          variant: variant?.text ?? "",
          diff: quote.diff.rendered, meaningChanged: !quote.changes.isEmpty,
          changes: quote.changes.names)
      }
      records.append(
        RewriteRecord(
          article: article.source, original: original.source,
          similarity: LinkListing.rounded(link.similarity),
          sharedQuotes: link.sharedQuotes, alteredQuotes: altered))
    }
    return query.limit.map { Array(records.prefix($0)) } ?? records
  }

  /// A stored quote's text and speaker (the entity's name when linked).
  func quoteRecord(article: Int64, position: Int) -> (text: String, speaker: String?)? {
    guard let quote = quoteRows.first(where: { $0.articleID == article && $0.position == position })
    else { return nil }
    return (quote.record.text, quote.entityID.flatMap(identity.entity)?.name ?? quote.speaker)
  }

  func storyMembers(_ story: Int64) -> [StoryArticle] {
    let rows = links.articles.values.filter { $0.storyID == story }.sorted {
      LinkListing.earlier(
        ($0.published.flatMap(ArticleLinker.dayNumber), $0.id),
        ($1.published.flatMap(ArticleLinker.dayNumber), $1.id))
    }
    return rows.flatMap { row -> [StoryArticle] in
      let copyOf = row.duplicateOf.flatMap { links.articles[$0]?.source }
      let rewriteOf = links.rewriteLinks[row.id].flatMap { links.articles[$0.original]?.source }
      var articles = [
        StoryArticle(
          source: row.source, title: row.title, outlet: row.outlet, published: row.published,
          relation: copyOf != nil ? "near" : rewriteOf != nil ? "rewrite" : "original",
          of: copyOf ?? rewriteOf)
      ]
      for sighting in links.sightings[row.id] ?? [] where sighting.sighting.source != row.source {
        articles.append(
          StoryArticle(
            source: sighting.sighting.source, title: sighting.sighting.title,
            outlet: sighting.sighting.outlet,
            published: sighting.sighting.published, relation: "exact", of: row.source))
      }
      return articles
    }
  }

  public func stories(_ query: StoryQuery) async throws(StoreError) -> [StorySummary] {
    if let limit = query.limit, limit <= 0 { return [] }
    let rows = query.limit.map { Array(links.storyRows.prefix($0)) } ?? links.storyRows
    return rows.map { story in
      let members = storyMembers(story.id)
      return StorySummary(
        id: story.id, title: story.title, articles: members.map(\.source),
        firstPublished: story.firstPublished,
        lastPublished: story.lastPublished, outlets: LinkListing.outlets(members.map(\.outlet)))
    }
  }

  public func story(id: Int64) async throws(StoreError) -> StoryDetail? {
    guard id >= 1, Int(id) <= links.storyRows.count else { return nil }
    let story = links.storyRows[Int(id) - 1]
    let members = storyMembers(id)
    let terms = story.terms.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
      .prefix(10)
      .compactMap { term, _ -> String? in
        if term.hasPrefix("e:"), let entity = Int64(term.dropFirst(2)) {
          return identity.entity(entity)?.name
        }
        return String(term.dropFirst(2))
      }
    return StoryDetail(
      id: id, title: story.title, firstPublished: story.firstPublished,
      lastPublished: story.lastPublished,
      outlets: LinkListing.outlets(members.map(\.outlet)), terms: terms, articles: members)
  }

  public func statements(_ query: StatementQuery) async throws(StoreError) -> [StatementRecord] {
    if let limit = query.limit, limit <= 0 { return [] }
    var key: String?
    if let name = TextFolding.nonBlank(query.speaker) {
      guard let profile = try await speaker(named: name, includeCopies: true) else { return [] }
      key = ArticleLinker.speakerKey(entity: profile.entityID, speaker: profile.name)
    }
    var rows = links.statementRows.filter { key == nil || $0.speakerKey == key }
    if key == nil, let limit = query.limit { rows = Array(rows.prefix(limit)) }
    var records = rows.map { row in
      var speaker = row.speaker
      if row.speakerKey.hasPrefix("e:"), let entity = Int64(row.speakerKey.dropFirst(2)),
        let name = identity.entity(entity)?.name
      {
        speaker = name
      }
      let original = row.textKey.split(separator: " ").map(String.init)
      var reports: [(day: Int?, id: Int64, report: StatementReport)] = []
      for report in row.reports {
        guard let article = links.articles[report.article],
          let wording = quoteRecord(article: report.article, position: report.position)?.text
        else { continue }
        let isAltered = QuoteAlignment(original: original, variant: LinkText.words(wording))
          .isAltered
        reports.append(
          (
            article.published.flatMap(ArticleLinker.dayNumber), article.id,
            StatementReport(
              source: article.source, outlet: article.outlet, published: article.published,
              wording: wording,
              isCopy: article.duplicateOf != nil, isAltered: isAltered)
          ))
        for sighting in links.sightings[article.id] ?? []
        where sighting.sighting.source != article.source {
          reports.append(
            (
              nil, article.id,
              StatementReport(
                source: sighting.sighting.source, outlet: sighting.sighting.outlet,
                published: sighting.sighting.published,
                wording: wording, isCopy: true, isAltered: isAltered)
            ))
        }
      }
      return StatementRecord(
        id: row.id, speaker: speaker, text: row.text,
        reports: LinkListing.reportOrder(reports).map(\.report))
    }
    if key != nil {
      records.sort {
        $0.reports.count != $1.reports.count ? $0.reports.count > $1.reports.count : $0.id < $1.id
      }
      if let limit = query.limit { records = Array(records.prefix(limit)) }
    }
    return records
  }
}
