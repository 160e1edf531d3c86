-- speaker_activity: per speaker / stance holder / claimer (an entity, else the lower-cased text):
-- how many quotations, stances and claims, in how many articles, first and last seen.
CREATE OR REPLACE VIEW speaker_activity AS
WITH acts AS (
    SELECT coalesce(q.speaker_entity_id, 'text:' || lower(coalesce(q.speaker_name, q.speaker_text))) AS holder_group,
           q.speaker_entity_id AS entity_id,
           coalesce(e.canonical_name, q.speaker_name, q.speaker_text) AS name,
           'quotation' AS kind, q.article_id, q.article_version,
           coalesce(q.stated_at, a.published_at) AS seen_at
    FROM quotations q
    LEFT JOIN articles a ON a.article_id = q.article_id AND a.version = q.article_version
    LEFT JOIN entities e ON e.entity_id = q.speaker_entity_id
    WHERE coalesce(a.is_current, TRUE)
      AND (q.speaker_entity_id IS NOT NULL OR coalesce(q.speaker_name, q.speaker_text) IS NOT NULL)
    UNION ALL
    SELECT coalesce(s.holder_entity_id, 'text:' || lower(s.holder_text)),
           s.holder_entity_id,
           coalesce(e.canonical_name, s.holder_text),
           'stance', s.article_id, s.article_version,
           coalesce(s.stated_at, a.published_at)
    FROM stances s
    LEFT JOIN articles a ON a.article_id = s.article_id AND a.version = s.article_version
    LEFT JOIN entities e ON e.entity_id = s.holder_entity_id
    WHERE coalesce(a.is_current, TRUE) AND (s.holder_entity_id IS NOT NULL OR s.holder_text IS NOT NULL)
    UNION ALL
    SELECT coalesce(c.claimer_entity_id, 'text:' || lower(c.claimer)),
           c.claimer_entity_id,
           coalesce(e.canonical_name, c.claimer),
           'claim', c.article_id, c.article_version,
           coalesce(c.stated_at, a.published_at)
    FROM claims c
    LEFT JOIN articles a ON a.article_id = c.article_id AND a.version = c.article_version
    LEFT JOIN entities e ON e.entity_id = c.claimer_entity_id
    WHERE coalesce(a.is_current, TRUE) AND (c.claimer_entity_id IS NOT NULL OR c.claimer IS NOT NULL)
)
SELECT
    holder_group,
    min(name) AS name,
    min(entity_id) AS entity_id,
    count(*) FILTER (WHERE kind = 'quotation') AS n_quotations,
    count(*) FILTER (WHERE kind = 'stance') AS n_stances,
    count(*) FILTER (WHERE kind = 'claim') AS n_claims,
    count(DISTINCT article_id) AS n_articles,
    min(seen_at) AS first_seen,
    max(seen_at) AS last_seen
FROM acts
GROUP BY holder_group;
