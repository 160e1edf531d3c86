-- stance_timeline: one row per holder, target and calendar month, over current article versions.
-- A holder or target without an entity is grouped by its lower-cased text (never merged into an
-- entity by guess). Rows without any date (no stated_at, no published_at) cannot be placed in a
-- period and are left out. Quarter or year views aggregate these monthly rows or the stances.
CREATE OR REPLACE VIEW stance_timeline AS
WITH dated AS (
    SELECT
        s.stance_id,
        s.article_id,
        s.score,
        s.polarity,
        s.holder_entity_id,
        s.target_entity_id,
        coalesce(s.holder_entity_id, 'text:' || lower(s.holder_text)) AS holder_group,
        coalesce(s.target_entity_id, 'text:' || lower(coalesce(s.target_issue, s.target_text))) AS target_group,
        coalesce(h.canonical_name, s.holder_text) AS holder,
        coalesce(t.canonical_name, s.target_issue, s.target_text) AS target,
        coalesce(s.stated_at, a.published_at) AS seen_at
    FROM stances s
    LEFT JOIN articles a ON a.article_id = s.article_id AND a.version = s.article_version
    LEFT JOIN entities h ON h.entity_id = s.holder_entity_id
    LEFT JOIN entities t ON t.entity_id = s.target_entity_id
    WHERE coalesce(a.is_current, TRUE)
)
SELECT
    holder_group,
    min(holder) AS holder,
    min(holder_entity_id) AS holder_entity_id,
    target_group,
    min(target) AS target,
    min(target_entity_id) AS target_entity_id,
    CAST(date_trunc('month', seen_at) AS DATE) AS period,
    count(*) AS n,
    avg(score) AS mean_score,
    count(*) FILTER (WHERE polarity = 'favor') AS n_favor,
    count(*) FILTER (WHERE polarity = 'against') AS n_against,
    count(*) FILTER (WHERE polarity = 'neutral') AS n_neutral,
    count(DISTINCT article_id) AS n_articles,
    min(seen_at) AS first_seen,
    max(seen_at) AS last_seen
FROM dated
WHERE seen_at IS NOT NULL
GROUP BY holder_group, target_group, CAST(date_trunc('month', seen_at) AS DATE);
