-- The holders with the most stances (resolved entities first), for the report pages.
SELECT s.holder_entity_id, coalesce(e.canonical_name, s.holder_text) AS holder, count(*) AS n
FROM stances s
LEFT JOIN entities e ON e.entity_id = s.holder_entity_id
WHERE s.holder_entity_id IS NOT NULL
GROUP BY ALL
ORDER BY n DESC, holder
LIMIT $top_n;
