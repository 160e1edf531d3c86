-- Every holder name with its number of stance rows, for "did you mean ..." suggestions.
SELECT coalesce(h.canonical_name, s.holder_text) AS holder, count(*) AS n
FROM stances s
LEFT JOIN entities h ON h.entity_id = s.holder_entity_id
WHERE coalesce(h.canonical_name, s.holder_text) IS NOT NULL
GROUP BY ALL
ORDER BY n DESC;
