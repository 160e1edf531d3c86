-- Validation batch for `stances` (see quotations.sql for how the batch is found).
WITH batch_articles AS (
    SELECT article_id FROM articles
     WHERE is_current AND ($keys IS NULL OR list_contains($keys, partition_key))
    UNION
    SELECT article_id FROM article_extractions
     WHERE $keys IS NULL OR list_contains($keys, partition_key)
)
SELECT
    s.rowid AS _rowid,
    s.stance_id, s.article_id, s.article_version, s.holder_text, s.target_text, s.polarity, s.score,
    s.confidence, s.method, s.source_kind, s.evidence_start, s.evidence_end,
    left(s.evidence_text, 120) AS evidence_text,
    a.article_id IS NOT NULL AS article_exists,
    CASE WHEN a.article_id IS NULL THEN NULL ELSE a.is_current END AS article_is_current,
    CASE WHEN a.article_id IS NULL THEN NULL
         ELSE s.evidence_start >= 0 AND s.evidence_start < s.evidence_end AND s.evidence_end <= length(a.text)
    END AS span_in_article,
    CASE WHEN a.article_id IS NULL THEN NULL
         ELSE coalesce(substring(a.text, s.evidence_start + 1, s.evidence_end - s.evidence_start) = s.evidence_text, false)
    END AS text_matches_article,
    left(substring(a.text, s.evidence_start + 1, greatest(s.evidence_end - s.evidence_start, 0)), 120) AS article_text_at_span,
    CASE WHEN a.article_id IS NULL OR s.holder_start IS NULL THEN NULL
         ELSE s.holder_start >= 0 AND s.holder_start < s.holder_end AND s.holder_end <= length(a.text)
              AND coalesce(substring(a.text, s.holder_start + 1, s.holder_end - s.holder_start) = s.holder_text, false)
    END AS holder_span_matches_text,
    CASE WHEN a.article_id IS NULL OR s.target_start IS NULL THEN NULL
         ELSE s.target_start >= 0 AND s.target_start < s.target_end AND s.target_end <= length(a.text)
              AND coalesce(substring(a.text, s.target_start + 1, s.target_end - s.target_start) = s.target_text, false)
    END AS target_span_matches_text,
    CASE s.polarity WHEN 'favor' THEN s.score >= 0 WHEN 'against' THEN s.score <= 0 ELSE NULL
    END AS polarity_agrees_with_score,
    CASE WHEN s.holder_entity_id IS NULL AND s.target_entity_id IS NULL THEN NULL
         ELSE (s.holder_entity_id IS NULL OR EXISTS (SELECT 1 FROM entities e WHERE e.entity_id = s.holder_entity_id))
          AND (s.target_entity_id IS NULL OR EXISTS (SELECT 1 FROM entities e WHERE e.entity_id = s.target_entity_id))
    END AS entities_exist
FROM stances s
LEFT JOIN articles a ON a.article_id = s.article_id AND a.version = s.article_version
WHERE s.article_id IN (SELECT article_id FROM batch_articles)
ORDER BY s.article_id, s.evidence_start, s.stance_id
