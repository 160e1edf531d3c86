-- Merge a batch of entities (staged as entity_batch) into entities: first name wins,
-- aliases accumulate, last_seen advances. Three statements rather than INSERT .. ON CONFLICT:
-- rewriting the aliases list of every re-seen entity cost ~0.5 ms a row (seconds per batch on
-- a large warehouse), so the list is rewritten only when the batch brings a new alias.
UPDATE entities SET last_seen = b.last_seen
FROM entity_batch b
WHERE entities.entity_id = b.entity_id AND b.last_seen > entities.last_seen;

UPDATE entities SET aliases = list_sort(list_distinct(list_concat(entities.aliases, b.aliases)))
FROM entity_batch b
WHERE entities.entity_id = b.entity_id AND NOT list_has_all(entities.aliases, b.aliases);

INSERT INTO entities
SELECT entity_id, name_key, canonical_name, type, list_sort(list_distinct(aliases)), first_seen, last_seen
FROM entity_batch b
WHERE NOT EXISTS (SELECT 1 FROM entities e WHERE e.entity_id = b.entity_id);
