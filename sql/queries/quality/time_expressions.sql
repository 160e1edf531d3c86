-- Validation batch for `time_expressions` (the batch: quality_batch_articles in sql/schema/004_quality_macros.sql).
-- The horizon: the interval starts at most 100 years after publication (after today when the
-- publication date is unknown). Real news looks far ahead ("until the year 2050", bonds due in
-- 2047, "the next century"); values like 3020 are misreadings.
SELECT
    t.rowid AS _rowid,
    t.timex_id, t.article_id, t.article_version, t.text, t.start_offset, t.end_offset, t.type, t.value,
    t.interval_start, t.interval_end, t.granularity, t.anchor, t.reason, a.published_at,
    a.article_id IS NOT NULL AS article_exists,
    CASE WHEN a.article_id IS NULL THEN NULL ELSE a.is_current END AS article_is_current,
    span_in_text(a.text, t.start_offset, t.end_offset) AS span_in_article,
    span_matches_text(a.text, t.start_offset, t.end_offset, t.text) AS text_matches_article,
    text_at_span(a.text, t.start_offset, t.end_offset) AS article_text_at_span,
    CASE WHEN t.interval_start IS NULL OR t.interval_end IS NULL THEN NULL
         ELSE t.interval_start <= t.interval_end END AS interval_ordered,
    CASE WHEN t.interval_start IS NULL THEN NULL ELSE year(t.interval_start) >= 1800 END AS interval_after_1800,
    CASE WHEN t.interval_start IS NULL THEN NULL
         ELSE t.interval_start <= coalesce(a.published_at::DATE, current_date) + INTERVAL 100 YEAR
    END AS interval_within_horizon,
    t.value IS NOT NULL OR t.reason IS NOT NULL AS value_or_reason
FROM time_expressions t
LEFT JOIN articles a ON a.article_id = t.article_id AND a.version = t.article_version
WHERE t.article_id IN (SELECT article_id FROM quality_chunk_articles($keys, $lo, $hi))
ORDER BY t.article_id, t.start_offset, t.timex_id
