-- The first ten current articles of a run's inputs ($keys): the asset page's preview.
SELECT article_id, version, title, published_at, published_source, char_length
FROM articles
WHERE is_current AND input_key IN (SELECT unnest($keys))
ORDER BY article_id
LIMIT 10;
