-- Who is quoted most, with how many articles and the span of dates they were quoted in.
SELECT coalesce(e.canonical_name, q.speaker_text, '(unattributed)') AS speaker,
       count(*) AS quotations,
       count(DISTINCT q.article_id) AS articles,
       min(q.stated_at) AS first_quoted,
       max(q.stated_at) AS last_quoted
FROM quotations q
LEFT JOIN entities e ON e.entity_id = q.speaker_entity_id
GROUP BY ALL
ORDER BY quotations DESC
LIMIT 20;
