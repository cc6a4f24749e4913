import Foundation
internal import PostgresNIO
public import QuotidianCore
public import QuotidianStore

/// Articles for the API and the web UI, and the statement queries behind `tally`, `ledger`
/// and `claims`, as the SQLite store answers them.
extension PostgresStore {
  public func articles(_ query: ArticleQuery) async throws(StoreError) -> [ArticleSummary] {
    let filter = try ArticleFilter(query)
    if filter.limit == 0 { return [] }
    var values: [SQLValue] = [.int(filter.afterID)]
    var conditions = ["a.id > $1"]
    if let search = filter.search {
      values.append(.text(PostgresSearch.query(search)))
      conditions.append("a.search @@ $\(values.count)::tsquery")
    }
    Self.appendArticleConditions(
      outletKey: filter.outletKey, since: filter.since, until: filter.until,
      conditions: &conditions, values: &values)
    var sql = """
      SELECT a.id, a.source, a.url, a.title, a.outlet, a.published,
        (SELECT count(*) FROM quotes q WHERE q.article_id = a.id)
      FROM articles a
      WHERE \(conditions.joined(separator: " AND "))
      ORDER BY a.id
      """
    if let limit = filter.limit {
      values.append(.int(limit))
      sql += "\nLIMIT $\(values.count)"
    }
    return try decode(try await rows(sql, values)) { row in
      let (id, source, url, title, outlet, published, quotes) = try row.decode(
        (Int64, String, String?, String?, String?, String?, Int).self)
      return ArticleSummary(
        id: id, source: source, url: url, title: title, outlet: outlet, published: published,
        quoteCount: quotes)
    }
  }

  public func article(id: Int64) async throws(StoreError) -> StoredArticle? {
    guard
      let found = try decode(
        try await rows(
          """
          SELECT id, source, url, format, title, authors::text, outlet, published, language, text
          FROM articles WHERE id = $1
          """, [.int(id)]),
        {
          try $0.decode(
            (Int64, String, String?, String, String?, String, String?, String?, String?, String)
              .self)
        }
      ).first
    else { return nil }
    let quotes = try decode(
      try await rows(
        """
        SELECT text, speaker, speaker_mention, cue, kind, start, "end", confidence, rule
        FROM quotes WHERE article_id = $1 ORDER BY position
        """, [.int(id)])
    ) { row in
      let (text, speaker, mention, cue, kind, start, end, confidence, rule) = try row.decode(
        (String, String?, String?, String?, String, Int, Int, Double, String).self)
      return ExtractionResult.QuoteRecord(
        text: text, speaker: speaker, speakerMention: mention, cue: cue, kind: kind,
        start: start, end: end, confidence: confidence, rule: rule)
    }
    let authors = (try? JSONDecoder().decode([String].self, from: Data(found.5.utf8))) ?? []
    return StoredArticle(
      id: found.0, source: found.1, url: found.2, format: found.3, title: found.4,
      authors: authors, outlet: found.6, published: found.7, language: found.8, text: found.9,
      quotes: quotes)
  }

  /// A cheap pre-filter on the speaker's folded name (its longest query word); the exact
  /// word test runs on the rows.
  static func speakerCondition(_ speaker: String?, column: String, values: inout [SQLValue])
    -> String
  {
    guard let speaker, let word = TextFolding.words(speaker).max(by: { $0.count < $1.count })
    else { return "" }
    let escaped = word.replacing("\\", with: "\\\\").replacing("%", with: "\\%")
      .replacing("_", with: "\\_")
    values.append(.text("%" + escaped + "%"))
    return "WHERE \(column) LIKE $\(values.count) ESCAPE '\\'"
  }

  /// The other sightings of an article `a`, for ``StatementRows/withSightings``.
  static let otherSightings = """
    (SELECT string_agg(g.source || chr(30) || coalesce(g.outlet, '') || chr(30)
        || coalesce(g.title, '') || chr(30) || coalesce(g.published, ''), chr(31) ORDER BY g.id)
      FROM article_sightings g WHERE g.article_id = a.id AND g.source <> a.source)
    """

  public func saidStatements(speaker: String?) async throws(StoreError) -> [Occasions.Statement] {
    var values: [SQLValue] = []
    let condition = Self.speakerCondition(speaker, column: "s.speaker_key", values: &values)
    let found = try decode(
      try await rows(
        """
        \(StatementRows.saidStatementsSQL(sightings: Self.otherSightings))
        \(condition)
        ORDER BY s.said COLLATE "C" NULLS FIRST, a.id, s.position
        """, values)
    ) {
      try $0.decode(
        (
          String, String?, String?, String?, String?, String?, String, String?, String?, String?,
          Bool, Int64, String?, String?
        ).self)
    }
    return found.flatMap { row -> [Occasions.Statement] in
      let statement = Occasions.Statement(
        text: row.0, speaker: row.1, said: row.2, granularity: row.3,
        isDatedByText: row.4 != nil, occasion: row.5, article: row.6, published: row.7,
        report: row.9, isAltered: row.10, articleID: row.11, outlet: row.12, title: row.13)
      return StatementRows.withSightings(
        statement, sightings: row.8, article: \.article, outlet: \.outlet, title: \.title,
        published: \.published)
    }.filter { StatementRows.speaker($0.speaker, matches: speaker) }
  }

  public func promises(speaker: String?) async throws(StoreError) -> [StoredPromise] {
    var values: [SQLValue] = []
    let condition = Self.speakerCondition(speaker, column: "p.speaker_key", values: &values)
    let found = try decode(
      try await rows(
        """
        SELECT p.speaker, p.text, p.said, p.deadline, p.deadline_value, p.deadline_text, p.horizon,
          a.source, a.published, \(Self.otherSightings), a.id, a.outlet, a.title
        FROM promises p JOIN articles a ON a.id = p.article_id
        \(condition)
        ORDER BY p.said COLLATE "C" NULLS FIRST, a.id, p.position
        """, values)
    ) {
      try $0.decode(
        (
          String?, String, String?, String?, String?, String?, String?, String, String?, String?,
          Int64, String?, String?
        ).self)
    }
    return found.flatMap { row -> [StoredPromise] in
      let promise = StoredPromise(
        speaker: row.0, text: row.1, said: row.2, deadline: row.3, deadlineValue: row.4,
        deadlineText: row.5, horizon: row.6, article: row.7, published: row.8, articleID: row.10,
        outlet: row.11, title: row.12)
      return StatementRows.withSightings(
        promise, sightings: row.9, article: \.article, outlet: \.outlet, title: \.title,
        published: \.published)
    }.filter { StatementRows.speaker($0.speaker, matches: speaker) }
  }

  public func claims(_ query: ClaimQuery) async throws(StoreError) -> [StoredClaim] {
    // The quote a claim sits in: the latest-starting quote of its article that spans it.
    var sql = """
      SELECT c.text, c.value, c.unit, c.qualifier, c.counted, a.source, a.published, a.id,
        q.speaker, q.text
      FROM claims c JOIN articles a ON a.id = c.article_id
      LEFT JOIN quotes q ON q.id = (
        SELECT q2.id FROM quotes q2
        WHERE q2.article_id = c.article_id AND q2.start <= c.start AND q2."end" >= c."end"
        ORDER BY q2.start DESC LIMIT 1)
      """
    var conditions: [String] = []
    var values: [SQLValue] = []
    if let about = query.about, !about.isEmpty {
      values.append(.text(PostgresSearch.query(try SearchExpression.parse(about))))
      conditions.append("c.search @@ $\(values.count)::tsquery")
    }
    if let since = query.since {
      values.append(.text(try PublishedDate.validated(since, field: "since")))
      conditions.append(
        "a.published IS NOT NULL AND "
          + Self.dateCondition(
            column: "a.published", parameter: "$\(values.count)::text", comparison: ">="))
    }
    if let until = query.until {
      values.append(.text(try PublishedDate.validated(until, field: "until")))
      conditions.append(
        "a.published IS NOT NULL AND "
          + Self.dateCondition(
            column: "a.published", parameter: "$\(values.count)::text", comparison: "<="))
    }
    if let speaker = query.speaker, !speaker.isEmpty {
      conditions.append("q.speaker IS NOT NULL")
    }
    if !conditions.isEmpty { sql += "\nWHERE " + conditions.joined(separator: " AND ") }
    sql +=
      "\nORDER BY a.published IS NULL, a.published COLLATE \"C\" DESC, a.id DESC, c.position"
    // A speaker is matched by words after the query, so the limit applies after it.
    let limit = query.limit
    if let limit, query.speaker?.isEmpty ?? true {
      values.append(.int(limit))
      sql += "\nLIMIT $\(values.count)"
    }
    let found = try decode(try await rows(sql, values)) { row in
      let (text, value, unit, qualifier, counted, source, published, articleID, speaker, quote) =
        try row.decode(
          (
            String, Double, String?, String?, String?, String, String?, Int64, String?, String?
          ).self)
      return StoredClaim(
        text: text, value: value, unit: unit, qualifier: qualifier, counted: counted,
        speaker: speaker, quote: quote, article: source, articleID: articleID,
        published: published)
    }
    guard let speaker = query.speaker, !speaker.isEmpty else { return found }
    let matching = found.filter { StatementRows.speaker($0.speaker, matches: speaker) }
    return limit.map { Array(matching.prefix($0)) } ?? matching
  }
}
