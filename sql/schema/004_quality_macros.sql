-- Helpers shared by the validation batches in sql/queries/quality/. Offsets are Python str
-- offsets (0-based, end-exclusive); DuckDB's substring is 1-based and counts code points too.
-- Each is NULL when the article text is missing, so a dangling row fails only article_exists.

CREATE OR REPLACE MACRO span_in_text(txt, s, e) AS
    CASE WHEN txt IS NULL THEN NULL ELSE s >= 0 AND s < e AND e <= length(txt) END;

CREATE OR REPLACE MACRO span_matches_text(txt, s, e, stored) AS
    CASE WHEN txt IS NULL THEN NULL ELSE coalesce(substring(txt, s + 1, e - s) = stored, false) END;

CREATE OR REPLACE MACRO text_at_span(txt, s, e) AS
    left(substring(txt, s + 1, greatest(e - s, 0)), 120);

-- The articles of the checked partitions (all when keys is NULL), found through both articles and
-- article_extractions so that rows whose article is missing are still checked.
CREATE OR REPLACE MACRO quality_batch_articles(keys) AS TABLE
    SELECT article_id FROM articles
     WHERE is_current AND (keys IS NULL OR input_key IN (SELECT unnest(keys)))
    UNION
    SELECT article_id FROM article_extractions
     WHERE keys IS NULL OR input_key IN (SELECT unnest(keys));

-- One chunk of that batch: its article ids from lo to hi (either NULL: unbounded). A large batch
-- is validated chunk by chunk so that no more than one chunk's rows are in memory at a time.
CREATE OR REPLACE MACRO quality_chunk_articles(keys, lo, hi) AS TABLE
    SELECT article_id FROM quality_batch_articles(keys)
     WHERE (lo IS NULL OR article_id >= lo) AND (hi IS NULL OR article_id <= hi);
