-- Validation batch for `quotations`: rows of the checked partitions' articles ($keys; all when
-- NULL). The batch is found through both the articles and article_extractions, so rows whose
-- article is missing are still in it (and fail article_exists). Substring is 1-based and counts
-- code points, like Python str offsets.
WITH batch_articles AS (
    SELECT article_id FROM articles
     WHERE is_current AND ($keys IS NULL OR list_contains($keys, partition_key))
    UNION
    SELECT article_id FROM article_extractions
     WHERE $keys IS NULL OR list_contains($keys, partition_key)
)
SELECT
    q.rowid AS _rowid,
    q.quote_id, q.article_id, q.article_version, q.kind, q.content_start, q.content_end,
    left(q.content_text, 120) AS content_text, q.speaker_text, q.speaker_entity_id, q.confidence,
    a.article_id IS NOT NULL AS article_exists,
    CASE WHEN a.article_id IS NULL THEN NULL ELSE a.is_current END AS article_is_current,
    CASE WHEN a.article_id IS NULL THEN NULL
         ELSE q.content_start >= 0 AND q.content_start < q.content_end AND q.content_end <= length(a.text)
    END AS span_in_article,
    CASE WHEN a.article_id IS NULL THEN NULL
         ELSE coalesce(substring(a.text, q.content_start + 1, q.content_end - q.content_start) = q.content_text, false)
    END AS text_matches_article,
    left(substring(a.text, q.content_start + 1, greatest(q.content_end - q.content_start, 0)), 120) AS article_text_at_span,
    CASE WHEN a.article_id IS NULL OR q.speaker_start IS NULL THEN NULL
         ELSE q.speaker_start >= 0 AND q.speaker_start < q.speaker_end AND q.speaker_end <= length(a.text)
              AND coalesce(substring(a.text, q.speaker_start + 1, q.speaker_end - q.speaker_start) = q.speaker_text, false)
    END AS speaker_span_matches_text,
    CASE WHEN a.article_id IS NULL OR q.cue_start IS NULL THEN NULL
         ELSE q.cue_start >= 0 AND q.cue_start < q.cue_end AND q.cue_end <= length(a.text)
    END AS cue_span_in_article,
    q.speaker_entity_id IS NOT NULL AS speaker_resolved,
    CASE WHEN q.speaker_entity_id IS NULL THEN NULL
         ELSE EXISTS (SELECT 1 FROM entities e WHERE e.entity_id = q.speaker_entity_id)
    END AS speaker_entity_exists
FROM quotations q
LEFT JOIN articles a ON a.article_id = q.article_id AND a.version = q.article_version
WHERE q.article_id IN (SELECT article_id FROM batch_articles)
ORDER BY q.article_id, q.content_start, q.quote_id
