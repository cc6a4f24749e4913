import Foundation
internal import NIOCore
internal import PostgresNIO
import QuotidianCore
import QuotidianStore

/// ``ArticleLinker``'s reads and writes on the writer's connection inside the saving
/// transaction: the look-ups of the SQLite catalog, with the same orders and limits, each
/// list in one statement (`unnest … LATERAL` for "the first N per key").
struct PostgresLinkCatalog: LinkCatalog {
  let connection: BlockingConnection
  /// The article being linked: its signature, copy and story are written in one `UPDATE`.
  var newArticle: Int64?
  var newSignature: [UInt8]?
  var newDuplicate: (original: Int64, similarity: Double)?
  var newStory: Int64?

  // What the look-ups of one article's linking would read, fetched in a few statements
  // (``prefetchStatements(_:)``, ``articles(sharingBands:limit:)``) and kept current by this
  // catalog's own writes, so that each answer is the one the single look-up would give.
  /// The lowest statement ID per `speakerKey \0 textKey` (nil: none).
  var statementBySpeakerAndText: [String: Int64?] = [:]
  /// The lowest ``textLimit`` statements per text key.
  var statementsByText: [String: [StatementCandidate]] = [:]
  /// The lowest ``bandLimit`` statement IDs per band.
  var statementIDsByBand: [Int64: [Int64]] = [:]
  var statementRows: [Int64: StatementCandidate] = [:]
  var articleRows: [Int64: LinkedArticle] = [:]
  /// IDs taken from the statements' sequence for the statements this article may add (one
  /// per quote), so that inserting one need not wait for its ID.
  var statementIDs: [Int64] = []
  /// The batch's document frequencies (see ``TermCounts``).
  var termCounts = TermCounts()
  static let textLimit = 5
  static let bandLimit = 40

  mutating func writeNewArticle() throws {
    guard let id = newArticle else { return }
    newArticle = nil
    try connection.execute(
      """
      UPDATE articles SET signature = coalesce($1, signature),
        duplicate_of = coalesce($2, duplicate_of),
        duplicate_kind = CASE WHEN $2::bigint IS NULL THEN duplicate_kind ELSE 'near' END,
        duplicate_similarity = coalesce($3, duplicate_similarity),
        story_id = coalesce($4, story_id)
      WHERE id = $5
      """,
      [
        .bytes(newSignature), .int(newDuplicate?.original), .real(newDuplicate?.similarity),
        .int(newStory), .int(id),
      ])
  }

  /// Reads the statements the article's quotes (text and speaker key) may report.
  mutating func prefetchStatements(_ quotes: [(text: String, speakerKey: String)]) throws {
    var speakers: [String] = []
    var texts: [String] = []
    var bands: Set<Int64> = []
    for quote in quotes {
      let print = QuoteFingerprint(text: quote.text)
      guard !print.words.isEmpty else { continue }
      if statementBySpeakerAndText.updateValue(nil, forKey: quote.speakerKey + "\u{0}" + print.key)
        == nil
      {
        speakers.append(quote.speakerKey)
        texts.append(print.key)
      }
      statementsByText[print.key] = []
      bands.formUnion(print.bandKeys)
    }
    guard !texts.isEmpty else { return }
    for row in try connection.rows(
      "SELECT nextval('statements_id_seq') FROM generate_series(1, $1)", [.int(texts.count)])
    {
      statementIDs.append(try row.decode(Int64.self))
    }
    for row in try connection.rows(
      """
      SELECT k.speaker_key, k.text_key, x.id FROM unnest($1::text[], $2::text[]) k(speaker_key, text_key),
      LATERAL (SELECT id FROM statements WHERE speaker_key = k.speaker_key AND text_key = k.text_key
        ORDER BY id LIMIT 1) x
      """, [.texts(speakers), .texts(texts)])
    {
      let (speaker, text, id) = try row.decode((String, String, Int64).self)
      statementBySpeakerAndText[speaker + "\u{0}" + text] = id
    }
    for row in try connection.rows(
      """
      SELECT x.id, x.speaker_key, k.text_key FROM unnest($1::text[]) k(text_key), LATERAL (
        SELECT id, speaker_key FROM statements WHERE text_key = k.text_key
        ORDER BY id LIMIT \(Self.textLimit)) x ORDER BY x.id
      """, [.texts(Array(Set(texts)))])
    {
      let candidate = try Self.statementCandidate(row)
      let (_, _, textKey) = try row.decode((Int64, String, String).self)
      statementsByText[textKey, default: []].append(candidate)
      statementRows[candidate.id] = candidate
    }
    for band in bands { statementIDsByBand[band] = [] }
    var ids: Set<Int64> = []
    if !bands.isEmpty {
      for row in try connection.rows(
        """
        SELECT b.band, x.statement_id FROM unnest($1::bigint[]) b(band), LATERAL (
          SELECT statement_id FROM statement_bands WHERE band = b.band
          ORDER BY statement_id LIMIT \(Self.bandLimit)) x ORDER BY b.band, x.statement_id
        """, [.ints(bands.sorted())])
      {
        let (band, id) = try row.decode((Int64, Int64).self)
        statementIDsByBand[band, default: []].append(id)
        ids.insert(id)
      }
    }
    try loadStatements(ids.filter { statementRows[$0] == nil })
  }

  mutating func loadStatements(_ ids: some Collection<Int64>) throws {
    guard !ids.isEmpty else { return }
    for row in try connection.rows(
      "SELECT id, speaker_key, text_key FROM statements WHERE id = ANY($1::bigint[])",
      [.ints(Array(ids))])
    {
      let candidate = try Self.statementCandidate(row)
      statementRows[candidate.id] = candidate
    }
  }

  mutating func articles(sharingBands bands: [Int64], limit: Int) throws -> [Int64] {
    guard !bands.isEmpty else { return [] }
    var seen: Set<Int64> = []
    var found: [Int64] = []
    for row in try connection.rows(
      """
      SELECT x.article_id FROM unnest($1::bigint[]) WITH ORDINALITY b(band, n), LATERAL (
        SELECT article_id FROM article_bands WHERE band = b.band ORDER BY article_id LIMIT $2) x
      ORDER BY b.n, x.article_id
      """, [.ints(Set(bands).sorted()), .int(limit)])
    {
      let id = try row.decode(Int64.self)
      if seen.insert(id).inserted {
        found.append(id)
        if found.count == limit { break }
      }
    }
    // Their rows, which linking reads next, in one statement.
    let missing = found.filter { articleRows[$0] == nil }
    if !missing.isEmpty {
      for row in try connection.rows(
        "SELECT \(Self.articleColumns) FROM articles WHERE id = ANY($1::bigint[])",
        [.ints(missing)])
      {
        let article = try Self.linkedArticle(row)
        articleRows[article.id] = article
      }
    }
    return found
  }

  static let articleColumns = "id, published, signature, duplicate_of, story_id"

  static func linkedArticle(_ row: PostgresRow) throws -> LinkedArticle {
    let (id, published, signature, duplicateOf, storyID) = try row.decode(
      (Int64, String?, ByteBuffer?, Int64?, Int64?).self)
    return LinkedArticle(
      id: id, published: published,
      signature: signature.flatMap { MinHashSignature(bytes: Array($0.readableBytesView)) },
      duplicateOf: duplicateOf, storyID: storyID)
  }

  mutating func article(_ id: Int64) throws -> LinkedArticle? {
    if let cached = articleRows[id] { return cached }
    let found = try connection.rows(
      "SELECT \(Self.articleColumns) FROM articles WHERE id = $1", [.int(id)]
    ).first.map(Self.linkedArticle)
    if let found { articleRows[id] = found }
    return found
  }

  func duplicates(of root: Int64) throws -> [LinkedArticle] {
    try connection.rows(
      "SELECT \(Self.articleColumns) FROM articles WHERE duplicate_of = $1 ORDER BY id",
      [.int(root)]
    ).map(Self.linkedArticle)
  }

  func statement(speakerKey: String, textKey: String) throws -> Int64? {
    if let cached = statementBySpeakerAndText[speakerKey + "\u{0}" + textKey] { return cached }
    return try connection.value(
      Int64.self,
      "SELECT id FROM statements WHERE speaker_key = $1 AND text_key = $2 ORDER BY id LIMIT 1",
      [.text(speakerKey), .text(textKey)])
  }

  static func statementCandidate(_ row: PostgresRow) throws -> StatementCandidate {
    let (id, speakerKey, textKey) = try row.decode((Int64, String, String).self)
    return StatementCandidate(
      id: id, speakerKey: speakerKey, words: textKey.split(separator: " ").map(String.init))
  }

  func statements(textKey: String, limit: Int) throws -> [StatementCandidate] {
    if limit <= Self.textLimit, let cached = statementsByText[textKey] {
      return Array(cached.prefix(limit))
    }
    return try connection.rows(
      "SELECT id, speaker_key, text_key FROM statements WHERE text_key = $1 ORDER BY id LIMIT $2",
      [.text(textKey), .int(limit)]
    ).map(Self.statementCandidate)
  }

  /// The first `limit` band rows in ascending band order, their statements by ID.
  mutating func statements(sharingBands bands: [Int64], limit: Int) throws -> [StatementCandidate] {
    guard !bands.isEmpty else { return [] }
    var ids: Set<Int64> = []
    var rows = 0
    let sorted = Set(bands).sorted()
    if limit <= Self.bandLimit, sorted.allSatisfy({ statementIDsByBand[$0] != nil }) {
      bands: for band in sorted {
        for id in (statementIDsByBand[band] ?? []).prefix(limit - rows) {
          ids.insert(id)
          rows += 1
          if rows == limit { break bands }
        }
      }
      try loadStatements(ids.filter { statementRows[$0] == nil })
      return ids.sorted().compactMap { statementRows[$0] }
    }
    for row in try connection.rows(
      """
      SELECT x.statement_id FROM unnest($1::bigint[]) WITH ORDINALITY b(band, n), LATERAL (
        SELECT statement_id FROM statement_bands WHERE band = b.band ORDER BY statement_id LIMIT $2) x
      ORDER BY b.n, x.statement_id
      """, [.ints(Set(bands).sorted()), .int(limit)])
    {
      ids.insert(try row.decode(Int64.self))
      rows += 1
      if rows == limit { break }
    }
    guard !ids.isEmpty else { return [] }
    return try connection.rows(
      "SELECT id, speaker_key, text_key FROM statements WHERE id = ANY($1::bigint[]) ORDER BY id",
      [.ints(ids.sorted())]
    ).map(Self.statementCandidate)
  }

  func reportingArticles(statement: Int64, limit: Int) throws -> [Int64] {
    try connection.rows(
      """
      SELECT DISTINCT article_id FROM quotes WHERE statement_id = $1 ORDER BY article_id LIMIT $2
      """, [.int(statement), .int(limit)]
    ).map { try $0.decode(Int64.self) }
  }

  func quotes(ofArticle article: Int64) throws -> [LinkQuote] {
    try connection.rows(
      "SELECT position, text FROM quotes WHERE article_id = $1 ORDER BY position", [.int(article)]
    ).map { row in
      let (position, text) = try row.decode((Int, String).self)
      return LinkQuote(position: position, words: LinkText.words(text))
    }
  }

  func hasRewriteOriginal(_ article: Int64) throws -> Bool {
    try connection.value(Int.self, "SELECT 1 FROM rewrites WHERE article_id = $1", [.int(article)])
      != nil
  }

  func documentFrequencies(_ terms: [String]) throws -> [String: Int] {
    guard !terms.isEmpty else { return [:] }
    let missing = Set(terms).filter { termCounts.stored[$0] == nil }.sorted()
    if !missing.isEmpty {
      for term in missing { termCounts.stored[term] = 0 }
      for row in try connection.rows(
        "SELECT term, articles FROM term_frequencies WHERE term = ANY($1::text[])",
        [.texts(missing)])
      {
        let (term, count) = try row.decode((String, Int).self)
        termCounts.stored[term] = count
      }
    }
    var frequencies: [String: Int] = [:]
    for term in Set(terms) {
      let count = termCounts.current(term)
      if count > 0 { frequencies[term] = count }
    }
    return frequencies
  }

  func stories(sharingTerms terms: [String], limitPerTerm: Int) throws -> [StoryCandidate] {
    try clusters(.event, sharingTerms: terms, limitPerTerm: limitPerTerm)
  }

  /// The newest clusters of `level` holding each of `terms`, with their centroids and dates.
  func clusters(_ level: ClusterLevel, sharingTerms terms: [String], limitPerTerm: Int) throws
    -> [StoryCandidate]
  {
    guard !terms.isEmpty else { return [] }
    var ids: Set<Int64> = []
    for row in try connection.rows(
      """
      SELECT x.\(level.owner) FROM unnest($1::text[]) t(term), LATERAL (
        SELECT \(level.owner) FROM \(level.termsTable) WHERE term = t.term
        ORDER BY \(level.owner) DESC LIMIT $2) x
      """, [.texts(terms), .int(limitPerTerm)])
    {
      ids.insert(try row.decode(Int64.self))
    }
    guard !ids.isEmpty else { return [] }
    let sorted = ids.sorted()
    var centroids: [Int64: [String: Double]] = [:]
    for row in try connection.rows(
      """
      SELECT \(level.owner), term, weight FROM \(level.termsTable)
      WHERE \(level.owner) = ANY($1::bigint[])
      """, [.ints(sorted)])
    {
      let (id, term, weight) = try row.decode((Int64, String, Double).self)
      centroids[id, default: [:]][term] = weight
    }
    return try connection.rows(
      """
      SELECT id, first_published, last_published FROM \(level.table) WHERE id = ANY($1::bigint[])
      ORDER BY id
      """, [.ints(sorted)]
    ).map { row in
      let (id, first, last) = try row.decode((Int64, String?, String?).self)
      return StoryCandidate(
        id: id, terms: centroids[id] ?? [:], firstPublished: first, lastPublished: last)
    }
  }

  func centroid(_ level: ClusterLevel, _ id: Int64) throws -> [String: Double] {
    var terms: [String: Double] = [:]
    for row in try connection.rows(
      "SELECT term, weight FROM \(level.termsTable) WHERE \(level.owner) = $1", [.int(id)])
    {
      let (term, weight) = try row.decode((String, Double).self)
      terms[term] = weight
    }
    return terms
  }

  /// Adds `terms` to the centroid of `id` at `level` (``ArticleLinker/merged(_:_:)``),
  /// writing only the terms that changed.
  func addToCentroid(_ level: ClusterLevel, _ id: Int64, _ terms: [String: Double]) throws {
    let old = try centroid(level, id)
    let new = ArticleLinker.merged(old, terms)
    let removed = old.keys.sorted().filter { new[$0] == nil }
    if !removed.isEmpty {
      try connection.execute(
        "DELETE FROM \(level.termsTable) WHERE \(level.owner) = $1 AND term = ANY($2::text[])",
        [.int(id), .texts(removed)])
    }
    let changed = new.sorted(by: { $0.key < $1.key }).filter { old[$0.key] != $0.value }
    try connection.insert(
      into: level.termsTable, columns: [level.owner, "term", "weight"],
      rows: changed.map { [.int(id), .text($0.key), .real($0.value)] },
      suffix: "ON CONFLICT (\(level.owner), term) DO UPDATE SET weight = excluded.weight")
  }

  mutating func setSignature(article: Int64, signature: MinHashSignature, bands: [Int64]) throws {
    articleRows[article]?.signature = signature
    if article == newArticle {
      newSignature = signature.bytes
    } else {
      try connection.execute(
        "UPDATE articles SET signature = $1 WHERE id = $2",
        [.bytes(signature.bytes), .int(article)])
    }
    try connection.execute(
      """
      INSERT INTO article_bands (band, article_id) SELECT DISTINCT unnest($1::bigint[]), $2
      ON CONFLICT DO NOTHING
      """, [.ints(bands), .int(article)])
  }

  mutating func setDuplicate(article: Int64, of original: Int64, similarity: Double) throws {
    articleRows[article]?.duplicateOf = original
    if article == newArticle {
      newDuplicate = (original, similarity)
      return
    }
    try connection.execute(
      """
      UPDATE articles SET duplicate_of = $1, duplicate_kind = 'near', duplicate_similarity = $2
      WHERE id = $3
      """, [.int(original), .real(similarity), .int(article)])
  }

  mutating func insertStatement(
    speakerKey: String, speaker: String?, textKey: String, text: String, article: Int64,
    bands: [Int64]
  ) throws -> Int64 {
    let id: Int64
    if !statementIDs.isEmpty {
      id = statementIDs.removeFirst()
      try connection.execute(
        """
        INSERT INTO statements (id, speaker_key, speaker, text_key, text, first_article_id)
        VALUES ($1, $2, $3, $4, $5, $6)
        """,
        [.int(id), .text(speakerKey), .text(speaker), .text(textKey), .text(text), .int(article)])
    } else {
      guard
        let inserted = try connection.value(
          Int64.self,
          """
          INSERT INTO statements (speaker_key, speaker, text_key, text, first_article_id)
          VALUES ($1, $2, $3, $4, $5) RETURNING id
          """,
          [.text(speakerKey), .text(speaker), .text(textKey), .text(text), .int(article)])
      else { throw StoreError(operation: "save", reason: "the statement was not inserted") }
      id = inserted
    }
    if !bands.isEmpty {
      try connection.execute(
        """
        INSERT INTO statement_bands (band, statement_id) SELECT DISTINCT unnest($1::bigint[]), $2
        ON CONFLICT DO NOTHING
        """, [.ints(bands), .int(id)])
    }
    // The new statement has the highest ID: it joins a cached list only where that list
    // holds every row (fewer than its limit).
    let candidate = StatementCandidate(
      id: id, speakerKey: speakerKey, words: textKey.split(separator: " ").map(String.init))
    statementRows[id] = candidate
    let pair = speakerKey + "\u{0}" + textKey
    if let cached = statementBySpeakerAndText[pair], cached == nil {
      statementBySpeakerAndText[pair] = id
    }
    if let cached = statementsByText[textKey], cached.count < Self.textLimit {
      statementsByText[textKey] = cached + [candidate]
    }
    for band in Set(bands) {
      if let cached = statementIDsByBand[band], cached.count < Self.bandLimit {
        statementIDsByBand[band] = cached + [id]
      }
    }
    return id
  }

  func setStatement(article: Int64, position: Int, statement: Int64) throws {
    try connection.execute(
      "UPDATE quotes SET statement_id = $1 WHERE article_id = $2 AND position = $3",
      [.int(statement), .int(article), .int(position)])
  }

  func insertRewrite(_ link: RewriteLink) throws {
    try connection.execute(
      """
      INSERT INTO rewrites (article_id, original_id, similarity, shared_quotes) VALUES ($1, $2, $3, $4)
      ON CONFLICT (article_id) DO UPDATE SET original_id = excluded.original_id,
        similarity = excluded.similarity, shared_quotes = excluded.shared_quotes
      """,
      [.int(link.article), .int(link.original), .real(link.similarity), .int(link.sharedQuotes)])
    try connection.execute("DELETE FROM altered_quotes WHERE article_id = $1", [.int(link.article)])
    try connection.insert(
      into: "altered_quotes",
      columns: ["article_id", "position", "original_position", "diff", "changes"],
      rows: try link.altered.map { quote in
        [
          .int(link.article), .int(quote.position), .int(quote.originalPosition),
          .text(String(decoding: try JSONEncoder().encode(quote.diff), as: UTF8.self)),
          .text(quote.changes.names.joined(separator: ",")),
        ]
      })
  }

  func addDocumentFrequencies(_ terms: [String]) throws {
    for term in Set(terms) { termCounts.article[term, default: 0] += 1 }
  }

  func insertStory(title: String, published: String?) throws -> Int64 {
    guard
      let id = try connection.value(
        Int64.self,
        "INSERT INTO stories (title, first_published, last_published) VALUES ($1, $2, $2) RETURNING id",
        [.text(title), .text(published)])
    else { throw StoreError(operation: "save", reason: "the story was not inserted") }
    return id
  }

  mutating func setStory(
    article: Int64, story: Int64, published: String?, terms: [String: Double]?
  ) throws {
    articleRows[article]?.storyID = story
    if article == newArticle {
      newStory = story
    } else {
      try connection.execute(
        "UPDATE articles SET story_id = $1 WHERE id = $2", [.int(story), .int(article)])
    }
    try connection.execute(
      """
      UPDATE stories SET article_count = article_count + 1,
        \(Self.widening(first: "$1", last: "$1"))
      WHERE id = $2
      """, [.text(published), .int(story)])
    guard let terms else { return }
    try addToCentroid(.event, story, terms)
  }

  // MARK: Storylines

  func storyline(ofStory story: Int64) throws -> Int64? {
    try connection.value(
      Int64.self, "SELECT storyline_id FROM stories WHERE id = $1", [.int(story)])
  }

  func storylines(sharingTerms terms: [String], limitPerTerm: Int) throws -> [StoryCandidate] {
    try clusters(.storyline, sharingTerms: terms, limitPerTerm: limitPerTerm)
  }

  func insertStoryline(title: String, published: String?) throws -> Int64 {
    guard
      let id = try connection.value(
        Int64.self,
        """
        INSERT INTO storylines (title, first_published, last_published) VALUES ($1, $2, $2)
        RETURNING id
        """,
        [.text(title), .text(published)])
    else { throw StoreError(operation: "save", reason: "the storyline was not inserted") }
    return id
  }

  func setStoryline(
    story: Int64, storyline: Int64, published: String?, terms: [String: Double]?
  ) throws {
    if try self.storyline(ofStory: story) != storyline {
      try connection.execute(
        "UPDATE stories SET storyline_id = $1 WHERE id = $2", [.int(storyline), .int(story)])
      try connection.execute(
        "UPDATE storylines SET event_count = event_count + 1 WHERE id = $1", [.int(storyline)])
    }
    try widenStoryline(storyline, first: published, last: published)
    guard let terms else { return }
    try addToCentroid(.storyline, storyline, terms)
  }

  /// The assignments that widen a cluster's `first_published`/`last_published` to the days
  /// bound to the parameters `first` and `last` (either may be null: nothing moves).
  static func widening(first: String, last: String) -> String {
    """
    first_published = CASE WHEN \(first)::text IS NOT NULL
        AND (first_published IS NULL OR \(first)::text COLLATE "C" < first_published COLLATE "C")
        THEN \(first)::text ELSE first_published END,
      last_published = CASE WHEN \(last)::text IS NOT NULL
        AND (last_published IS NULL OR \(last)::text COLLATE "C" > last_published COLLATE "C")
        THEN \(last)::text ELSE last_published END
    """
  }

  func widenStoryline(_ storyline: Int64, first: String?, last: String?) throws {
    try connection.execute(
      """
      UPDATE storylines SET \(Self.widening(first: "$1", last: "$2"))
      WHERE id = $3
      """, [.text(first), .text(last), .int(storyline)])
  }

  func mergeStoryline(_ storyline: Int64, into target: Int64) throws {
    guard storyline != target,
      let row = try connection.rows(
        "SELECT first_published, last_published, event_count FROM storylines WHERE id = $1",
        [.int(storyline)]
      ).first
    else { return }
    let (first, last, events) = try row.decode((String?, String?, Int64).self)
    let absorbed = try centroid(.storyline, storyline)
    try connection.execute(
      "UPDATE stories SET storyline_id = $1 WHERE storyline_id = $2",
      [.int(target), .int(storyline)])
    try connection.execute(
      "UPDATE storylines SET event_count = event_count + $1 WHERE id = $2",
      [.int(events), .int(target)])
    try widenStoryline(target, first: first, last: last)
    try addToCentroid(.storyline, target, absorbed)
    try connection.execute("DELETE FROM storylines WHERE id = $1", [.int(storyline)])
  }
}

extension PostgresStore {
  /// Links a just-inserted article: near copies, statements, rewrites, story.
  static func link(
    _ result: ExtractionResult, articleID: Int64, speakerEntities: [Int64?],
    on connection: BlockingConnection, termCounts: TermCounts
  ) throws {
    var entityTerms: [String] = []
    var placeTerms: Set<String> = []
    for row in try connection.rows(
      """
      SELECT e.name_key, bool_or(e.kind = 'place') FROM article_entities ae
      JOIN entities e ON e.id = ae.entity_id
      WHERE ae.article_id = $1 AND e.is_named GROUP BY e.name_key
      ORDER BY sum(ae.mention_count) DESC, e.name_key COLLATE "C" LIMIT 12
      """, [.int(articleID)])
    {
      let (key, isPlace) = try row.decode((String, Bool).self)
      entityTerms.append("n:" + key)
      if isPlace { placeTerms.insert("n:" + key) }
    }
    let quotes = result.quotes.enumerated().map { position, quote in
      let entity = speakerEntities.indices.contains(position) ? speakerEntities[position] : nil
      let speaker = TextFolding.nonBlank(quote.speaker)
      return (
        position: position, text: quote.text, speaker: speaker,
        speakerKey: ArticleLinker.speakerKey(entity: entity, speaker: speaker)
      )
    }
    var catalog = PostgresLinkCatalog(connection: connection, newArticle: articleID)
    catalog.termCounts = termCounts
    try catalog.prefetchStatements(quotes.map { ($0.text, $0.speakerKey) })
    try ArticleLinker.link(
      ArticleLinker.Input(
        articleID: articleID, published: result.published, title: result.title, text: result.text,
        quotes: quotes, entityTerms: entityTerms, placeTerms: placeTerms), in: &catalog)
    try catalog.writeNewArticle()
  }
}

/// Document frequencies of story terms during one batch: read once per term, counted in
/// memory as the batch's articles are linked, and written once per term when the batch
/// commits. Each article sees every earlier article's counts, as with one upsert per article,
/// without piling up hundreds of versions of the hottest rows (the all-articles row is
/// counted by every article) inside one transaction.
final class TermCounts {
  /// Values read from the database in this batch (0 for a term it lacks).
  var stored: [String: Int] = [:]
  /// Counts of the batch's saved articles, not yet written.
  var batch: [String: Int] = [:]
  /// Counts of the article being saved (dropped when it is rolled back).
  var article: [String: Int] = [:]

  func current(_ term: String) -> Int {
    (stored[term] ?? 0) + (batch[term] ?? 0) + (article[term] ?? 0)
  }

  /// The article was saved: its counts join the batch's.
  func keepArticle() {
    batch.merge(article, uniquingKeysWith: +)
    article.removeAll()
  }

  func dropArticle() { article.removeAll() }

  /// Writes the batch's counts (before the commit).
  func write(on connection: BlockingConnection) throws {
    guard !batch.isEmpty else { return }
    let terms = batch.keys.sorted()
    try connection.execute(
      """
      INSERT INTO term_frequencies (term, articles)
      SELECT * FROM unnest($1::text[], $2::bigint[])
      ON CONFLICT (term) DO UPDATE SET articles = term_frequencies.articles + excluded.articles
      """, [.texts(terms), .ints(terms.map { Int64(batch[$0] ?? 0) })])
    for term in terms { stored[term] = (stored[term] ?? 0) + (batch[term] ?? 0) }
    batch.removeAll()
  }
}
