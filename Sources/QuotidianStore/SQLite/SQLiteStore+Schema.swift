import GRDB

extension SQLiteStore {
  /// The schema's history. Migrations are never edited once merged and speak SQL, not app
  /// types: a later migration adds entities, roles and cross-article identity.
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
    return migrator
  }
}
