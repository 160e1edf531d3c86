-- One holder's stance rows with target names, dates and evidence (optionally one target).
SELECT coalesce(h.canonical_name, s.holder_text) AS holder,
       coalesce(t.canonical_name, s.target_text) AS target,
       s.polarity, s.score, s.confidence, s.method, s.evidence_text,
       coalesce(s.stated_at, a.published_at) AS stated_at,
       a.article_id, a.title
FROM stances s
JOIN articles a ON a.article_id = s.article_id AND a.is_current
LEFT JOIN entities h ON h.entity_id = s.holder_entity_id
LEFT JOIN entities t ON t.entity_id = s.target_entity_id
-- Names match case-insensitively ("putin's" stances are Putin's).
WHERE (lower(h.canonical_name) = lower($holder) OR list_contains(list_transform(h.aliases, lambda x: lower(x)), lower($holder))
       OR (h.entity_id IS NULL AND lower(s.holder_text) = lower($holder)))
  AND ($target IS NULL OR lower(t.canonical_name) = lower($target)
       OR list_contains(list_transform(t.aliases, lambda x: lower(x)), lower($target)) OR lower(s.target_text) = lower($target))
ORDER BY stated_at NULLS LAST, s.evidence_start;
