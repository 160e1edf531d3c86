-- Current articles of the inputs $keys (NULL: of every input) that this extractor version has not
-- processed yet; with $force, all of them. Read page by page: the next $page_size after the
-- article id $after (NULL: from the start), so a large run is never held in memory whole.
SELECT a.article_id, a.version, a.input_key, a.text, a.title, a.author, a.publisher, a.published_at,
       a.published_precision
FROM articles a
LEFT JOIN article_extractions x
       ON x.article_id = a.article_id AND x.article_version = a.version
      AND x.extractor_version = $extractor_version
WHERE a.is_current
  AND ($keys IS NULL OR a.input_key IN (SELECT unnest($keys)))
  AND ($force OR x.article_id IS NULL)
  AND ($after IS NULL OR a.article_id > $after)
ORDER BY a.article_id
LIMIT $page_size;
