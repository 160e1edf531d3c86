-- quotation_timeline: how often each speaker was quoted, month by month, over current article
-- versions: one row per speaker and month with the number of quotations (and of direct, mixed and
-- indirect ones), the number of articles, and the first and last time a quotation was said.
-- "Said" is the quotation's stated_at, else its article's publication time; quotations with
-- neither are left out (they have no month). The speaker is the resolved entity when there is
-- one, else the speaker mention's text, so unresolved speakers ("a spokesman") still count.
CREATE OR REPLACE VIEW quotation_timeline AS
WITH said AS (
    SELECT
        coalesce(q.speaker_entity_id, 'text:' || lower(trim(coalesce(q.speaker_name, q.speaker_text)))) AS speaker_group,
        q.speaker_entity_id,
        coalesce(e.canonical_name, q.speaker_name, q.speaker_text) AS speaker,
        e.type AS speaker_type,
        q.kind,
        q.article_id,
        coalesce(q.stated_at, a.published_at) AS said_at
    FROM quotations q
    LEFT JOIN articles a ON a.article_id = q.article_id AND a.version = q.article_version
    LEFT JOIN entities e ON e.entity_id = q.speaker_entity_id
    WHERE coalesce(a.is_current, TRUE)
      AND coalesce(q.speaker_entity_id, q.speaker_name, q.speaker_text) IS NOT NULL
)
SELECT
    any_value(speaker) AS speaker,
    speaker_entity_id,
    any_value(speaker_type) AS speaker_type,
    CAST(date_trunc('month', said_at) AS DATE) AS month,
    count(*) AS quotations,
    count(*) FILTER (WHERE kind = 'direct') AS direct,
    count(*) FILTER (WHERE kind = 'mixed') AS mixed,
    count(*) FILTER (WHERE kind = 'indirect') AS indirect,
    count(DISTINCT article_id) AS articles,
    min(said_at) AS first_said,
    max(said_at) AS last_said
FROM said
WHERE said_at IS NOT NULL
GROUP BY speaker_group, speaker_entity_id, CAST(date_trunc('month', said_at) AS DATE)
ORDER BY month, quotations DESC, speaker;
