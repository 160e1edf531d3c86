-- Merge a batch of entities (staged as entity_batch) into entities: first name wins,
-- aliases accumulate, last_seen advances.
INSERT INTO entities
SELECT entity_id, name_key, canonical_name, type, aliases, first_seen, last_seen FROM entity_batch
ON CONFLICT (entity_id) DO UPDATE SET
    aliases = list_sort(list_distinct(list_concat(entities.aliases, excluded.aliases))),
    last_seen = greatest(entities.last_seen, excluded.last_seen);
