-- Latest stored version and every stored content hash of the articles in article_batch.
SELECT a.article_id,
       max(a.version) AS max_version,
       list(a.content_hash) AS hashes,
       max(CASE WHEN a.is_current THEN a.content_hash END) AS current_hash
FROM articles a
JOIN article_batch b USING (article_id)
GROUP BY a.article_id;
