import GRDB
public import QuotidianCore

/// When statements were said, reported speech, dates, numeric claims and promises in SQLite.
extension SQLiteStore {
  /// Articles saved before this migration have no rows here (their analysis predates dates).
  static func registerStatementsMigration(_ migrator: inout DatabaseMigrator) {
    migrator.registerMigration("v-statements: said, reported speech, dates, claims, promises") {
      db in
      try db.execute(
        sql: """
          CREATE TABLE said_statements (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL,
            text TEXT NOT NULL,
            speaker TEXT,
            speaker_key TEXT,
            said TEXT,
            said_granularity TEXT,
            said_text TEXT,
            occasion TEXT,
            start INTEGER NOT NULL CHECK (start >= 0),
            "end" INTEGER NOT NULL CHECK ("end" >= start),
            UNIQUE (article_id, position)
          );
          CREATE INDEX said_statements_speaker ON said_statements(speaker_key);
          CREATE INDEX said_statements_said ON said_statements(said);

          CREATE TABLE article_dates (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT NOT NULL,
            value TEXT NOT NULL,
            granularity TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            PRIMARY KEY (article_id, position)
          ) WITHOUT ROWID;
          CREATE INDEX article_dates_value ON article_dates(value);

          CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT NOT NULL,
            value REAL NOT NULL,
            unit TEXT,
            qualifier TEXT,
            counted TEXT,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            UNIQUE (article_id, position)
          );
          CREATE VIRTUAL TABLE claims_fts USING fts5(
            text, counted, content='claims', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2');
          CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
            INSERT INTO claims_fts(rowid, text, counted) VALUES (new.id, new.text, new.counted);
          END;
          CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
            INSERT INTO claims_fts(claims_fts, rowid, text, counted)
              VALUES ('delete', old.id, old.text, old.counted);
          END;

          CREATE TABLE promises (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            speaker TEXT,
            speaker_key TEXT,
            text TEXT NOT NULL,
            said TEXT,
            deadline TEXT,
            deadline_value TEXT,
            deadline_text TEXT,
            horizon TEXT,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            UNIQUE (article_id, position)
          );
          CREATE INDEX promises_speaker ON promises(speaker_key);
          """)
    }
  }

  /// Saves an article's statements, dates, claims and promises (inside `save`'s transaction).
  static func saveStatements(_ db: Database, result: ExtractionResult, articleID: Int64) throws {
    let statement = try db.cachedStatement(
      sql: """
        INSERT INTO said_statements
          (article_id, position, kind, text, speaker, speaker_key, said, said_granularity, said_text, occasion, start, "end")
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    for (position, quote) in (result.quotes + (result.reported ?? [])).enumerated() {
      let speaker = TextFolding.nonBlank(quote.speaker)
      try statement.execute(arguments: [
        articleID, position, quote.kind, quote.text, speaker, speaker.map(TextFolding.key),
        quote.said?.value ?? result.published.map { String($0.prefix(10)) },
        quote.said?.granularity ?? (result.published == nil ? nil : "day"), quote.said?.text,
        quote.said?.occasion,
        quote.start, quote.end,
      ])
    }
    let date = try db.cachedStatement(
      sql:
        "INSERT INTO article_dates (article_id, position, text, value, granularity, start, \"end\") VALUES (?, ?, ?, ?, ?, ?, ?)"
    )
    for (position, item) in (result.dates ?? []).enumerated() {
      try date.execute(arguments: [
        articleID, position, item.text, item.value, item.granularity, item.start, item.end,
      ])
    }
    let claim = try db.cachedStatement(
      sql: """
        INSERT INTO claims (article_id, position, text, value, unit, qualifier, counted, start, "end")
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    for (position, item) in (result.claims ?? []).enumerated() where item.value.isFinite {
      try claim.execute(arguments: [
        articleID, position, item.text, item.value, item.unit, item.qualifier, item.counted,
        item.start, item.end,
      ])
    }
    let promise = try db.cachedStatement(
      sql: """
        INSERT INTO promises
          (article_id, position, speaker, speaker_key, text, said, deadline, deadline_value, deadline_text, horizon, start, "end")
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    for (position, item) in (result.promises ?? []).enumerated() {
      let speaker = TextFolding.nonBlank(item.speaker)
      try promise.execute(arguments: [
        articleID, position, speaker, speaker.map(TextFolding.key), item.text, item.said,
        item.deadline,
        item.deadlineValue, item.deadlineText, item.horizon, item.start, item.end,
      ])
    }
  }
}

extension SQLiteStore: StatementStore {
  /// The other sightings of a row's article `a`, for ``StatementRows/withSightings``.
  static let otherSightings = """
    (SELECT group_concat(g.source || char(30) || coalesce(g.outlet, '') || char(30)
        || coalesce(g.title, '') || char(30) || coalesce(g.published, ''), char(31))
      FROM article_sightings g WHERE g.article_id = a.id AND g.source != a.source)
    """

  public func saidStatements(speaker: String?) async throws(StoreError) -> [Occasions.Statement] {
    let (condition, arguments) = Self.speakerCondition(speaker, column: "s.speaker_key")
    let sql = """
      \(StatementRows.saidStatementsSQL(sightings: Self.otherSightings))
      \(condition)
      ORDER BY s.said, a.id, s.position
      """
    do {
      let rows = try await pool.read { db in try Row.fetchAll(db, sql: sql, arguments: arguments) }
      return rows.flatMap { row -> [Occasions.Statement] in
        let statement = Occasions.Statement(
          text: row[0], speaker: row[1], said: row[2], granularity: row[3],
          isDatedByText: (row[4] as String?) != nil,
          occasion: row[5], article: row[6], published: row[7], report: row[9],
          isAltered: row[10], articleID: row[11], outlet: row[12], title: row[13])
        // Exact copies stored as sightings of the same article report the same statement.
        return StatementRows.withSightings(
          statement, sightings: row[8], article: \.article, outlet: \.outlet, title: \.title,
          published: \.published)
      }.filter { StatementRows.speaker($0.speaker, matches: speaker) }
    } catch {
      throw StoreError(operation: "query", reason: Self.reason(error))
    }
  }

  public func promises(speaker: String?) async throws(StoreError) -> [StoredPromise] {
    let (condition, arguments) = Self.speakerCondition(speaker, column: "p.speaker_key")
    let sql = """
      SELECT p.speaker, p.text, p.said, p.deadline, p.deadline_value, p.deadline_text, p.horizon, a.source, a.published,
        \(Self.otherSightings), a.id, a.outlet, a.title
      FROM promises p JOIN articles a ON a.id = p.article_id
      \(condition)
      ORDER BY p.said, a.id, p.position
      """
    do {
      let rows = try await pool.read { db in try Row.fetchAll(db, sql: sql, arguments: arguments) }
      return rows.flatMap { row -> [StoredPromise] in
        let promise = StoredPromise(
          speaker: row[0], text: row[1], said: row[2], deadline: row[3], deadlineValue: row[4],
          deadlineText: row[5],
          horizon: row[6], article: row[7], published: row[8], articleID: row[10],
          outlet: row[11], title: row[12])
        return StatementRows.withSightings(
          promise, sightings: row[9], article: \.article, outlet: \.outlet, title: \.title,
          published: \.published)
      }.filter { StatementRows.speaker($0.speaker, matches: speaker) }
    } catch {
      throw StoreError(operation: "query", reason: Self.reason(error))
    }
  }

  public func claims(_ query: ClaimQuery) async throws(StoreError) -> [StoredClaim] {
    // The quote a claim sits in: the latest-starting quote of its article that spans it
    // (a seek on quotes' (article_id, position) key, then a few rows).
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
    var arguments: [String: (any DatabaseValueConvertible)?] = [:]
    if let about = query.about, !about.isEmpty {
      conditions.append("c.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH :match)")
      arguments["match"] = try SearchExpression.parse(about).fts5
    }
    if let since = query.since {
      arguments["since"] = try PublishedDate.validated(since, field: "since")
      conditions.append(
        "a.published IS NOT NULL AND "
          + PublishedDate.sqlOnOrAfter(column: "a.published", parameter: ":since"))
    }
    if let until = query.until {
      arguments["until"] = try PublishedDate.validated(until, field: "until")
      conditions.append(
        "a.published IS NOT NULL AND "
          + PublishedDate.sqlOnOrBefore(column: "a.published", parameter: ":until"))
    }
    if let speaker = query.speaker, !speaker.isEmpty {
      conditions.append("q.speaker IS NOT NULL")
    }
    if !conditions.isEmpty { sql += "\nWHERE " + conditions.joined(separator: " AND ") }
    sql += "\nORDER BY a.published IS NULL, a.published DESC, a.id DESC, c.position"
    // A speaker is matched by words after the query, so the limit applies after it.
    let limit = query.limit
    if let limit, query.speaker?.isEmpty ?? true {
      sql += "\nLIMIT :limit"
      arguments["limit"] = limit
    }
    let statement = sql
    let bound = StatementArguments(arguments)
    do {
      let rows = try await pool.read { db in
        try Row.fetchAll(db, sql: statement, arguments: bound).map { row in
          StoredClaim(
            text: row[0], value: row[1], unit: row[2], qualifier: row[3], counted: row[4],
            speaker: row[8], quote: row[9], article: row[5], articleID: row[7],
            published: row[6])
        }
      }
      guard let speaker = query.speaker, !speaker.isEmpty else { return rows }
      let matching = rows.filter { StatementRows.speaker($0.speaker, matches: speaker) }
      return limit.map { Array(matching.prefix($0)) } ?? matching
    } catch {
      if let about = query.about, Self.isFullTextError(error) {
        throw SearchExpression.syntaxError(about, Self.reason(error))
      }
      throw StoreError(operation: "query", reason: Self.reason(error))
    }
  }

  /// A cheap SQL pre-filter on the speaker's folded name (its longest query word); the exact
  /// word test runs on the rows.
  static func speakerCondition(_ speaker: String?, column: String) -> (String, StatementArguments) {
    guard let speaker, let word = TextFolding.words(speaker).max(by: { $0.count < $1.count }) else {
      return ("", [])
    }
    let escaped = word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
      of: "%", with: "\\%"
    )
    .replacingOccurrences(of: "_", with: "\\_")
    return ("WHERE \(column) LIKE ? ESCAPE '\\'", ["%" + escaped + "%"])
  }
}
