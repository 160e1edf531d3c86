-- Rows per extraction table for the current articles of a run's inputs ($keys): one scan each.
WITH current_articles AS (
    SELECT article_id FROM articles WHERE is_current AND input_key IN (SELECT unnest($keys))
)
SELECT
    (SELECT count(DISTINCT m.entity_id) FROM entity_mentions m JOIN current_articles USING (article_id)) AS entities,
    (SELECT count(*) FROM quotations t JOIN current_articles USING (article_id)) AS quotations,
    (SELECT count(*) FROM time_expressions t JOIN current_articles USING (article_id)) AS time_expressions,
    (SELECT count(*) FROM claims t JOIN current_articles USING (article_id)) AS claims,
    (SELECT count(*) FROM stances t JOIN current_articles USING (article_id)) AS stances;
