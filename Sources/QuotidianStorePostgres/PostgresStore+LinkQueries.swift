import Foundation
internal import PostgresNIO
public import QuotidianCore
public import QuotidianStore

/// Copies, rewrites, stories and statements, listed as the SQLite store lists them (the
/// orders and roundings of ``LinkListing``).
extension PostgresStore {
  public func duplicates(_ query: LinkQuery) async throws(StoreError) -> [DuplicateRecord] {
    if let limit = query.limit, limit <= 0 { return [] }
    var records: [(original: Int64, copy: Int64, record: DuplicateRecord)] = []
    let sightings = try decode(
      try await rows(
        """
        SELECT article_id, id, source, published FROM article_sightings
        WHERE article_id IN (SELECT article_id FROM article_sightings GROUP BY article_id HAVING count(*) > 1)
        ORDER BY article_id, id
        """)
    ) { try $0.decode((Int64, Int64, String, String?).self) }
    var groups: [Int64: [Sighting]] = [:]
    for (article, id, source, published) in sightings {
      groups[article, default: []].append(Sighting(id: id, source: source, published: published))
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
    let near = try decode(
      try await rows(
        """
        SELECT a.duplicate_of, a.id, a.source, o.source, a.duplicate_kind, a.duplicate_similarity
        FROM articles a JOIN articles o ON o.id = a.duplicate_of
        WHERE a.duplicate_of IS NOT NULL ORDER BY a.duplicate_of, a.id
        """)
    ) { try $0.decode((Int64, Int64, String, String, String?, Double?).self) }
    for (original, copy, source, originalSource, kind, similarity) in near {
      records.append(
        (
          original, copy,
          DuplicateRecord(
            article: source, duplicateOf: originalSource, kind: kind ?? "near",
            similarity: LinkListing.rounded(similarity ?? 1))
        ))
    }
    records.sort { ($0.original, $0.copy) < ($1.original, $1.copy) }
    let listed = records.map(\.record)
    return query.limit.map { Array(listed.prefix($0)) } ?? listed
  }

  public func rewrites(_ query: LinkQuery) async throws(StoreError) -> [RewriteRecord] {
    if let limit = query.limit, limit <= 0 { return [] }
    var values: [SQLValue] = []
    var sql = """
      SELECT r.article_id, r.original_id, a.source, o.source, r.similarity, r.shared_quotes
      FROM rewrites r JOIN articles a ON a.id = r.article_id JOIN articles o ON o.id = r.original_id
      ORDER BY r.article_id
      """
    if let limit = query.limit {
      values.append(.int(limit))
      sql += " LIMIT $1"
    }
    let found = try decode(try await rows(sql, values)) {
      try $0.decode((Int64, Int64, String, String, Double, Int).self)
    }
    var records: [RewriteRecord] = []
    for (article, original, source, originalSource, similarity, shared) in found {
      let altered = try decode(
        try await rows(
          """
          SELECT aq.diff, aq.changes, q.text, coalesce(e.name, q.speaker), oq.text, coalesce(oe.name, oq.speaker)
          FROM altered_quotes aq
          JOIN quotes q ON q.article_id = aq.article_id AND q.position = aq.position
          JOIN quotes oq ON oq.article_id = $1 AND oq.position = aq.original_position
          LEFT JOIN entities e ON e.id = q.entity_id LEFT JOIN entities oe ON oe.id = oq.entity_id
          WHERE aq.article_id = $2 ORDER BY aq.position
          """, [.int(original), .int(article)])
      ) { row in
        let (diffJSON, changeList, variant, speaker, originalText, originalSpeaker) =
          try row.decode((String, String, String, String?, String, String?).self)
        let diff =
          (try? JSONDecoder().decode(WordDiff.self, from: Data(diffJSON.utf8)))
          ?? WordDiff(runs: [])
        let changes = changeList.split(separator: ",").map(String.init)
        return AlteredQuote(
          speaker: speaker ?? originalSpeaker, original: originalText, variant: variant,
          diff: diff.rendered, meaningChanged: !changes.isEmpty, changes: changes)
      }
      records.append(
        RewriteRecord(
          article: source, original: originalSource, similarity: LinkListing.rounded(similarity),
          sharedQuotes: shared, alteredQuotes: altered))
    }
    return records
  }

  public func stories(_ query: StoryQuery) async throws(StoreError) -> [StorySummary] {
    if let limit = query.limit, limit <= 0 { return [] }
    var values: [SQLValue] = []
    var sql = "SELECT id, title, first_published, last_published FROM storylines ORDER BY id"
    if let limit = query.limit {
      values.append(.int(limit))
      sql += " LIMIT $1"
    }
    let found = try decode(try await rows(sql, values)) {
      try $0.decode((Int64, String, String?, String?).self)
    }
    var summaries: [StorySummary] = []
    for (id, title, first, last) in found {
      let events = try await storylineEvents(id).map { event in
        StoryEventSummary(
          id: event.id, title: event.title, firstPublished: event.first,
          lastPublished: event.last, articles: event.members.map(\.source),
          outlets: LinkListing.outlets(event.members.map(\.outlet)))
      }
      summaries.append(
        StorySummary(
          id: id, title: title, articles: events.flatMap(\.articles), firstPublished: first,
          lastPublished: last, outlets: LinkListing.outlets(events.flatMap(\.outlets)),
          events: events))
    }
    return summaries
  }

  public func story(id: Int64) async throws(StoreError) -> StoryDetail? {
    guard
      let (storylineID, title, first, last) = try decode(
        try await rows(
          "SELECT id, title, first_published, last_published FROM storylines WHERE id = $1",
          [.int(id)]),
        { try $0.decode((Int64, String, String?, String?).self) }
      ).first
    else { return nil }
    let termRows = try decode(
      try await rows(
        """
        SELECT t.term, coalesce(e.name, (SELECT n.name FROM entities n
          WHERE t.term LIKE 'n:%' AND n.name_key = substr(t.term, 3) ORDER BY n.id LIMIT 1))
        FROM storyline_terms t
        LEFT JOIN entities e ON t.term LIKE 'e:%' AND e.id::text = substr(t.term, 3)
        WHERE t.storyline_id = $1 ORDER BY t.weight DESC, t.term COLLATE "C" LIMIT 10
        """, [.int(id)])
    ) { try $0.decode((String, String?).self) }
    var terms: [String] = []
    for (term, entityName) in termRows {
      if term.hasPrefix("e:") {
        if let entityName { terms.append(entityName) }
      } else {
        terms.append(entityName ?? String(term.dropFirst(2)))
      }
    }
    var events: [StoryEvent] = []
    for event in try await storylineEvents(id) {
      let speakers = try decode(
        try await rows(
          """
          SELECT min(coalesce(e.name, q.speaker)) AS speaker_name FROM quotes q
          JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.entity_id
          WHERE a.story_id = $1 AND q.speaker IS NOT NULL
          GROUP BY coalesce('e' || q.entity_id, 's' || q.speaker)
          ORDER BY count(*) DESC, min(coalesce(e.name, q.speaker)) COLLATE "C" LIMIT 6
          """, [.int(event.id)])
      ) { try $0.decode(String.self) }
      let statements = try decode(
        try await rows(
          """
          SELECT s.speaker, s.text, count(DISTINCT q.article_id) AS reports FROM quotes q
          JOIN articles a ON a.id = q.article_id JOIN statements s ON s.id = q.statement_id
          WHERE a.story_id = $1 GROUP BY s.id ORDER BY reports DESC, s.id LIMIT 3
          """, [.int(event.id)])
      ) { row -> StoryStatement in
        let (speaker, text, reports) = try row.decode((String?, String, Int64).self)
        return StoryStatement(speaker: speaker, text: text, reports: Int(reports))
      }
      let altered =
        try decode(
          try await rows(
            """
            SELECT count(*) FROM altered_quotes q JOIN articles a ON a.id = q.article_id
            WHERE a.story_id = $1
            """, [.int(event.id)])
        ) { try $0.decode(Int64.self) }.first ?? 0
      events.append(
        StoryEvent(
          id: event.id, title: event.title, firstPublished: event.first, lastPublished: event.last,
          outlets: LinkListing.outlets(event.members.map(\.outlet)), speakers: speakers,
          statements: statements, alteredQuotes: Int(altered), articles: event.members))
    }
    let articles = events.flatMap(\.articles)
    return StoryDetail(
      id: storylineID, title: title, firstPublished: first, lastPublished: last,
      outlets: LinkListing.outlets(articles.map(\.outlet)), terms: terms, articles: articles,
      events: events)
  }

  /// A storyline's events, earliest first (in the order of SQLite's `stories_storyline`
  /// index), with their articles.
  func storylineEvents(_ storyline: Int64) async throws(StoreError) -> [(
    id: Int64, title: String, first: String?, last: String?, members: [StoryArticle]
  )] {
    let found = try decode(
      try await rows(
        """
        SELECT id, title, first_published, last_published FROM stories WHERE storyline_id = $1
        ORDER BY first_published COLLATE "C" NULLS LAST, id
        """, [.int(storyline)])
    ) { try $0.decode((Int64, String, String?, String?).self) }
    var events:
      [(id: Int64, title: String, first: String?, last: String?, members: [StoryArticle])] =
        []
    for (id, title, first, last) in found {
      events.append((id, title, first, last, try await storyMembers(id)))
    }
    return events
  }

  /// A story's articles, earliest first, each followed by its other sightings. Read in the
  /// order SQLite's `articles_story` index gives (published, undated first, then ID):
  /// ``LinkListing/earlier(_:_:)`` places an undated article by ID alone, so the order the
  /// sort starts from shows through.
  func storyMembers(_ story: Int64) async throws(StoreError) -> [StoryArticle] {
    let found = try decode(
      try await rows(
        """
        SELECT a.id, a.source, a.title, a.outlet, a.published, a.duplicate_kind, o.source, w.source
        FROM articles a LEFT JOIN articles o ON o.id = a.duplicate_of
        LEFT JOIN rewrites r ON r.article_id = a.id LEFT JOIN articles w ON w.id = r.original_id
        WHERE a.story_id = $1 ORDER BY a.published COLLATE "C" NULLS FIRST, a.id
        """, [.int(story)])
    ) {
      try $0.decode((Int64, String, String?, String?, String?, String?, String?, String?).self)
    }
    let sightings = try await sightings(of: found.map(\.0))
    var members: [(day: Int?, id: Int64, articles: [StoryArticle])] = []
    for (id, source, title, outlet, published, kind, copyOf, rewriteOf) in found {
      var articles = [
        StoryArticle(
          source: source, title: title, outlet: outlet, published: published,
          relation: copyOf != nil ? (kind ?? "near") : rewriteOf != nil ? "rewrite" : "original",
          of: copyOf ?? rewriteOf)
      ]
      for sighting in sightings[id] ?? [] where sighting.source != source {
        articles.append(
          StoryArticle(
            source: sighting.source, title: sighting.title, outlet: sighting.outlet,
            published: sighting.published, relation: "exact", of: source))
      }
      members.append((published.flatMap(ArticleLinker.dayNumber), id, articles))
    }
    members.sort { LinkListing.earlier(($0.day, $0.id), ($1.day, $1.id)) }
    return members.flatMap(\.articles)
  }

  /// Each article's sightings, first seen first.
  func sightings(of articles: [Int64]) async throws(StoreError) -> [Int64: [(
    source: String, title: String?, outlet: String?, published: String?
  )]] {
    guard !articles.isEmpty else { return [:] }
    var found: [Int64: [(source: String, title: String?, outlet: String?, published: String?)]] =
      [:]
    let rows = try decode(
      try await rows(
        """
        SELECT article_id, source, title, outlet, published FROM article_sightings
        WHERE article_id = ANY($1::bigint[]) ORDER BY id
        """, [.ints(articles)])
    ) { try $0.decode((Int64, String, String?, String?, String?).self) }
    for (article, source, title, outlet, published) in rows {
      found[article, default: []].append((source, title, outlet, published))
    }
    return found
  }

  public func statements(_ query: StatementQuery) async throws(StoreError) -> [StatementRecord] {
    if let limit = query.limit, limit <= 0 { return [] }
    var speakerKey: String?
    if let name = TextFolding.nonBlank(query.speaker) {
      guard let profile = try await speaker(named: name, includeCopies: true) else { return [] }
      speakerKey = ArticleLinker.speakerKey(entity: profile.entityID, speaker: profile.name)
    }
    var sql = """
      SELECT s.id, s.speaker_key, coalesce(e.name, s.speaker), s.text, s.text_key FROM statements s
      LEFT JOIN entities e ON s.speaker_key LIKE 'e:%' AND e.id::text = substr(s.speaker_key, 3)
      """
    var values: [SQLValue] = []
    if let speakerKey {
      values.append(.text(speakerKey))
      sql += " WHERE s.speaker_key = $1"
    }
    sql += " ORDER BY s.id"
    if speakerKey == nil, let limit = query.limit {
      values.append(.int(limit))
      sql += " LIMIT $\(values.count)"
    }
    let found = try decode(try await rows(sql, values)) {
      try $0.decode((Int64, String, String?, String, String).self)
    }
    guard !found.isEmpty else { return [] }
    let reportRows = try decode(
      try await rows(
        """
        SELECT q.statement_id, a.id, a.source, a.outlet, a.published, q.text, a.duplicate_of IS NOT NULL
        FROM quotes q JOIN articles a ON a.id = q.article_id
        WHERE q.statement_id = ANY($1::bigint[]) ORDER BY q.id
        """, [.ints(found.map(\.0))])
    ) { try $0.decode((Int64, Int64, String, String?, String?, String, Bool).self) }
    var byStatement: [Int64: [(Int64, String, String?, String?, String, Bool)]] = [:]
    for (statement, article, source, outlet, published, wording, isCopy) in reportRows {
      byStatement[statement, default: []].append(
        (article, source, outlet, published, wording, isCopy))
    }
    let sightings = try await sightings(of: Array(Set(reportRows.map(\.1))))
    var records: [StatementRecord] = []
    for (id, _, speaker, text, textKey) in found {
      let original = textKey.split(separator: " ").map(String.init)
      var reports: [(day: Int?, id: Int64, report: StatementReport)] = []
      for (article, source, outlet, published, wording, isCopy) in byStatement[id] ?? [] {
        let isAltered = QuoteAlignment(original: original, variant: LinkText.words(wording))
          .isAltered
        reports.append(
          (
            published.flatMap(ArticleLinker.dayNumber), article,
            StatementReport(
              source: source, outlet: outlet, published: published, wording: wording,
              isCopy: isCopy, isAltered: isAltered)
          ))
        // Its other sightings report the same words.
        for sighting in sightings[article] ?? [] where sighting.source != source {
          reports.append(
            (
              nil, article,
              StatementReport(
                source: sighting.source, outlet: sighting.outlet, published: sighting.published,
                wording: wording, isCopy: true, isAltered: isAltered)
            ))
        }
      }
      reports = LinkListing.reportOrder(reports)
      records.append(
        StatementRecord(id: id, speaker: speaker, text: text, reports: reports.map(\.report)))
    }
    if speakerKey != nil {
      records.sort {
        $0.reports.count != $1.reports.count
          ? $0.reports.count > $1.reports.count : $0.id < $1.id
      }
      if let limit = query.limit { records = Array(records.prefix(limit)) }
    }
    return records
  }

  // MARK: Not yet on PostgreSQL

  /// The error for a query the PostgreSQL store does not answer yet: never an empty result
  /// that would read as "nothing stored".
  func notYetAvailable(_ what: String) -> StoreError {
    StoreError(
      operation: "query",
      reason:
        "\(location): \(what) is not yet available on PostgreSQL in this version of quotidian (use an SQLite store for it)"
    )
  }
}
