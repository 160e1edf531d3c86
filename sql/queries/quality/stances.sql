-- Validation batch for `stances` (the batch: quality_batch_articles in sql/schema/004_quality_macros.sql).
-- Entity references are checked by joins, not correlated EXISTS: DuckDB decorrelates EXISTS by
-- carrying every column (the article's text included) per row, which for one 1 MB article with
-- 5,000 rows exceeds the memory limit.
SELECT
    s.rowid AS _rowid,
    s.stance_id, s.article_id, s.article_version, s.holder_text, s.target_text, s.polarity, s.score,
    s.confidence, s.method, s.source_kind, s.evidence_start, s.evidence_end,
    left(s.evidence_text, 120) AS evidence_text,
    a.article_id IS NOT NULL AS article_exists,
    CASE WHEN a.article_id IS NULL THEN NULL ELSE a.is_current END AS article_is_current,
    span_in_text(a.text, s.evidence_start, s.evidence_end) AS span_in_article,
    span_matches_text(a.text, s.evidence_start, s.evidence_end, s.evidence_text) AS text_matches_article,
    text_at_span(a.text, s.evidence_start, s.evidence_end) AS article_text_at_span,
    CASE WHEN s.holder_start IS NULL THEN NULL
         ELSE span_in_text(a.text, s.holder_start, s.holder_end)
              AND span_matches_text(a.text, s.holder_start, s.holder_end, s.holder_text)
    END AS holder_span_matches_text,
    CASE WHEN s.target_start IS NULL THEN NULL
         ELSE span_in_text(a.text, s.target_start, s.target_end)
              AND span_matches_text(a.text, s.target_start, s.target_end, s.target_text)
    END AS target_span_matches_text,
    CASE s.polarity WHEN 'favor' THEN s.score >= 0 WHEN 'against' THEN s.score <= 0 ELSE NULL
    END AS polarity_agrees_with_score,
    CASE WHEN s.holder_entity_id IS NULL AND s.target_entity_id IS NULL THEN NULL
         ELSE (s.holder_entity_id IS NULL OR holder.entity_id IS NOT NULL)
          AND (s.target_entity_id IS NULL OR target.entity_id IS NOT NULL)
    END AS entities_exist
FROM stances s
LEFT JOIN articles a ON a.article_id = s.article_id AND a.version = s.article_version
LEFT JOIN (SELECT DISTINCT entity_id FROM entities) holder ON holder.entity_id = s.holder_entity_id
LEFT JOIN (SELECT DISTINCT entity_id FROM entities) target ON target.entity_id = s.target_entity_id
WHERE s.article_id IN (SELECT article_id FROM quality_chunk_articles($keys, $lo, $hi))
ORDER BY s.article_id, s.evidence_start, s.stance_id
