import GRDB

extension SQLiteStore {
  /// The schema's history. Migrations are never edited once merged and speak SQL, not app
  /// types. Quotes stored before v2 keep `entity_id` NULL and are listed by speaker name.
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1: articles, quotes, full-text search") { db in
      try db.execute(
        sql: """
          CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            content_hash TEXT NOT NULL UNIQUE,
            source TEXT NOT NULL,
            url TEXT,
            format TEXT NOT NULL,
            title TEXT,
            authors TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(authors)),
            published TEXT,
            outlet TEXT,
            outlet_key TEXT,
            language TEXT,
            text TEXT NOT NULL,
            ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
          );
          CREATE INDEX articles_published ON articles(published);
          CREATE INDEX articles_outlet_key ON articles(outlet_key);

          CREATE TABLE quotes (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT NOT NULL,
            speaker TEXT,
            speaker_mention TEXT,
            cue TEXT,
            kind TEXT NOT NULL,
            start INTEGER NOT NULL CHECK (start >= 0),
            "end" INTEGER NOT NULL CHECK ("end" >= start),
            confidence REAL NOT NULL,
            rule TEXT NOT NULL,
            UNIQUE (article_id, position)
          );
          CREATE INDEX quotes_speaker ON quotes(speaker);

          CREATE VIRTUAL TABLE quotes_fts USING fts5(
            text, speaker, content='quotes', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2');
          CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
            INSERT INTO quotes_fts(rowid, text, speaker) VALUES (new.id, new.text, new.speaker);
          END;
          CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
            INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker)
              VALUES ('delete', old.id, old.text, old.speaker);
          END;
          CREATE TRIGGER quotes_fts_update AFTER UPDATE ON quotes BEGIN
            INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker)
              VALUES ('delete', old.id, old.text, old.speaker);
            INSERT INTO quotes_fts(rowid, text, speaker) VALUES (new.id, new.text, new.speaker);
          END;

          CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content='articles', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2');
          CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
          END;
          CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
              VALUES ('delete', old.id, old.title, old.text);
          END;
          CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
              VALUES ('delete', old.id, old.title, old.text);
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
          END;
          """)
    }
    migrator.registerMigration("v2: entities, aliases, roles, cross-article identity") { db in
      try db.execute(
        sql: """
          CREATE TABLE entities (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL,
            is_named INTEGER NOT NULL DEFAULT 1,
            gender TEXT
          );
          CREATE INDEX entities_kind_name_key ON entities(kind, name_key);

          CREATE TABLE entity_aliases (
            entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            alias TEXT NOT NULL,
            folded TEXT NOT NULL,
            first_seen TEXT,
            PRIMARY KEY (entity_id, folded)
          );
          CREATE INDEX entity_aliases_folded ON entity_aliases(folded);

          -- Folded name words of people, to find who a surname may refer to.
          CREATE TABLE entity_words (
            word TEXT NOT NULL,
            entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            PRIMARY KEY (word, entity_id)
          ) WITHOUT ROWID;
          CREATE INDEX entity_words_entity ON entity_words(entity_id);

          CREATE TABLE entity_roles (
            id INTEGER PRIMARY KEY,
            entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            title TEXT NOT NULL,
            organization TEXT,
            status TEXT NOT NULL CHECK (status IN ('current', 'former')),
            since TEXT,
            until TEXT,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            published TEXT
          );
          CREATE INDEX entity_roles_entity ON entity_roles(entity_id);
          CREATE INDEX entity_roles_article ON entity_roles(article_id);

          CREATE TABLE article_entities (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            mention_count INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (article_id, entity_id)
          );
          CREATE INDEX article_entities_entity ON article_entities(entity_id);

          ALTER TABLE quotes ADD COLUMN entity_id INTEGER REFERENCES entities(id) ON DELETE SET NULL;
          CREATE INDEX quotes_entity ON quotes(entity_id);
          """)
    }
    migrator.registerMigration(
      "v3: content identity, sightings, near copies, statements, rewrites, stories"
    ) { db in
      try db.execute(sql: linkingSchema)
      // Existing articles: computed in Swift (hashing and linking have no SQL form). The
      // first article with a content keeps it; later ones become exact copies of it.
      try backfillLinks(db)
    }
    registerStatementsMigration(&migrator)
    migrator.registerMigration("v4: bounded ingest look-ups (co-occurrence index, role sets)") {
      db in
      // A candidate's latest articles are read in article order straight from the index.
      try db.execute(
        sql: """
          CREATE INDEX article_entities_entity_article ON article_entities(entity_id, article_id);
          DROP INDEX article_entities_entity;

          -- Each entity's distinct roles ('' for none), which identity linking compares: as
          -- many rows as the entity has roles, not as many as articles state them.
          CREATE TABLE entity_role_set (
            entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            title TEXT NOT NULL,
            organization TEXT NOT NULL,
            status TEXT NOT NULL,
            since TEXT NOT NULL,
            until TEXT NOT NULL,
            PRIMARY KEY (entity_id, title, organization, status, since, until)
          ) WITHOUT ROWID;
          INSERT OR IGNORE INTO entity_role_set
            SELECT entity_id, title, coalesce(organization, ''), status, coalesce(since, ''), coalesce(until, '')
            FROM entity_roles ORDER BY id;
          """)
    }
    migrator.registerMigration("v5: quotes per speaker maintained on write") { db in
      try db.execute(sql: speakerCountsSchema)
    }
    migrator.registerMigration("v6: full-text index updated only when its text changes") { db in
      // v1's update triggers re-indexed a row on any change (a signature, a story, a
      // statement): three re-indexings of each article's text, and one of each quote's, as
      // it was linked, each leaving deletion markers in the index.
      try db.execute(
        sql: """
          DROP TRIGGER articles_fts_update;
          CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
              VALUES ('delete', old.id, old.title, old.text);
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
          END;
          DROP TRIGGER quotes_fts_update;
          CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text, speaker ON quotes BEGIN
            INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker)
              VALUES ('delete', old.id, old.text, old.speaker);
            INSERT INTO quotes_fts(rowid, text, speaker) VALUES (new.id, new.text, new.speaker);
          END;
          """)
    }
    migrator.registerMigration("v7: storylines (events chained over months)") { db in
      try db.execute(sql: storylineSchema)
    }
    return migrator
  }

  /// Stories are events; a storyline chains events over months. A store from before v7 gets
  /// one storyline per story, with the story's centroid.
  static let storylineSchema = """
    CREATE TABLE storylines (
      id INTEGER PRIMARY KEY,
      title TEXT NOT NULL,
      first_published TEXT,
      last_published TEXT,
      event_count INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE storyline_terms (
      storyline_id INTEGER NOT NULL REFERENCES storylines(id) ON DELETE CASCADE,
      term TEXT NOT NULL,
      weight REAL NOT NULL,
      PRIMARY KEY (storyline_id, term)
    ) WITHOUT ROWID;
    CREATE INDEX storyline_terms_term ON storyline_terms(term, storyline_id);
    ALTER TABLE stories ADD COLUMN storyline_id INTEGER REFERENCES storylines(id) ON DELETE SET NULL;
    CREATE INDEX stories_storyline ON stories(storyline_id, first_published);
    INSERT INTO storylines (id, title, first_published, last_published, event_count)
      SELECT id, title, first_published, last_published, 1 FROM stories;
    UPDATE stories SET storyline_id = id;
    INSERT INTO storyline_terms (storyline_id, term, weight)
      SELECT story_id, term, weight FROM story_terms;
    """

  /// Quotes per speaker (`e<entity ID>`, or `s<name>` for a quote without an entity), kept by
  /// triggers as quotes are stored and articles become copies, so that `speakers` ranks
  /// through an index instead of counting every quote.
  static let speakerCountsSchema = """
    CREATE TABLE speaker_counts (
      speaker_group TEXT PRIMARY KEY,
      -- Quotes in articles that copy no other.
      quotes INTEGER NOT NULL DEFAULT 0,
      -- Quotes in every article, copies included.
      all_quotes INTEGER NOT NULL DEFAULT 0
    ) WITHOUT ROWID;
    CREATE INDEX speaker_counts_quotes ON speaker_counts(quotes);
    CREATE INDEX speaker_counts_all_quotes ON speaker_counts(all_quotes);
    INSERT INTO speaker_counts (speaker_group, quotes, all_quotes)
      SELECT coalesce('e' || q.entity_id, 's' || q.speaker), sum(a.duplicate_of IS NULL), count(*)
      FROM quotes q JOIN articles a ON a.id = q.article_id
      WHERE q.speaker IS NOT NULL GROUP BY 1;
    CREATE TRIGGER speaker_counts_quote_insert AFTER INSERT ON quotes WHEN new.speaker IS NOT NULL
    BEGIN
      INSERT INTO speaker_counts (speaker_group, quotes, all_quotes)
        VALUES (coalesce('e' || new.entity_id, 's' || new.speaker),
          (SELECT duplicate_of IS NULL FROM articles WHERE id = new.article_id), 1)
        ON CONFLICT (speaker_group) DO UPDATE SET
          quotes = quotes + excluded.quotes, all_quotes = all_quotes + 1;
    END;
    CREATE TRIGGER speaker_counts_quote_delete AFTER DELETE ON quotes WHEN old.speaker IS NOT NULL
    BEGIN
      UPDATE speaker_counts SET all_quotes = all_quotes - 1,
        quotes = quotes - coalesce((SELECT duplicate_of IS NULL FROM articles WHERE id = old.article_id), 0)
        WHERE speaker_group = coalesce('e' || old.entity_id, 's' || old.speaker);
    END;
    CREATE TRIGGER speaker_counts_quote_update AFTER UPDATE OF speaker, entity_id ON quotes
    BEGIN
      UPDATE speaker_counts SET all_quotes = all_quotes - 1,
        quotes = quotes - coalesce((SELECT duplicate_of IS NULL FROM articles WHERE id = old.article_id), 0)
        WHERE old.speaker IS NOT NULL AND speaker_group = coalesce('e' || old.entity_id, 's' || old.speaker);
      INSERT INTO speaker_counts (speaker_group, quotes, all_quotes)
        SELECT coalesce('e' || new.entity_id, 's' || new.speaker),
          (SELECT duplicate_of IS NULL FROM articles WHERE id = new.article_id), 1
        WHERE new.speaker IS NOT NULL
        ON CONFLICT (speaker_group) DO UPDATE SET
          quotes = quotes + excluded.quotes, all_quotes = all_quotes + 1;
    END;
    CREATE TRIGGER speaker_counts_copy AFTER UPDATE OF duplicate_of ON articles
      WHEN (old.duplicate_of IS NULL) != (new.duplicate_of IS NULL)
    BEGIN
      UPDATE speaker_counts SET quotes = quotes + (
          SELECT CASE WHEN new.duplicate_of IS NULL THEN count(*) ELSE -count(*) END FROM quotes q
          WHERE q.article_id = new.id AND q.speaker IS NOT NULL
            AND coalesce('e' || q.entity_id, 's' || q.speaker) = speaker_counts.speaker_group)
        WHERE speaker_group IN (
          SELECT coalesce('e' || entity_id, 's' || speaker) FROM quotes
          WHERE article_id = new.id AND speaker IS NOT NULL);
    END;
    """

  static let linkingSchema = """
    CREATE TABLE stories (
      id INTEGER PRIMARY KEY,
      title TEXT NOT NULL,
      first_published TEXT,
      last_published TEXT,
      article_count INTEGER NOT NULL DEFAULT 0
    );
    -- A story's centroid: its strongest terms (entities `e:ID`, words `w:WORD`).
    CREATE TABLE story_terms (
      story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
      term TEXT NOT NULL,
      weight REAL NOT NULL,
      PRIMARY KEY (story_id, term)
    ) WITHOUT ROWID;
    CREATE INDEX story_terms_term ON story_terms(term, story_id);
    -- How many clustered articles had each term among their salient ones ('#': all).
    CREATE TABLE term_frequencies (
      term TEXT PRIMARY KEY,
      articles INTEGER NOT NULL
    ) WITHOUT ROWID;

    -- Content identity: the hash of the folded words; one article per content.
    ALTER TABLE articles ADD COLUMN text_key TEXT;
    CREATE UNIQUE INDEX articles_text_key ON articles(text_key);
    -- The earliest article this one copies: 'near' (shingle similarity) or 'exact' (stored
    -- twice before content identity).
    ALTER TABLE articles ADD COLUMN duplicate_of INTEGER REFERENCES articles(id) ON DELETE SET NULL;
    ALTER TABLE articles ADD COLUMN duplicate_kind TEXT CHECK (duplicate_kind IN ('exact', 'near'));
    ALTER TABLE articles ADD COLUMN duplicate_similarity REAL;
    -- MinHash of 5-word shingles, 128 little-endian UInt32.
    ALTER TABLE articles ADD COLUMN signature BLOB;
    ALTER TABLE articles ADD COLUMN story_id INTEGER REFERENCES stories(id) ON DELETE SET NULL;
    CREATE INDEX articles_duplicate_of ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;
    CREATE INDEX articles_story ON articles(story_id, published);

    -- Every copy of an article that reached the store, the first included.
    CREATE TABLE article_sightings (
      id INTEGER PRIMARY KEY,
      article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      source TEXT NOT NULL,
      source_key TEXT NOT NULL,
      url TEXT,
      format TEXT NOT NULL,
      title TEXT,
      outlet TEXT,
      published TEXT,
      seen_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      UNIQUE (article_id, source_key)
    );

    -- LSH bands of article signatures: near copies are found by these keys.
    CREATE TABLE article_bands (
      band INTEGER NOT NULL,
      article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      PRIMARY KEY (band, article_id)
    ) WITHOUT ROWID;

    -- One statement: a speaker's words, however many articles report them.
    CREATE TABLE statements (
      id INTEGER PRIMARY KEY,
      speaker_key TEXT NOT NULL,
      speaker TEXT,
      text_key TEXT NOT NULL,
      text TEXT NOT NULL,
      first_article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL
    );
    CREATE INDEX statements_speaker_text ON statements(speaker_key, text_key);
    CREATE INDEX statements_text ON statements(text_key);
    CREATE TABLE statement_bands (
      band INTEGER NOT NULL,
      statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
      PRIMARY KEY (band, statement_id)
    ) WITHOUT ROWID;
    ALTER TABLE quotes ADD COLUMN statement_id INTEGER REFERENCES statements(id) ON DELETE SET NULL;
    CREATE INDEX quotes_statement ON quotes(statement_id, article_id);

    -- An article that reuses an earlier one's quotes.
    CREATE TABLE rewrites (
      article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
      original_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      similarity REAL NOT NULL,
      shared_quotes INTEGER NOT NULL
    );
    CREATE INDEX rewrites_original ON rewrites(original_id);
    -- A rewrite's quote worded differently from the original's (positions are quotes.position).
    CREATE TABLE altered_quotes (
      article_id INTEGER NOT NULL REFERENCES rewrites(article_id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      original_position INTEGER NOT NULL,
      diff TEXT NOT NULL CHECK (json_valid(diff)),
      changes TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (article_id, position)
    );
    """
}
