-- Ingestion: what was seen in the inbox or fetched, the articles it became, and what was refused.

CREATE TABLE IF NOT EXISTS raw_inputs (
    input_key    VARCHAR PRIMARY KEY,  -- inbox-relative path, or "remote:<source name>"
    location         VARCHAR NOT NULL,     -- path or URL
    content_hash     VARCHAR,              -- sha256 of the raw bytes last ingested
    size_bytes       BIGINT,
    n_articles       INTEGER,
    n_rejected       INTEGER,
    etag             VARCHAR,              -- remote sources: conditional GET validators
    last_modified    VARCHAR,
    first_seen       TIMESTAMP NOT NULL,
    last_ingested    TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS articles (
    article_id        VARCHAR NOT NULL,   -- stable: from the canonical URL, else the content
    version           INTEGER NOT NULL,   -- 1, 2, ... when the same URL changes text
    is_current        BOOLEAN NOT NULL,
    input_key     VARCHAR NOT NULL,
    source            VARCHAR NOT NULL,   -- inbox path or fetched URL
    source_item       VARCHAR,            -- entry id inside a feed or JSONL file
    canonical_url     VARCHAR,
    title             VARCHAR,
    author            VARCHAR,
    publisher         VARCHAR,
    published_at      TIMESTAMP,
    published_source  VARCHAR NOT NULL,   -- metadata | url | text | front_matter | feed | unknown
    published_precision VARCHAR,          -- year | month | day | time (how much of published_at is known)
    language          VARCHAR,
    text              VARCHAR NOT NULL,   -- clean text; every offset in the warehouse points here
    char_length       INTEGER NOT NULL,
    content_hash      VARCHAR NOT NULL,
    first_seen        TIMESTAMP NOT NULL,
    last_seen         TIMESTAMP NOT NULL,
    PRIMARY KEY (article_id, version)
);

CREATE TABLE IF NOT EXISTS quarantine (
    quarantine_id   VARCHAR PRIMARY KEY,  -- hash of source, item, reason and content
    input_key   VARCHAR NOT NULL,
    source          VARCHAR NOT NULL,
    source_item     VARCHAR,
    reason          VARCHAR NOT NULL,
    detail          VARCHAR,
    content_hash    VARCHAR,
    quarantined_at  TIMESTAMP NOT NULL
);
-- The publication date of an input whose text was rejected (a page with no main text still has
-- a date): as found, with where it was found (htmldate's metadata, the URL, ...).
ALTER TABLE quarantine ADD COLUMN IF NOT EXISTS published_at TIMESTAMP;
ALTER TABLE quarantine ADD COLUMN IF NOT EXISTS published_source VARCHAR;
