-- Extraction: every row points at characters of articles.text (current version) and names
-- the extractor version that produced it.
-- Row ids are hashes of article, version and span, unique by construction: the writer replaces
-- an article's rows in one transaction and drops exact duplicates, and the GX suites check
-- uniqueness on every run. They are not declared PRIMARY KEY in the row tables: maintaining
-- those indexes made each batch's commit cost ~15x more (0.3 s per 1,000 articles).

CREATE TABLE IF NOT EXISTS article_extractions (
    article_id         VARCHAR PRIMARY KEY,
    article_version    INTEGER NOT NULL,
    input_key      VARCHAR NOT NULL,
    language           VARCHAR,
    skipped_reason     VARCHAR,           -- not_english, empty_text, ... (no rows extracted)
    notes              VARCHAR[],
    n_quotations       INTEGER NOT NULL,
    n_time_expressions INTEGER NOT NULL,
    n_claims           INTEGER NOT NULL,
    n_stances          INTEGER NOT NULL,
    extractor_version  VARCHAR NOT NULL,
    extracted_at       TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS entities (
    entity_id       VARCHAR PRIMARY KEY,  -- hash of the normalized name key
    name_key        VARCHAR NOT NULL,
    canonical_name  VARCHAR NOT NULL,
    type            VARCHAR NOT NULL,     -- PERSON | ORG | GPE | NORP | OTHER
    aliases         VARCHAR[],
    first_seen      TIMESTAMP NOT NULL,
    last_seen       TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS entity_mentions (
    mention_id         VARCHAR NOT NULL,  -- unique: see the header
    article_id         VARCHAR NOT NULL,
    article_version    INTEGER NOT NULL,
    entity_id          VARCHAR NOT NULL,
    mention_start      INTEGER NOT NULL,
    mention_end        INTEGER NOT NULL,
    mention_text       VARCHAR NOT NULL,
    extractor_version  VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS quotations (
    quote_id           VARCHAR NOT NULL,  -- unique: see the header
    article_id         VARCHAR NOT NULL,
    article_version    INTEGER NOT NULL,
    content_text       VARCHAR NOT NULL,  -- article text[content_start:content_end]
    content_start      INTEGER NOT NULL,
    content_end        INTEGER NOT NULL,
    content_spans      INTEGER[][],       -- [[start, end], ...] for split quotes
    kind               VARCHAR NOT NULL,  -- direct | mixed | indirect
    cue                VARCHAR,
    cue_start          INTEGER,
    cue_end            INTEGER,
    speaker_text       VARCHAR,
    speaker_start      INTEGER,
    speaker_end        INTEGER,
    speaker_entity_id  VARCHAR,
    speaker_name       VARCHAR,
    confidence         DOUBLE NOT NULL,
    stated_at          TIMESTAMP,         -- the article's publication time
    extractor_version  VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS time_expressions (
    timex_id           VARCHAR NOT NULL,  -- unique: see the header
    article_id         VARCHAR NOT NULL,
    article_version    INTEGER NOT NULL,
    text               VARCHAR NOT NULL,
    start_offset       INTEGER NOT NULL,
    end_offset         INTEGER NOT NULL,
    type               VARCHAR NOT NULL,  -- DATE | TIME | DURATION | SET
    value              VARCHAR,           -- TIMEX3 value; null when unresolvable
    interval_start     DATE,
    interval_end       DATE,
    granularity        VARCHAR,
    anchor             VARCHAR,           -- publication | mention | null (absolute)
    unanchored         BOOLEAN NOT NULL,
    reason             VARCHAR,
    extractor_version  VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS claims (
    claim_id           VARCHAR NOT NULL,  -- unique: see the header
    article_id         VARCHAR NOT NULL,
    article_version    INTEGER NOT NULL,
    text               VARCHAR NOT NULL,
    start_offset       INTEGER NOT NULL,
    end_offset         INTEGER NOT NULL,
    claimer            VARCHAR,
    claimer_entity_id  VARCHAR,
    claimer_source     VARCHAR NOT NULL,  -- quote | author | publisher | unknown
    about_start        DATE,
    about_end          DATE,
    about_source       VARCHAR NOT NULL,  -- timex | published | unknown
    timex_text         VARCHAR,
    stated_at          TIMESTAMP,
    modality           VARCHAR NOT NULL,  -- asserted | predicted | hedged | negated
    entities           VARCHAR[],
    numbers            VARCHAR[],
    checkworthy        DOUBLE NOT NULL,
    extractor_version  VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS stances (
    stance_id          VARCHAR NOT NULL,  -- unique: see the header
    article_id         VARCHAR NOT NULL,
    article_version    INTEGER NOT NULL,
    holder_text        VARCHAR,
    holder_start       INTEGER,
    holder_end         INTEGER,
    holder_entity_id   VARCHAR,
    target_text        VARCHAR NOT NULL,
    target_start       INTEGER,
    target_end         INTEGER,
    target_entity_id   VARCHAR,           -- null when the target is an issue, not an entity
    target_issue       VARCHAR,
    polarity           VARCHAR NOT NULL,  -- favor | against | neutral
    score              DOUBLE NOT NULL,   -- -1..1
    confidence         DOUBLE NOT NULL,
    method             VARCHAR NOT NULL,
    evidence_start     INTEGER NOT NULL,
    evidence_end       INTEGER NOT NULL,
    evidence_text      VARCHAR NOT NULL,
    source_kind        VARCHAR NOT NULL,  -- quote | attitude
    stated_at          TIMESTAMP,
    extractor_version  VARCHAR NOT NULL
);
