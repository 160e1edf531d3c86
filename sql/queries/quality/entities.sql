-- Validation batch for `entities`: every entity mentioned in the checked inputs' articles
-- ($keys; all entities when NULL). Entities are shared across articles, so the batch is the
-- entities an input touches.
WITH batch_entities AS (
    SELECT DISTINCT m.entity_id FROM entity_mentions m
      JOIN articles a ON a.article_id = m.article_id AND a.version = m.article_version AND a.is_current
     WHERE $keys IS NOT NULL AND a.input_key IN (SELECT unnest($keys))
)
SELECT
    e.rowid AS _rowid,
    e.entity_id, e.name_key, e.canonical_name, e.type, e.first_seen, e.last_seen,
    length(trim(e.canonical_name)) > 0 AS canonical_name_not_blank,
    e.first_seen <= e.last_seen AS seen_interval_ordered,
    EXISTS (SELECT 1 FROM entity_mentions m WHERE m.entity_id = e.entity_id) AS has_mentions
FROM entities e
WHERE $keys IS NULL OR e.entity_id IN (SELECT entity_id FROM batch_entities)
ORDER BY e.entity_id
