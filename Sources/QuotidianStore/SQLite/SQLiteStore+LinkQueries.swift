import Foundation
import GRDB
import QuotidianCore

extension SQLiteStore {
  public func duplicates(_ query: LinkQuery) async throws(StoreError) -> [DuplicateRecord] {
    if let limit = query.limit, limit <= 0 { return [] }
    do {
      return try await pool.read { db in
        var records: [(original: Int64, copy: Int64, record: DuplicateRecord)] = []
        // Exact: the other sightings of one content.
        let sightings = try Row.fetchAll(
          db,
          sql: """
            SELECT article_id, id, source, published FROM article_sightings
            WHERE article_id IN (SELECT article_id FROM article_sightings GROUP BY article_id HAVING count(*) > 1)
            ORDER BY article_id, id
            """)
        var groups: [Int64: [Sighting]] = [:]
        for row in sightings {
          groups[row[0], default: []].append(
            Sighting(id: row[1], source: row[2], published: row[3]))
        }
        for (article, group) in groups {
          for (original, copy) in LinkListing.exactPairs(group) {
            records.append(
              (
                article, copy.id,
                DuplicateRecord(
                  article: copy.source, duplicateOf: original.source, kind: "exact", similarity: 1)
              ))
          }
        }
        // Near, and exact copies stored before content identity.
        for row in try Row.fetchAll(
          db,
          sql: """
            SELECT a.duplicate_of, a.id, a.source, o.source, a.duplicate_kind, a.duplicate_similarity
            FROM articles a JOIN articles o ON o.id = a.duplicate_of
            WHERE a.duplicate_of IS NOT NULL ORDER BY a.duplicate_of, a.id
            """)
        {
          let similarity: Double = row[5] ?? 1
          records.append(
            (
              row[0], row[1],
              DuplicateRecord(
                article: row[2], duplicateOf: row[3], kind: row[4] ?? "near",
                similarity: LinkListing.rounded(similarity))
            ))
        }
        records.sort { ($0.original, $0.copy) < ($1.original, $1.copy) }
        let listed = records.map(\.record)
        return query.limit.map { Array(listed.prefix($0)) } ?? listed
      }
    } catch {
      throw StoreError(operation: "query", reason: Self.reason(error))
    }
  }

  public func rewrites(_ query: LinkQuery) async throws(StoreError) -> [RewriteRecord] {
    if let limit = query.limit, limit <= 0 { return [] }
    do {
      return try await pool.read { db in
        var sql = """
          SELECT r.article_id, r.original_id, a.source, o.source, r.similarity, r.shared_quotes
          FROM rewrites r JOIN articles a ON a.id = r.article_id JOIN articles o ON o.id = r.original_id
          ORDER BY r.article_id
          """
        if let limit = query.limit { sql += " LIMIT \(limit)" }
        return try Row.fetchAll(db, sql: sql).map { row in
          let article: Int64 = row[0]
          let original: Int64 = row[1]
          let altered = try Row.fetchAll(
            db,
            sql: """
              SELECT aq.diff, aq.changes, q.text, coalesce(e.name, q.speaker), oq.text, coalesce(oe.name, oq.speaker)
              FROM altered_quotes aq
              JOIN quotes q ON q.article_id = aq.article_id AND q.position = aq.position
              JOIN quotes oq ON oq.article_id = ? AND oq.position = aq.original_position
              LEFT JOIN entities e ON e.id = q.entity_id LEFT JOIN entities oe ON oe.id = oq.entity_id
              WHERE aq.article_id = ? ORDER BY aq.position
              """, arguments: [original, article]
          ).map { quote in
            let diff =
              (try? JSONDecoder().decode(WordDiff.self, from: Data((quote[0] as String).utf8)))
              ?? WordDiff(runs: [])
            let changes = (quote[1] as String).split(separator: ",").map(String.init)
            let speaker: String? = quote[3] ?? quote[5]
            return AlteredQuote(
              speaker: speaker, original: quote[4], variant: quote[2], diff: diff.rendered,
              meaningChanged: !changes.isEmpty, changes: changes)
          }
          return RewriteRecord(
            article: row[2], original: row[3], similarity: LinkListing.rounded(row[4]),
            sharedQuotes: row[5],
            alteredQuotes: altered)
        }
      }
    } catch {
      throw StoreError(operation: "query", reason: Self.reason(error))
    }
  }

  public func stories(_ query: StoryQuery) async throws(StoreError) -> [StorySummary] {
    if let limit = query.limit, limit <= 0 { return [] }
    do {
      return try await pool.read { db in
        var sql = "SELECT id, title, first_published, last_published FROM storylines ORDER BY id"
        if let limit = query.limit { sql += " LIMIT \(limit)" }
        return try Row.fetchAll(db, sql: sql).map { row in
          let events = try Self.storylineEvents(db, storyline: row[0]).map { event in
            StoryEventSummary(
              id: event.id, title: event.title, firstPublished: event.first,
              lastPublished: event.last, articles: event.members.map(\.source),
              outlets: LinkListing.outlets(event.members.map(\.outlet)))
          }
          return StorySummary(
            id: row[0], title: row[1], articles: events.flatMap(\.articles),
            firstPublished: row[2], lastPublished: row[3],
            outlets: LinkListing.outlets(events.flatMap(\.outlets)), events: events)
        }
      }
    } catch {
      throw StoreError(operation: "query", reason: Self.reason(error))
    }
  }

  public func story(id: Int64) async throws(StoreError) -> StoryDetail? {
    do {
      return try await pool.read { db -> StoryDetail? in
        guard
          let row = try Row.fetchOne(
            db,
            sql: "SELECT id, title, first_published, last_published FROM storylines WHERE id = ?",
            arguments: [id])
        else { return nil }
        var terms: [String] = []
        for term in try String.fetchAll(
          db,
          sql:
            "SELECT term FROM storyline_terms WHERE storyline_id = ? ORDER BY weight DESC, term LIMIT 10",
          arguments: [id])
        {
          if term.hasPrefix("e:"), let entity = Int64(term.dropFirst(2)) {
            if let name = try String.fetchOne(
              db, sql: "SELECT name FROM entities WHERE id = ?", arguments: [entity])
            {
              terms.append(name)
            }
          } else if term.hasPrefix("n:") {
            terms.append(
              try String.fetchOne(
                db,
                sql: """
                  SELECT name FROM entities
                  WHERE kind IN ('person', 'org', 'organization', 'place', 'group') AND name_key = ?
                  ORDER BY id LIMIT 1
                  """,
                arguments: [String(term.dropFirst(2))]) ?? String(term.dropFirst(2)))
          } else {
            terms.append(String(term.dropFirst(2)))
          }
        }
        let events = try Self.storylineEvents(db, storyline: id).map { event in
          StoryEvent(
            id: event.id, title: event.title, firstPublished: event.first,
            lastPublished: event.last, outlets: LinkListing.outlets(event.members.map(\.outlet)),
            speakers: try Self.eventSpeakers(db, story: event.id),
            statements: try Self.eventStatements(db, story: event.id),
            alteredQuotes: try Int.fetchOne(
              db,
              sql: """
                SELECT count(*) FROM altered_quotes q JOIN articles a ON a.id = q.article_id
                WHERE a.story_id = ?
                """, arguments: [event.id]) ?? 0,
            articles: event.members)
        }
        let articles = events.flatMap(\.articles)
        return StoryDetail(
          id: row[0], title: row[1], firstPublished: row[2], lastPublished: row[3],
          outlets: LinkListing.outlets(articles.map(\.outlet)), terms: terms,
          articles: articles, events: events)
      }
    } catch {
      throw StoreError(operation: "query", reason: Self.reason(error))
    }
  }

  /// A storyline's events, earliest first, with their articles.
  static func storylineEvents(_ db: Database, storyline: Int64) throws -> [(
    id: Int64, title: String, first: String?, last: String?, members: [StoryArticle]
  )] {
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT id, title, first_published, last_published FROM stories WHERE storyline_id = ?
        ORDER BY first_published IS NULL, first_published, id
        """, arguments: [storyline])
    return try rows.map { row in
      (row[0], row[1], row[2], row[3], try storyMembers(db, story: row[0]))
    }
  }

  /// An event's speakers (by entity, else name), the most quoted first.
  static func eventSpeakers(_ db: Database, story: Int64) throws -> [String] {
    try String.fetchAll(
      db,
      sql: """
        SELECT coalesce(e.name, q.speaker) AS name FROM quotes q
        JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.entity_id
        WHERE a.story_id = ? AND q.speaker IS NOT NULL
        GROUP BY coalesce('e' || q.entity_id, 's' || q.speaker)
        ORDER BY count(*) DESC, name LIMIT 6
        """, arguments: [story])
  }

  /// An event's statements reported by the most of its articles (at most three).
  static func eventStatements(_ db: Database, story: Int64) throws -> [StoryStatement] {
    try Row.fetchAll(
      db,
      sql: """
        SELECT s.speaker, s.text, count(DISTINCT q.article_id) AS reports FROM quotes q
        JOIN articles a ON a.id = q.article_id JOIN statements s ON s.id = q.statement_id
        WHERE a.story_id = ? GROUP BY s.id ORDER BY reports DESC, s.id LIMIT 3
        """, arguments: [story]
    ).map { StoryStatement(speaker: $0[0], text: $0[1], reports: $0[2]) }
  }

  /// A story's articles, earliest first, each followed by its other sightings.
  static func storyMembers(_ db: Database, story: Int64) throws -> [StoryArticle] {
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT a.id, a.source, a.title, a.outlet, a.published, a.duplicate_kind, o.source, w.source
        FROM articles a LEFT JOIN articles o ON o.id = a.duplicate_of
        LEFT JOIN rewrites r ON r.article_id = a.id LEFT JOIN articles w ON w.id = r.original_id
        WHERE a.story_id = ?
        """, arguments: [story])
    var members: [(day: Int?, id: Int64, articles: [StoryArticle])] = []
    for row in rows {
      let id: Int64 = row[0]
      let source: String = row[1]
      let published: String? = row[4]
      let copyOf: String? = row[6]
      let rewriteOf: String? = row[7]
      var articles = [
        StoryArticle(
          source: source, title: row[2], outlet: row[3], published: published,
          relation: copyOf != nil ? (row[5] ?? "near") : rewriteOf != nil ? "rewrite" : "original",
          of: copyOf ?? rewriteOf)
      ]
      for sighting in try Row.fetchAll(
        db,
        sql:
          "SELECT source, title, outlet, published FROM article_sightings WHERE article_id = ? ORDER BY id",
        arguments: [id]) where (sighting[0] as String) != source
      {
        articles.append(
          StoryArticle(
            source: sighting[0], title: sighting[1], outlet: sighting[2], published: sighting[3],
            relation: "exact",
            of: source))
      }
      members.append((published.flatMap(ArticleLinker.dayNumber), id, articles))
    }
    members.sort { LinkListing.earlier(($0.day, $0.id), ($1.day, $1.id)) }
    return members.flatMap(\.articles)
  }

  public func statements(_ query: StatementQuery) async throws(StoreError) -> [StatementRecord] {
    if let limit = query.limit, limit <= 0 { return [] }
    var speakerKey: String?
    if let name = TextFolding.nonBlank(query.speaker) {
      guard let profile = try await speaker(named: name, includeCopies: true) else { return [] }
      speakerKey = ArticleLinker.speakerKey(entity: profile.entityID, speaker: profile.name)
    }
    let key = speakerKey
    do {
      return try await pool.read { db in
        var sql = "SELECT id, speaker_key, speaker, text, text_key FROM statements"
        var arguments: [any DatabaseValueConvertible] = []
        if let key {
          sql += " WHERE speaker_key = ?"
          arguments.append(key)
        }
        sql += " ORDER BY id"
        if key == nil, let limit = query.limit { sql += " LIMIT \(limit)" }
        var records = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map {
          row in
          let id: Int64 = row[0]
          let speakerKey: String = row[1]
          var speaker: String? = row[2]
          if speakerKey.hasPrefix("e:"), let entity = Int64(speakerKey.dropFirst(2)),
            let name = try String.fetchOne(
              db, sql: "SELECT name FROM entities WHERE id = ?", arguments: [entity])
          {
            speaker = name
          }
          let original = (row[4] as String).split(separator: " ").map(String.init)
          var reports: [(day: Int?, id: Int64, report: StatementReport)] = []
          for report in try Row.fetchAll(
            db,
            sql: """
              SELECT a.id, a.source, a.outlet, a.published, q.text, a.duplicate_of IS NOT NULL
              FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.statement_id = ?
              """, arguments: [id])
          {
            let article: Int64 = report[0]
            let source: String = report[1]
            let wording: String = report[4]
            let isAltered = QuoteAlignment(original: original, variant: LinkText.words(wording))
              .isAltered
            reports.append(
              (
                (report[3] as String?).flatMap(ArticleLinker.dayNumber), article,
                StatementReport(
                  source: source, outlet: report[2], published: report[3], wording: wording,
                  isCopy: report[5],
                  isAltered: isAltered)
              ))
            // Its other sightings report the same words.
            for sighting in try Row.fetchAll(
              db,
              sql:
                "SELECT source, outlet, published FROM article_sightings WHERE article_id = ? ORDER BY id",
              arguments: [article]) where (sighting[0] as String) != source
            {
              reports.append(
                (
                  nil, article,
                  StatementReport(
                    source: sighting[0], outlet: sighting[1], published: sighting[2],
                    wording: wording, isCopy: true,
                    isAltered: isAltered)
                ))
            }
          }
          reports = LinkListing.reportOrder(reports)
          return StatementRecord(
            id: id, speaker: speaker, text: row[3], reports: reports.map(\.report))
        }
        if key != nil {
          records.sort {
            $0.reports.count != $1.reports.count
              ? $0.reports.count > $1.reports.count : $0.id < $1.id
          }
          if let limit = query.limit { records = Array(records.prefix(limit)) }
        }
        return records
      }
    } catch {
      throw StoreError(operation: "query", reason: Self.reason(error))
    }
  }
}

/// One copy, as listings order them.
package struct Sighting {
  package var id: Int64
  package var source: String
  package var published: String?

  package init(id: Int64, source: String, published: String?) {
    self.id = id
    self.source = source
    self.published = published
  }
}

/// Orderings and roundings every store's listings share.
package enum LinkListing {
  /// The earliest sighting of a content is its original; the others copy it.
  package static func exactPairs(_ group: [Sighting]) -> [(Sighting, Sighting)] {
    guard group.count > 1 else { return [] }
    let sorted = group.sorted {
      earlier(
        ($0.published.flatMap(ArticleLinker.dayNumber), $0.id),
        ($1.published.flatMap(ArticleLinker.dayNumber), $1.id))
    }
    return sorted.dropFirst().map { (sorted[0], $0) }
  }

  /// Dated before undated-or-later; else by storing order.
  package static func earlier(_ a: (day: Int?, id: Int64), _ b: (day: Int?, id: Int64)) -> Bool {
    if let left = a.day, let right = b.day, left != right { return left < right }
    return a.id < b.id
  }

  package static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }

  /// Reports earliest first; a sighting (no day of its own here) stays right after its
  /// article: the sort is stable on the article's position.
  package static func reportOrder(_ reports: [(day: Int?, id: Int64, report: StatementReport)])
    -> [(
      day: Int?, id: Int64, report: StatementReport
    )]
  {
    var articleDay: [Int64: Int?] = [:]
    for report in reports where articleDay[report.id] == nil { articleDay[report.id] = report.day }
    return reports.enumerated().sorted { lhs, rhs in
      let left = (day: articleDay[lhs.element.id] ?? nil, id: lhs.element.id)
      let right = (day: articleDay[rhs.element.id] ?? nil, id: rhs.element.id)
      if left.id != right.id { return earlier(left, right) }
      return lhs.offset < rhs.offset
    }.map(\.element)
  }

  package static func outlets(_ outlets: [String?]) -> [String] {
    var seen: Set<String> = []
    var listed: [String] = []
    for outlet in outlets.compactMap({ $0 }) where seen.insert(TextFolding.key(outlet)).inserted {
      listed.append(outlet)
    }
    return listed.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }
}
