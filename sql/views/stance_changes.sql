-- stance_changes: a holder's stance on a target whose monthly mean score changes sign between
-- two consecutive months in which the pair was seen (neutral months, mean 0, are skipped).
-- Each side carries its strongest piece of evidence that agrees with that month's sign.
CREATE OR REPLACE VIEW stance_changes AS
WITH dated AS (
    SELECT
        s.stance_id,
        s.article_id,
        s.score,
        s.evidence_text,
        coalesce(s.holder_entity_id, 'text:' || lower(s.holder_text)) AS holder_group,
        coalesce(s.target_entity_id, 'text:' || lower(coalesce(s.target_issue, s.target_text))) AS target_group,
        coalesce(h.canonical_name, s.holder_text) AS holder,
        coalesce(t.canonical_name, s.target_issue, s.target_text) AS target,
        CAST(date_trunc('month', coalesce(s.stated_at, a.published_at)) AS DATE) AS period
    FROM stances s
    LEFT JOIN articles a ON a.article_id = s.article_id AND a.version = s.article_version
    LEFT JOIN entities h ON h.entity_id = s.holder_entity_id
    LEFT JOIN entities t ON t.entity_id = s.target_entity_id
    WHERE coalesce(a.is_current, TRUE) AND coalesce(s.stated_at, a.published_at) IS NOT NULL
      AND (s.holder_entity_id IS NOT NULL OR s.holder_text IS NOT NULL)
),
periods AS (
    SELECT holder_group, target_group, period, min(holder) AS holder, min(target) AS target,
           avg(score) AS mean_score, count(*) AS n
    FROM dated
    GROUP BY holder_group, target_group, period
    HAVING avg(score) <> 0
),
evidence AS (
    SELECT d.holder_group, d.target_group, d.period,
           arg_max(d.evidence_text, abs(d.score)) AS evidence_text,
           arg_max(d.article_id, abs(d.score)) AS article_id,
           arg_max(d.stance_id, abs(d.score)) AS stance_id
    FROM dated d
    JOIN periods p USING (holder_group, target_group, period)
    WHERE sign(d.score) = sign(p.mean_score)
    GROUP BY d.holder_group, d.target_group, d.period
),
sequenced AS (
    SELECT p.*, e.evidence_text, e.article_id, e.stance_id,
           lag(p.period) OVER w AS previous_period,
           lag(p.mean_score) OVER w AS previous_mean_score,
           lag(p.n) OVER w AS previous_n,
           lag(e.evidence_text) OVER w AS previous_evidence_text,
           lag(e.article_id) OVER w AS previous_article_id,
           lag(e.stance_id) OVER w AS previous_stance_id
    FROM periods p
    JOIN evidence e USING (holder_group, target_group, period)
    WINDOW w AS (PARTITION BY p.holder_group, p.target_group ORDER BY p.period)
)
SELECT
    holder_group, holder, target_group, target,
    previous_period AS from_period,
    previous_mean_score AS from_mean_score,
    previous_n AS from_n,
    previous_evidence_text AS from_evidence_text,
    previous_article_id AS from_article_id,
    previous_stance_id AS from_stance_id,
    period AS to_period,
    mean_score AS to_mean_score,
    n AS to_n,
    evidence_text AS to_evidence_text,
    article_id AS to_article_id,
    stance_id AS to_stance_id,
    CASE WHEN mean_score > 0 THEN 'against->favor' ELSE 'favor->against' END AS change
FROM sequenced
WHERE previous_mean_score IS NOT NULL AND sign(previous_mean_score) <> sign(mean_score);
