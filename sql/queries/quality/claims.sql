-- Validation batch for `claims` (the batch: quality_batch_articles in sql/schema/004_quality_macros.sql).
-- About-intervals: ordered, not before 1800, starting at most 100 years after publication (after
-- today when the publication date is unknown); only predictions may start after publication + 1 day.
-- Entity references are checked by joins, not correlated EXISTS: DuckDB decorrelates EXISTS by
-- carrying every column (the article's text included) per row, which for one 1 MB article with
-- 5,000 rows exceeds the memory limit.
SELECT
    c.rowid AS _rowid,
    c.claim_id, c.article_id, c.article_version, left(c.text, 120) AS text, c.start_offset, c.end_offset,
    c.claimer, c.claimer_entity_id, c.claimer_source, c.about_start, c.about_end, c.about_source,
    c.modality, c.checkworthy, a.published_at,
    a.article_id IS NOT NULL AS article_exists,
    CASE WHEN a.article_id IS NULL THEN NULL ELSE a.is_current END AS article_is_current,
    span_in_text(a.text, c.start_offset, c.end_offset) AS span_in_article,
    span_matches_text(a.text, c.start_offset, c.end_offset, c.text) AS text_matches_article,
    text_at_span(a.text, c.start_offset, c.end_offset) AS article_text_at_span,
    CASE WHEN c.about_start IS NULL OR c.about_end IS NULL THEN NULL
         ELSE c.about_start <= c.about_end END AS about_ordered,
    CASE WHEN c.about_start IS NULL THEN NULL ELSE year(c.about_start) >= 1800 END AS about_after_1800,
    CASE WHEN c.about_start IS NULL THEN NULL
         ELSE c.about_start <= coalesce(a.published_at::DATE, current_date) + INTERVAL 100 YEAR
    END AS about_within_horizon,
    CASE WHEN c.about_start IS NULL OR a.published_at IS NULL OR c.modality = 'predicted' THEN NULL
         ELSE c.about_start <= a.published_at::DATE + INTERVAL 1 DAY
    END AS about_not_future_unless_predicted,
    CASE WHEN c.claimer_entity_id IS NULL THEN NULL
         ELSE claimer.entity_id IS NOT NULL
    END AS claimer_entity_exists
FROM claims c
LEFT JOIN articles a ON a.article_id = c.article_id AND a.version = c.article_version
LEFT JOIN (SELECT DISTINCT entity_id FROM entities) claimer ON claimer.entity_id = c.claimer_entity_id
WHERE c.article_id IN (SELECT article_id FROM quality_chunk_articles($keys, $lo, $hi))
ORDER BY c.article_id, c.start_offset, c.claim_id
