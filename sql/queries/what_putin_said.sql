-- Every quotation attributed to one speaker, with the article and its exact characters.
SELECT a.title, q.kind, q.content_text, q.cue, q.speaker_text, q.content_start, q.content_end
FROM quotations q
JOIN entities e ON e.entity_id = q.speaker_entity_id
JOIN articles a ON a.article_id = q.article_id AND a.is_current
WHERE e.canonical_name = 'Vladimir Putin'
ORDER BY a.published_at, q.content_start;
