import Foundation
import GRDB
import QuotidianCore

/// ``ArticleLinker``'s reads and writes inside the saving transaction. Every read is an
/// index seek with a LIMIT.
struct SQLiteLinkCatalog: LinkCatalog {
  let db: Database
  /// The writer's cache; story centroids are kept there.
  var cache = IdentityCache()
  /// The article being linked: its signature, copy and story are written in one `UPDATE`
  /// by ``writeNewArticle()`` rather than one each (every update rewrites the whole row, its
  /// text included).
  var newArticle: Int64?
  var newSignature: Data?
  var newDuplicate: (original: Int64, similarity: Double)?
  var newStory: Int64?

  /// Writes what linking decided about ``newArticle``.
  mutating func writeNewArticle() throws {
    guard let id = newArticle else { return }
    var assignments: [String] = []
    var arguments: [(any DatabaseValueConvertible)?] = []
    if let newSignature {
      assignments.append("signature = ?")
      arguments.append(newSignature)
    }
    if let newDuplicate {
      assignments.append("duplicate_of = ?, duplicate_kind = 'near', duplicate_similarity = ?")
      arguments += [newDuplicate.original, newDuplicate.similarity]
    }
    if let newStory {
      assignments.append("story_id = ?")
      arguments.append(newStory)
    }
    newArticle = nil
    guard !assignments.isEmpty else { return }
    try db.execute(
      sql: "UPDATE articles SET \(assignments.joined(separator: ", ")) WHERE id = ?",
      arguments: StatementArguments(arguments + [id]))
  }

  static func placeholders(_ count: Int) -> String {
    Array(repeating: "?", count: count).joined(separator: ", ")
  }

  // The look-ups on the ingest path; `SQLiteLinkingPlanTests` checks each is an index seek.
  static func articlesSharingBands(_ count: Int, limit: Int) -> String {
    "SELECT DISTINCT article_id FROM article_bands WHERE band IN (\(placeholders(count))) LIMIT \(limit)"
  }
  static let articlesByBand =
    "SELECT article_id FROM article_bands WHERE band = ? ORDER BY article_id LIMIT ?"
  static let statementsByBand =
    "SELECT statement_id FROM statement_bands WHERE band = ? ORDER BY statement_id LIMIT ?"
  static let statementByID = "SELECT id, speaker_key, text_key FROM statements WHERE id = ?"
  static let articleByID =
    "SELECT id, published, signature, duplicate_of, story_id FROM articles WHERE id = ?"
  static let duplicatesOfRoot =
    "SELECT id, published, signature, duplicate_of, story_id FROM articles WHERE duplicate_of = ?"
  static let statementBySpeakerAndText =
    "SELECT id FROM statements WHERE speaker_key = ? AND text_key = ? ORDER BY id LIMIT 1"
  static func statementsByText(limit: Int) -> String {
    "SELECT id, speaker_key, text_key FROM statements WHERE text_key = ? ORDER BY id LIMIT \(limit)"
  }
  static func statementsSharingBands(_ count: Int, limit: Int) -> String {
    """
    SELECT s.id, s.speaker_key, s.text_key FROM statements s WHERE s.id IN (
      SELECT statement_id FROM statement_bands WHERE band IN (\(placeholders(count))) LIMIT \(limit))
    ORDER BY s.id
    """
  }
  static func reportingArticles(limit: Int) -> String {
    "SELECT DISTINCT article_id FROM quotes WHERE statement_id = ? ORDER BY article_id LIMIT \(limit)"
  }
  static func clustersByTerm(_ level: ClusterLevel, limit: Int) -> String {
    """
    SELECT \(level.owner) FROM \(level.termsTable) WHERE term = ?
    ORDER BY \(level.owner) DESC LIMIT \(limit)
    """
  }
  static func termFrequencies(_ count: Int) -> String {
    "SELECT term, articles FROM term_frequencies WHERE term IN (\(placeholders(count)))"
  }
  static let contentByKey = "SELECT id FROM articles WHERE text_key = ?"
  static let quotesOfArticle =
    "SELECT position, text FROM quotes WHERE article_id = ? ORDER BY position"

  /// Every look-up above with its arguments' count, for the plan test.
  static let ingestLookups: [(sql: String, arguments: Int)] = [
    (articlesSharingBands(3, limit: 200), 3), (articleByID, 1), (duplicatesOfRoot, 1),
    (statementBySpeakerAndText, 2), (statementsByText(limit: 5), 1),
    (statementsSharingBands(3, limit: 40), 3),
    (reportingArticles(limit: 4), 1), (clustersByTerm(.event, limit: 12), 1),
    (clustersByTerm(.storyline, limit: 8), 1), (termFrequencies(3), 3),
    (contentByKey, 1),
    (quotesOfArticle, 1), (articlesByBand, 2), (statementsByBand, 2), (statementByID, 1),
  ]

  /// One prepared seek per band, in ascending band order, until `limit` distinct articles:
  /// the rows ``articlesSharingBands(_:limit:)`` gives, without the temporary tables SQLite
  /// builds for an `IN` list and `DISTINCT` (each a fresh allocation, page faults included).
  func articles(sharingBands bands: [Int64], limit: Int) throws -> [Int64] {
    guard !bands.isEmpty else { return [] }
    let seek = try db.cachedStatement(sql: Self.articlesByBand)
    var seen: Set<Int64> = []
    var found: [Int64] = []
    for band in Set(bands).sorted() {
      for id in try Int64.fetchAll(seek, arguments: [band, limit]) where seen.insert(id).inserted {
        found.append(id)
        if found.count == limit { return found }
      }
    }
    return found
  }

  func article(_ id: Int64) throws -> LinkedArticle? {
    try Row.fetchOne(
      db.cachedStatement(sql: Self.articleByID), arguments: [id]
    ).map(Self.linkedArticle)
  }

  static func linkedArticle(_ row: Row) -> LinkedArticle {
    let blob: Data? = row[2]
    return LinkedArticle(
      id: row[0], published: row[1], signature: blob.flatMap { MinHashSignature(bytes: Array($0)) },
      duplicateOf: row[3], storyID: row[4])
  }

  func duplicates(of root: Int64) throws -> [LinkedArticle] {
    try Row.fetchAll(
      db.cachedStatement(sql: Self.duplicatesOfRoot), arguments: [root]
    ).map(Self.linkedArticle)
  }

  func statement(speakerKey: String, textKey: String) throws -> Int64? {
    try Int64.fetchOne(
      db.cachedStatement(sql: Self.statementBySpeakerAndText), arguments: [speakerKey, textKey])
  }

  func statements(textKey: String, limit: Int) throws -> [StatementCandidate] {
    try Row.fetchAll(
      db, sql: Self.statementsByText(limit: limit),
      arguments: [textKey]
    ).map(Self.statementCandidate)
  }

  static func statementCandidate(_ row: Row) -> StatementCandidate {
    let key: String = row[2]
    return StatementCandidate(
      id: row[0], speakerKey: row[1], words: key.split(separator: " ").map(String.init))
  }

  /// As ``statementsSharingBands(_:limit:)``: the first `limit` band rows in ascending band
  /// order, their statements by ID; one prepared seek per band and per statement.
  func statements(sharingBands bands: [Int64], limit: Int) throws -> [StatementCandidate] {
    guard !bands.isEmpty else { return [] }
    let seek = try db.cachedStatement(sql: Self.statementsByBand)
    var ids: Set<Int64> = []
    var rows = 0
    bands: for band in Set(bands).sorted() {
      for id in try Int64.fetchAll(seek, arguments: [band, limit - rows]) {
        ids.insert(id)
        rows += 1
        if rows == limit { break bands }
      }
    }
    let statement = try db.cachedStatement(sql: Self.statementByID)
    return try ids.sorted().compactMap { id in
      try Row.fetchOne(statement, arguments: [id]).map(Self.statementCandidate)
    }
  }

  func reportingArticles(statement: Int64, limit: Int) throws -> [Int64] {
    try Int64.fetchAll(
      db, sql: Self.reportingArticles(limit: limit),
      arguments: [statement])
  }

  func quotes(ofArticle article: Int64) throws -> [LinkQuote] {
    try Row.fetchAll(db.cachedStatement(sql: Self.quotesOfArticle), arguments: [article])
      .map { row in LinkQuote(position: row[0], words: LinkText.words(row[1])) }
  }

  func hasRewriteOriginal(_ article: Int64) throws -> Bool {
    try Bool.fetchOne(
      db.cachedStatement(sql: "SELECT 1 FROM rewrites WHERE article_id = ?"), arguments: [article])
      ?? false
  }

  /// From the cache (which the writer keeps current), the rest in one query.
  func documentFrequencies(_ terms: [String]) throws -> [String: Int] {
    guard !terms.isEmpty else { return [:] }
    var (frequencies, missing) = cache.termFrequencies(terms)
    guard !missing.isEmpty else { return frequencies }
    var read: [String: Int] = Dictionary(uniqueKeysWithValues: missing.map { ($0, 0) })
    for row in try Row.fetchAll(
      db.cachedStatement(sql: Self.termFrequencies(missing.count)),
      arguments: StatementArguments(missing))
    {
      read[row[0]] = row[1]
    }
    cache.store(termFrequencies: read)
    for (term, count) in read where count > 0 { frequencies[term] = count }
    return frequencies
  }

  func stories(sharingTerms terms: [String], limitPerTerm: Int) throws -> [StoryCandidate] {
    try clusters(.event, sharingTerms: terms, limitPerTerm: limitPerTerm)
  }

  /// The newest clusters of `level` holding each of `terms`, with their centroids and dates.
  func clusters(_ level: ClusterLevel, sharingTerms terms: [String], limitPerTerm: Int) throws
    -> [StoryCandidate]
  {
    var ids: Set<Int64> = []
    let statement = try db.cachedStatement(
      sql: Self.clustersByTerm(level, limit: limitPerTerm))
    for term in terms { ids.formUnion(try Int64.fetchAll(statement, arguments: [term])) }
    return try ids.sorted().compactMap { id in
      guard
        let row = try Row.fetchOne(
          db.cachedStatement(
            sql: "SELECT first_published, last_published FROM \(level.table) WHERE id = ?"),
          arguments: [id])
      else { return nil }
      return StoryCandidate(
        id: id, terms: try centroid(level, id), firstPublished: row[0], lastPublished: row[1])
    }
  }

  func centroid(_ level: ClusterLevel, _ id: Int64) throws -> [String: Double] {
    if let cached = cache.centroid(level, of: id) { return cached }
    var terms: [String: Double] = [:]
    for row in try Row.fetchAll(
      db.cachedStatement(
        sql: "SELECT term, weight FROM \(level.termsTable) WHERE \(level.owner) = ?"),
      arguments: [id])
    {
      terms[row[0]] = row[1]
    }
    cache.store(centroid: terms, level, of: id)
    return terms
  }

  mutating func setSignature(article: Int64, signature: MinHashSignature, bands: [Int64]) throws {
    if article == newArticle {
      newSignature = Data(signature.bytes)
    } else {
      try db.cachedStatement(sql: "UPDATE articles SET signature = ? WHERE id = ?").execute(
        arguments: [Data(signature.bytes), article])
    }
    let insert = try db.cachedStatement(
      sql: "INSERT OR IGNORE INTO article_bands (band, article_id) VALUES (?, ?)")
    for band in bands { try insert.execute(arguments: [band, article]) }
  }

  mutating func setDuplicate(article: Int64, of original: Int64, similarity: Double) throws {
    if article == newArticle {
      newDuplicate = (original, similarity)
      return
    }
    try db.cachedStatement(
      sql:
        "UPDATE articles SET duplicate_of = ?, duplicate_kind = 'near', duplicate_similarity = ? WHERE id = ?"
    ).execute(arguments: [original, similarity, article])
  }

  func insertStatement(
    speakerKey: String, speaker: String?, textKey: String, text: String, article: Int64,
    bands: [Int64]
  ) throws -> Int64 {
    try db.cachedStatement(
      sql:
        "INSERT INTO statements (speaker_key, speaker, text_key, text, first_article_id) VALUES (?, ?, ?, ?, ?)"
    ).execute(arguments: [speakerKey, speaker, textKey, text, article])
    let id = db.lastInsertedRowID
    let insert = try db.cachedStatement(
      sql: "INSERT OR IGNORE INTO statement_bands (band, statement_id) VALUES (?, ?)")
    for band in bands { try insert.execute(arguments: [band, id]) }
    return id
  }

  func setStatement(article: Int64, position: Int, statement: Int64) throws {
    try db.cachedStatement(
      sql: "UPDATE quotes SET statement_id = ? WHERE article_id = ? AND position = ?"
    ).execute(arguments: [statement, article, position])
  }

  func insertRewrite(_ link: RewriteLink) throws {
    try db.cachedStatement(
      sql:
        "INSERT OR REPLACE INTO rewrites (article_id, original_id, similarity, shared_quotes) VALUES (?, ?, ?, ?)"
    ).execute(arguments: [link.article, link.original, link.similarity, link.sharedQuotes])
    try db.cachedStatement(sql: "DELETE FROM altered_quotes WHERE article_id = ?").execute(
      arguments: [link.article])
    for quote in link.altered {
      let diff = String(decoding: try JSONEncoder().encode(quote.diff), as: UTF8.self)
      try db.cachedStatement(
        sql:
          "INSERT INTO altered_quotes (article_id, position, original_position, diff, changes) VALUES (?, ?, ?, ?, ?)"
      ).execute(arguments: [
        link.article, quote.position, quote.originalPosition, diff,
        quote.changes.names.joined(separator: ","),
      ])
    }
  }

  func addDocumentFrequencies(_ terms: [String]) throws {
    let upsert = try db.cachedStatement(
      sql: """
        INSERT INTO term_frequencies (term, articles) VALUES (?, 1)
        ON CONFLICT (term) DO UPDATE SET articles = articles + 1
        """)
    let distinct = Set(terms)
    for term in distinct { try upsert.execute(arguments: [term]) }
    cache.count(terms: distinct)
  }

  func insertStory(title: String, published: String?) throws -> Int64 {
    try db.cachedStatement(
      sql: "INSERT INTO stories (title, first_published, last_published) VALUES (?, ?, ?)"
    ).execute(arguments: [title, published, published])
    return db.lastInsertedRowID
  }

  mutating func setStory(
    article: Int64, story: Int64, published: String?, terms: [String: Double]?
  ) throws {
    if article == newArticle {
      newStory = story
    } else {
      try db.cachedStatement(sql: "UPDATE articles SET story_id = ? WHERE id = ?").execute(
        arguments: [story, article])
    }
    try db.cachedStatement(
      sql: """
        UPDATE stories SET article_count = article_count + 1,
          \(Self.widening(first: "?1", last: "?1"))
        WHERE id = ?2
        """
    ).execute(arguments: [published, story])
    guard let terms else { return }
    try addToCentroid(.event, story, terms)
  }

  /// Adds `terms` to the centroid of `id` at `level` (``ArticleLinker/merged(_:_:)``),
  /// writing only the terms that changed: most of a centroid stays as it was.
  func addToCentroid(_ level: ClusterLevel, _ id: Int64, _ terms: [String: Double]) throws {
    let old = try centroid(level, id)
    let new = ArticleLinker.merged(old, terms)
    let delete = try db.cachedStatement(
      sql: "DELETE FROM \(level.termsTable) WHERE \(level.owner) = ? AND term = ?")
    for term in old.keys.sorted() where new[term] == nil {
      try delete.execute(arguments: [id, term])
    }
    let upsert = try db.cachedStatement(
      sql: """
        INSERT INTO \(level.termsTable) (\(level.owner), term, weight) VALUES (?, ?, ?)
        ON CONFLICT (\(level.owner), term) DO UPDATE SET weight = excluded.weight
        """)
    for (term, weight) in new.sorted(by: { $0.key < $1.key }) where old[term] != weight {
      try upsert.execute(arguments: [id, term, weight])
    }
    cache.store(centroid: new, level, of: id)
  }

  // MARK: Storylines

  func storyline(ofStory story: Int64) throws -> Int64? {
    try Int64.fetchOne(
      db.cachedStatement(sql: "SELECT storyline_id FROM stories WHERE id = ?"), arguments: [story])
  }

  func storylines(sharingTerms terms: [String], limitPerTerm: Int) throws -> [StoryCandidate] {
    try clusters(.storyline, sharingTerms: terms, limitPerTerm: limitPerTerm)
  }

  func insertStoryline(title: String, published: String?) throws -> Int64 {
    try db.cachedStatement(
      sql: "INSERT INTO storylines (title, first_published, last_published) VALUES (?, ?, ?)"
    ).execute(arguments: [title, published, published])
    return db.lastInsertedRowID
  }

  func setStoryline(
    story: Int64, storyline: Int64, published: String?, terms: [String: Double]?
  ) throws {
    if try self.storyline(ofStory: story) != storyline {
      try db.cachedStatement(sql: "UPDATE stories SET storyline_id = ? WHERE id = ?").execute(
        arguments: [storyline, story])
      try db.cachedStatement(
        sql: "UPDATE storylines SET event_count = event_count + 1 WHERE id = ?"
      ).execute(arguments: [storyline])
    }
    try widenStoryline(storyline, first: published, last: published)
    guard let terms else { return }
    try addToCentroid(.storyline, storyline, terms)
  }

  /// The assignments that widen a cluster's `first_published`/`last_published` to the days
  /// bound to the parameters `first` and `last` (either may be null: nothing moves).
  static func widening(first: String, last: String) -> String {
    """
    first_published = CASE WHEN \(first) IS NOT NULL AND (first_published IS NULL OR \(first) < first_published)
        THEN \(first) ELSE first_published END,
      last_published = CASE WHEN \(last) IS NOT NULL AND (last_published IS NULL OR \(last) > last_published)
        THEN \(last) ELSE last_published END
    """
  }

  func widenStoryline(_ storyline: Int64, first: String?, last: String?) throws {
    try db.cachedStatement(
      sql: """
        UPDATE storylines SET \(Self.widening(first: "?1", last: "?2"))
        WHERE id = ?3
        """
    ).execute(arguments: [first, last, storyline])
  }

  func mergeStoryline(_ storyline: Int64, into target: Int64) throws {
    guard storyline != target,
      let row = try Row.fetchOne(
        db,
        sql: "SELECT first_published, last_published, event_count FROM storylines WHERE id = ?",
        arguments: [storyline])
    else { return }
    let absorbed = try centroid(.storyline, storyline)
    try db.execute(
      sql: "UPDATE stories SET storyline_id = ? WHERE storyline_id = ?",
      arguments: [target, storyline])
    try db.execute(
      sql: "UPDATE storylines SET event_count = event_count + ? WHERE id = ?",
      arguments: [row[2] as Int, target])
    try widenStoryline(target, first: row[0], last: row[1])
    try addToCentroid(.storyline, target, absorbed)
    try db.execute(sql: "DELETE FROM storylines WHERE id = ?", arguments: [storyline])
    cache.store(centroid: [:], .storyline, of: storyline)
  }
}

extension SQLiteStore {
  /// Records `sighting` when an article with its content is stored; returns that article.
  static func recordSighting(_ db: Database, _ sighting: ArticleSighting) throws -> Int64? {
    guard
      let id = try Int64.fetchOne(
        db.cachedStatement(sql: SQLiteLinkCatalog.contentByKey), arguments: [sighting.contentKey])
    else { return nil }
    try insertSighting(db, sighting, articleID: id)
    return id
  }

  static func insertSighting(_ db: Database, _ sighting: ArticleSighting, articleID: Int64) throws {
    try db.cachedStatement(
      sql: """
        INSERT OR IGNORE INTO article_sightings (article_id, source, source_key, url, format, title, outlet, published)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      articleID, sighting.source, ArticleIdentity.sourceKey(sighting.source), sighting.url,
      sighting.format,
      sighting.title, sighting.outlet, sighting.published,
    ])
  }

  /// Links a just-inserted article: near copies, statements, rewrites, story.
  static func link(
    _ db: Database, result: ExtractionResult, articleID: Int64, speakerEntities: [Int64?],
    cache: IdentityCache = IdentityCache(), chainsStorylines: Bool = true
  ) throws {
    var entityTerms: [String] = []
    var placeTerms: Set<String> = []
    for row in try Row.fetchAll(
      db.cachedStatement(
        sql: """
          SELECT e.name_key, max(e.kind = 'place') FROM article_entities ae
          JOIN entities e ON e.id = ae.entity_id
          WHERE ae.article_id = ? AND e.is_named = 1 GROUP BY e.name_key
          ORDER BY sum(ae.mention_count) DESC, e.name_key LIMIT 12
          """), arguments: [articleID])
    {
      let term = "n:" + (row[0] as String)
      entityTerms.append(term)
      if row[1] as Bool { placeTerms.insert(term) }
    }
    let quotes = result.quotes.enumerated().map { position, quote in
      let entity = speakerEntities.indices.contains(position) ? speakerEntities[position] : nil
      let speaker = TextFolding.nonBlank(quote.speaker)
      return (
        position: position, text: quote.text, speaker: speaker,
        speakerKey: ArticleLinker.speakerKey(entity: entity, speaker: speaker)
      )
    }
    var catalog = SQLiteLinkCatalog(db: db, cache: cache, newArticle: articleID)
    try ArticleLinker.link(
      ArticleLinker.Input(
        articleID: articleID, published: result.published, title: result.title, text: result.text,
        quotes: quotes,
        entityTerms: entityTerms, placeTerms: placeTerms, chainsStorylines: chainsStorylines),
      in: &catalog)
    try catalog.writeNewArticle()
  }

  /// v3's backfill: content keys, sightings and links for articles stored before it.
  static func backfillLinks(_ db: Database) throws {
    let rows = try Row.fetchAll(
      db,
      sql:
        "SELECT id, source, url, format, title, outlet, published, text FROM articles ORDER BY id")
    for row in rows {
      let id: Int64 = row[0]
      let text: String = row[7]
      let sighting = ArticleSighting(
        source: row[1], url: row[2], format: row[3], title: row[4], outlet: row[5],
        published: row[6],
        contentKey: ArticleIdentity.contentKey(text: text))
      if let first = try Int64.fetchOne(
        db, sql: "SELECT id FROM articles WHERE text_key = ?", arguments: [sighting.contentKey])
      {
        try db.execute(
          sql:
            "UPDATE articles SET duplicate_of = ?, duplicate_kind = 'exact', duplicate_similarity = 1 WHERE id = ?",
          arguments: [first, id])
        try insertSighting(db, sighting, articleID: id)
        try db.execute(
          sql:
            "UPDATE articles SET story_id = (SELECT story_id FROM articles WHERE id = ?) WHERE id = ?",
          arguments: [first, id])
        continue
      }
      try db.execute(
        sql: "UPDATE articles SET text_key = ? WHERE id = ?", arguments: [sighting.contentKey, id])
      try insertSighting(db, sighting, articleID: id)
      let quoteRows = try Row.fetchAll(
        db,
        sql: "SELECT text, speaker, entity_id FROM quotes WHERE article_id = ? ORDER BY position",
        arguments: [id])
      let quotes = quoteRows.map { quote in
        ExtractionResult.QuoteRecord(
          text: quote[0], speaker: quote[1], speakerMention: nil, cue: nil, kind: "direct",
          start: 0, end: 0,
          confidence: 0, rule: "none")
      }
      let result = ExtractionResult(
        source: sighting.source, format: sighting.format, title: sighting.title, authors: [],
        published: sighting.published, outlet: sighting.outlet, url: sighting.url, language: nil,
        text: text,
        quotes: quotes, entities: [])
      try link(
        db, result: result, articleID: id, speakerEntities: quoteRows.map { $0[2] },
        chainsStorylines: false)
    }
  }
}

extension ArticleLinker {
  /// Who said it, as statements compare speakers: the linked entity, else the folded name,
  /// else nobody ("").
  package static func speakerKey(entity: Int64?, speaker: String?) -> String {
    if let entity { return "e:\(entity)" }
    if let speaker = TextFolding.nonBlank(speaker) { return "s:" + TextFolding.key(speaker) }
    return ""
  }
}

extension SQLiteStore {
  /// The `EXPLAIN QUERY PLAN` details of `sql` with `arguments` placeholders bound to 1.
  func unsafeFetchPlan(sql: String, arguments: Int) throws(StoreError) -> [String] {
    do {
      return try pool.read { db in
        try Row.fetchAll(
          db, sql: "EXPLAIN QUERY PLAN " + sql,
          arguments: StatementArguments(Array(repeating: 1, count: arguments))
        ).map { $0["detail"] as String }
      }
    } catch {
      throw StoreError(operation: "query", reason: Self.reason(error), source: path)
    }
  }
}
