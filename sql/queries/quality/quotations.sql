-- Validation batch for `quotations`: rows of the checked inputs' articles ($keys; all when
-- NULL), through quality_batch_articles and the span macros in sql/schema/004_quality_macros.sql.
-- Entity references are checked by joins, not correlated EXISTS: DuckDB decorrelates EXISTS by
-- carrying every column (the article's text included) per row, which for one 1 MB article with
-- 5,000 rows exceeds the memory limit.
SELECT
    q.rowid AS _rowid,
    q.quote_id, q.article_id, q.article_version, q.kind, q.content_start, q.content_end,
    left(q.content_text, 120) AS content_text, q.speaker_text, q.speaker_entity_id, q.confidence,
    a.article_id IS NOT NULL AS article_exists,
    CASE WHEN a.article_id IS NULL THEN NULL ELSE a.is_current END AS article_is_current,
    span_in_text(a.text, q.content_start, q.content_end) AS span_in_article,
    span_matches_text(a.text, q.content_start, q.content_end, q.content_text) AS text_matches_article,
    text_at_span(a.text, q.content_start, q.content_end) AS article_text_at_span,
    CASE WHEN q.speaker_start IS NULL THEN NULL
         ELSE span_in_text(a.text, q.speaker_start, q.speaker_end)
              AND span_matches_text(a.text, q.speaker_start, q.speaker_end, q.speaker_text)
    END AS speaker_span_matches_text,
    CASE WHEN q.cue_start IS NULL THEN NULL
         ELSE span_in_text(a.text, q.cue_start, q.cue_end)
    END AS cue_span_in_article,
    q.speaker_entity_id IS NOT NULL AS speaker_resolved,
    CASE WHEN q.speaker_entity_id IS NULL THEN NULL
         ELSE speaker.entity_id IS NOT NULL
    END AS speaker_entity_exists
FROM quotations q
LEFT JOIN articles a ON a.article_id = q.article_id AND a.version = q.article_version
LEFT JOIN (SELECT DISTINCT entity_id FROM entities) speaker ON speaker.entity_id = q.speaker_entity_id
WHERE q.article_id IN (SELECT article_id FROM quality_chunk_articles($keys, $lo, $hi))
ORDER BY q.article_id, q.content_start, q.quote_id
