-- Validation batch for `claims` (see quotations.sql for how the batch is found).
-- About-intervals: ordered, not before 1800, not after publication + 50 years (today + 50 when
-- the publication date is unknown); only predictions may start after publication + 1 day.
WITH batch_articles AS (
    SELECT article_id FROM articles
     WHERE is_current AND ($keys IS NULL OR list_contains($keys, partition_key))
    UNION
    SELECT article_id FROM article_extractions
     WHERE $keys IS NULL OR list_contains($keys, partition_key)
)
SELECT
    c.rowid AS _rowid,
    c.claim_id, c.article_id, c.article_version, left(c.text, 120) AS text, c.start_offset, c.end_offset,
    c.claimer, c.claimer_entity_id, c.claimer_source, c.about_start, c.about_end, c.about_source,
    c.modality, c.checkworthy, a.published_at,
    a.article_id IS NOT NULL AS article_exists,
    CASE WHEN a.article_id IS NULL THEN NULL ELSE a.is_current END AS article_is_current,
    CASE WHEN a.article_id IS NULL THEN NULL
         ELSE c.start_offset >= 0 AND c.start_offset < c.end_offset AND c.end_offset <= length(a.text)
    END AS span_in_article,
    CASE WHEN a.article_id IS NULL THEN NULL
         ELSE coalesce(substring(a.text, c.start_offset + 1, c.end_offset - c.start_offset) = c.text, false)
    END AS text_matches_article,
    left(substring(a.text, c.start_offset + 1, greatest(c.end_offset - c.start_offset, 0)), 120) AS article_text_at_span,
    CASE WHEN c.about_start IS NULL OR c.about_end IS NULL THEN NULL
         ELSE c.about_start <= c.about_end END AS about_ordered,
    CASE WHEN c.about_start IS NULL THEN NULL ELSE year(c.about_start) >= 1800 END AS about_after_1800,
    CASE WHEN c.about_end IS NULL THEN NULL
         ELSE c.about_end <= coalesce(a.published_at::DATE, current_date) + INTERVAL 50 YEAR
    END AS about_within_horizon,
    CASE WHEN c.about_start IS NULL OR a.published_at IS NULL OR c.modality = 'predicted' THEN NULL
         ELSE c.about_start <= a.published_at::DATE + INTERVAL 1 DAY
    END AS about_not_future_unless_predicted,
    CASE WHEN c.claimer_entity_id IS NULL THEN NULL
         ELSE EXISTS (SELECT 1 FROM entities e WHERE e.entity_id = c.claimer_entity_id)
    END AS claimer_entity_exists
FROM claims c
LEFT JOIN articles a ON a.article_id = c.article_id AND a.version = c.article_version
WHERE c.article_id IN (SELECT article_id FROM batch_articles)
ORDER BY c.article_id, c.start_offset, c.claim_id
