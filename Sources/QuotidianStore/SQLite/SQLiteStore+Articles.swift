import Foundation
import GRDB
import QuotidianCore

extension SQLiteStore: ArticleReading {
  public func articles(_ query: ArticleQuery) async throws(StoreError) -> [ArticleSummary] {
    let filter = try ArticleFilter(query)
    if filter.limit == 0 { return [] }
    var conditions = ["a.id > :after"]
    var arguments: [String: (any DatabaseValueConvertible)?] = ["after": filter.afterID]
    if let search = filter.search {
      conditions.append("a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH :match)")
      arguments["match"] = search.fts5
    }
    Self.appendArticleConditions(
      outletKey: filter.outletKey, since: filter.since, until: filter.until,
      conditions: &conditions, arguments: &arguments)
    var sql = """
      SELECT a.id, a.source, a.url, a.title, a.outlet, a.published,
        (SELECT count(*) FROM quotes q WHERE q.article_id = a.id)
      FROM articles a
      WHERE \(conditions.joined(separator: " AND "))
      ORDER BY a.id
      """
    if let limit = filter.limit {
      sql += "\nLIMIT :limit"
      arguments["limit"] = limit
    }
    let statement = sql
    let bound = StatementArguments(arguments)
    do {
      return try await pool.read { db in
        try Row.fetchAll(db, sql: statement, arguments: bound).map { row in
          ArticleSummary(
            id: row[0], source: row[1], url: row[2], title: row[3], outlet: row[4],
            published: row[5],
            quoteCount: row[6])
        }
      }
    } catch {
      if filter.search != nil, let search = query.search, Self.isFullTextError(error) {
        throw SearchExpression.syntaxError(search, Self.reason(error))
      }
      throw StoreError(operation: "query", reason: Self.reason(error))
    }
  }

  public func article(id: Int64) async throws(StoreError) -> StoredArticle? {
    do {
      return try await pool.read { db -> StoredArticle? in
        guard
          let row = try Row.fetchOne(
            db,
            sql: """
              SELECT id, source, url, format, title, authors, outlet, published, language, text
              FROM articles WHERE id = ?
              """, arguments: [id])
        else { return nil }
        let authorsJSON: String = row[5]
        let authors = (try? JSONDecoder().decode([String].self, from: Data(authorsJSON.utf8))) ?? []
        let rows = try Row.fetchAll(
          db,
          sql: """
            SELECT text, speaker, speaker_mention, cue, kind, start, "end", confidence, rule
            FROM quotes WHERE article_id = ? ORDER BY position
            """, arguments: [id])
        let quotes = rows.map(Self.quoteRecord)
        let articleID: Int64 = row[0]
        let source: String = row[1]
        let url: String? = row[2]
        let format: String = row[3]
        let title: String? = row[4]
        let outlet: String? = row[6]
        let published: String? = row[7]
        let language: String? = row[8]
        let text: String = row[9]
        return StoredArticle(
          id: articleID, source: source, url: url, format: format, title: title, authors: authors,
          outlet: outlet,
          published: published, language: language, text: text, quotes: quotes)
      }
    } catch {
      throw StoreError(operation: "query", reason: Self.reason(error))
    }
  }

  static func quoteRecord(_ row: Row) -> ExtractionResult.QuoteRecord {
    let text: String = row[0]
    let speaker: String? = row[1]
    let mention: String? = row[2]
    let cue: String? = row[3]
    let kind: String = row[4]
    let start: Int = row[5]
    let end: Int = row[6]
    let confidence: Double = row[7]
    let rule: String = row[8]
    return ExtractionResult.QuoteRecord(
      text: text, speaker: speaker, speakerMention: mention, cue: cue, kind: kind, start: start,
      end: end,
      confidence: confidence, rule: rule)
  }
}

extension SQLiteStore {
  /// The article conditions that quote and article listings share: outlet, and published
  /// on or after `since`, on or before `until` (named parameters `:outlet`, `:since`, `:until`).
  static func appendArticleConditions(
    outletKey: String?, since: String?, until: String?, conditions: inout [String],
    arguments: inout [String: (any DatabaseValueConvertible)?]
  ) {
    if let outletKey {
      conditions.append("a.outlet_key = :outlet")
      arguments["outlet"] = outletKey
    }
    if let since {
      conditions.append(PublishedDate.sqlOnOrAfter(column: "a.published", parameter: ":since"))
      arguments["since"] = since
    }
    if let until {
      conditions.append(PublishedDate.sqlOnOrBefore(column: "a.published", parameter: ":until"))
      arguments["until"] = until
    }
  }
}
