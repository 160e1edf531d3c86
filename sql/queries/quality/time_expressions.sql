-- Validation batch for `time_expressions` (see quotations.sql for how the batch is found).
-- The horizon is publication + 50 years, or today + 50 years when the publication date is unknown.
WITH batch_articles AS (
    SELECT article_id FROM articles
     WHERE is_current AND ($keys IS NULL OR list_contains($keys, partition_key))
    UNION
    SELECT article_id FROM article_extractions
     WHERE $keys IS NULL OR list_contains($keys, partition_key)
)
SELECT
    t.rowid AS _rowid,
    t.timex_id, t.article_id, t.article_version, t.text, t.start_offset, t.end_offset, t.type, t.value,
    t.interval_start, t.interval_end, t.granularity, t.anchor, t.reason, a.published_at,
    a.article_id IS NOT NULL AS article_exists,
    CASE WHEN a.article_id IS NULL THEN NULL ELSE a.is_current END AS article_is_current,
    CASE WHEN a.article_id IS NULL THEN NULL
         ELSE t.start_offset >= 0 AND t.start_offset < t.end_offset AND t.end_offset <= length(a.text)
    END AS span_in_article,
    CASE WHEN a.article_id IS NULL THEN NULL
         ELSE coalesce(substring(a.text, t.start_offset + 1, t.end_offset - t.start_offset) = t.text, false)
    END AS text_matches_article,
    left(substring(a.text, t.start_offset + 1, greatest(t.end_offset - t.start_offset, 0)), 120) AS article_text_at_span,
    CASE WHEN t.interval_start IS NULL OR t.interval_end IS NULL THEN NULL
         ELSE t.interval_start <= t.interval_end END AS interval_ordered,
    CASE WHEN t.interval_start IS NULL THEN NULL ELSE year(t.interval_start) >= 1800 END AS interval_after_1800,
    CASE WHEN t.interval_end IS NULL THEN NULL
         ELSE t.interval_end <= coalesce(a.published_at::DATE, current_date) + INTERVAL 50 YEAR
    END AS interval_within_horizon,
    t.value IS NOT NULL OR t.reason IS NOT NULL AS value_or_reason
FROM time_expressions t
LEFT JOIN articles a ON a.article_id = t.article_id AND a.version = t.article_version
WHERE t.article_id IN (SELECT article_id FROM batch_articles)
ORDER BY t.article_id, t.start_offset, t.timex_id
