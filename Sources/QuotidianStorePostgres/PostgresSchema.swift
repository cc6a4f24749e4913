/// The tables of the record, as migration 2 creates them: the same tables and keys as the
/// SQLite store's, in PostgreSQL's types.
///
/// Full-text search: each quote's and claim's folded words (``TextFolding/words(_:)``, the
/// words SQLite's FTS5 `unicode61 remove_diacritics 2` tokenizer sees) are written as a
/// `tsvector` built by the store, with positions, and searched through a GIN index with a
/// `tsquery` the store builds from the same parsed search (``PostgresSearch``). No text
/// search configuration or server locale is involved, so both backends find the same words.
enum PostgresSchema {
  static let recordV2: [String] = [
    """
    CREATE TABLE stories (
      id BIGSERIAL PRIMARY KEY,
      title TEXT NOT NULL,
      first_published TEXT,
      last_published TEXT,
      article_count INTEGER NOT NULL DEFAULT 0
    )
    """,
    """
    CREATE TABLE articles (
      id BIGSERIAL PRIMARY KEY,
      text_key TEXT NOT NULL UNIQUE,
      source TEXT NOT NULL,
      url TEXT,
      format TEXT NOT NULL,
      title TEXT,
      authors JSONB NOT NULL DEFAULT '[]',
      published TEXT,
      outlet TEXT,
      outlet_key TEXT,
      language TEXT,
      text TEXT NOT NULL,
      ingested_at TIMESTAMPTZ NOT NULL DEFAULT now(),
      duplicate_of BIGINT REFERENCES articles(id) ON DELETE SET NULL,
      duplicate_kind TEXT CHECK (duplicate_kind IN ('exact', 'near')),
      duplicate_similarity DOUBLE PRECISION,
      signature BYTEA,
      story_id BIGINT REFERENCES stories(id) ON DELETE SET NULL,
      search TSVECTOR NOT NULL
    )
    """,
    "CREATE INDEX articles_search ON articles USING GIN (search)",
    "CREATE INDEX articles_published ON articles (published COLLATE \"C\")",
    "CREATE INDEX articles_outlet_key ON articles (outlet_key)",
    "CREATE INDEX articles_duplicate_of ON articles (duplicate_of) WHERE duplicate_of IS NOT NULL",
    "CREATE INDEX articles_story ON articles (story_id, published)",
    """
    CREATE TABLE entities (
      id BIGSERIAL PRIMARY KEY,
      kind TEXT NOT NULL,
      name TEXT NOT NULL,
      name_key TEXT NOT NULL,
      is_named BOOLEAN NOT NULL DEFAULT true,
      gender TEXT
    )
    """,
    "CREATE INDEX entities_kind_name_key ON entities (kind, name_key)",
    """
    CREATE TABLE entity_aliases (
      id BIGSERIAL UNIQUE,
      entity_id BIGINT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
      alias TEXT NOT NULL,
      folded TEXT NOT NULL,
      first_seen TEXT,
      PRIMARY KEY (entity_id, folded)
    )
    """,
    "CREATE INDEX entity_aliases_folded ON entity_aliases (folded)",
    """
    CREATE TABLE entity_words (
      word TEXT NOT NULL,
      entity_id BIGINT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
      PRIMARY KEY (word, entity_id)
    )
    """,
    "CREATE INDEX entity_words_entity ON entity_words (entity_id)",
    """
    CREATE TABLE entity_roles (
      id BIGSERIAL PRIMARY KEY,
      entity_id BIGINT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
      title TEXT NOT NULL,
      organization TEXT,
      status TEXT NOT NULL CHECK (status IN ('current', 'former')),
      since TEXT,
      until TEXT,
      article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      published TEXT
    )
    """,
    "CREATE INDEX entity_roles_entity ON entity_roles (entity_id)",
    "CREATE INDEX entity_roles_article ON entity_roles (article_id)",
    """
    CREATE TABLE entity_role_set (
      entity_id BIGINT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
      title TEXT NOT NULL,
      organization TEXT NOT NULL,
      status TEXT NOT NULL,
      since TEXT NOT NULL,
      until TEXT NOT NULL,
      PRIMARY KEY (entity_id, title, organization, status, since, until)
    )
    """,
    """
    CREATE TABLE article_entities (
      article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      entity_id BIGINT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      mention_count INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (article_id, entity_id)
    )
    """,
    "CREATE INDEX article_entities_entity_article ON article_entities (entity_id, article_id)",
    """
    CREATE TABLE statements (
      id BIGSERIAL PRIMARY KEY,
      speaker_key TEXT NOT NULL,
      speaker TEXT,
      text_key TEXT NOT NULL,
      text TEXT NOT NULL,
      first_article_id BIGINT REFERENCES articles(id) ON DELETE SET NULL
    )
    """,
    "CREATE INDEX statements_speaker_text ON statements (speaker_key, text_key)",
    "CREATE INDEX statements_text ON statements (text_key)",
    """
    CREATE TABLE statement_bands (
      band BIGINT NOT NULL,
      statement_id BIGINT NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
      PRIMARY KEY (band, statement_id)
    )
    """,
    """
    CREATE TABLE quotes (
      id BIGSERIAL PRIMARY KEY,
      article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      text TEXT NOT NULL,
      speaker TEXT,
      speaker_mention TEXT,
      cue TEXT,
      kind TEXT NOT NULL,
      start INTEGER NOT NULL CHECK (start >= 0),
      "end" INTEGER NOT NULL CHECK ("end" >= start),
      confidence DOUBLE PRECISION NOT NULL,
      rule TEXT NOT NULL,
      entity_id BIGINT REFERENCES entities(id) ON DELETE SET NULL,
      statement_id BIGINT REFERENCES statements(id) ON DELETE SET NULL,
      search TSVECTOR NOT NULL,
      UNIQUE (article_id, position)
    )
    """,
    "CREATE INDEX quotes_speaker ON quotes (speaker)",
    "CREATE INDEX quotes_entity ON quotes (entity_id)",
    "CREATE INDEX quotes_statement ON quotes (statement_id, article_id)",
    "CREATE INDEX quotes_search ON quotes USING GIN (search)",
    """
    CREATE TABLE article_sightings (
      id BIGSERIAL PRIMARY KEY,
      article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      source TEXT NOT NULL,
      source_key TEXT NOT NULL,
      url TEXT,
      format TEXT NOT NULL,
      title TEXT,
      outlet TEXT,
      published TEXT,
      seen_at TIMESTAMPTZ NOT NULL DEFAULT now(),
      UNIQUE (article_id, source_key)
    )
    """,
    """
    CREATE TABLE article_bands (
      band BIGINT NOT NULL,
      article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      PRIMARY KEY (band, article_id)
    )
    """,
    """
    CREATE TABLE rewrites (
      article_id BIGINT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
      original_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      similarity DOUBLE PRECISION NOT NULL,
      shared_quotes INTEGER NOT NULL
    )
    """,
    "CREATE INDEX rewrites_original ON rewrites (original_id)",
    """
    CREATE TABLE altered_quotes (
      article_id BIGINT NOT NULL REFERENCES rewrites(article_id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      original_position INTEGER NOT NULL,
      diff TEXT NOT NULL,
      changes TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (article_id, position)
    )
    """,
    """
    CREATE TABLE story_terms (
      story_id BIGINT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
      term TEXT NOT NULL,
      weight DOUBLE PRECISION NOT NULL,
      PRIMARY KEY (story_id, term)
    )
    """,
    "CREATE INDEX story_terms_term ON story_terms (term, story_id)",
    """
    CREATE TABLE term_frequencies (
      term TEXT PRIMARY KEY,
      articles INTEGER NOT NULL
    )
    """,
    """
    CREATE TABLE said_statements (
      id BIGSERIAL PRIMARY KEY,
      article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
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
    )
    """,
    "CREATE INDEX said_statements_speaker ON said_statements (speaker_key)",
    """
    CREATE TABLE article_dates (
      article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      text TEXT NOT NULL,
      value TEXT NOT NULL,
      granularity TEXT NOT NULL,
      start INTEGER NOT NULL,
      "end" INTEGER NOT NULL,
      PRIMARY KEY (article_id, position)
    )
    """,
    """
    CREATE TABLE claims (
      id BIGSERIAL PRIMARY KEY,
      article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      text TEXT NOT NULL,
      value DOUBLE PRECISION NOT NULL,
      unit TEXT,
      qualifier TEXT,
      counted TEXT,
      start INTEGER NOT NULL,
      "end" INTEGER NOT NULL,
      search TSVECTOR NOT NULL,
      UNIQUE (article_id, position)
    )
    """,
    "CREATE INDEX claims_search ON claims USING GIN (search)",
    """
    CREATE TABLE promises (
      id BIGSERIAL PRIMARY KEY,
      article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
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
    )
    """,
    "CREATE INDEX promises_speaker ON promises (speaker_key)",
  ]

  /// Stories are events; a storyline chains events over months (SQLite's v7). A record from
  /// before gets one storyline per story, with the story's centroid.
  static let storylinesV3: [String] = [
    """
    CREATE TABLE storylines (
      id BIGSERIAL PRIMARY KEY,
      title TEXT NOT NULL,
      first_published TEXT,
      last_published TEXT,
      event_count INTEGER NOT NULL DEFAULT 0
    )
    """,
    """
    CREATE TABLE storyline_terms (
      storyline_id BIGINT NOT NULL REFERENCES storylines(id) ON DELETE CASCADE,
      term TEXT NOT NULL,
      weight DOUBLE PRECISION NOT NULL,
      PRIMARY KEY (storyline_id, term)
    )
    """,
    "CREATE INDEX storyline_terms_term ON storyline_terms (term, storyline_id)",
    "ALTER TABLE stories ADD COLUMN storyline_id BIGINT REFERENCES storylines(id) ON DELETE SET NULL",
    "CREATE INDEX stories_storyline ON stories (storyline_id, first_published)",
    """
    INSERT INTO storylines (id, title, first_published, last_published, event_count)
      SELECT id, title, first_published, last_published, 1 FROM stories
    """,
    "SELECT setval(pg_get_serial_sequence('storylines', 'id'), coalesce(max(id), 0) + 1, false) FROM storylines",
    "UPDATE stories SET storyline_id = id",
    """
    INSERT INTO storyline_terms (storyline_id, term, weight)
      SELECT story_id, term, weight FROM story_terms
    """,
  ]
}
