-- The current articles of a run's inputs ($keys), for the articles asset's metadata.
SELECT count(*) FROM articles WHERE is_current AND input_key IN (SELECT unnest($keys));
