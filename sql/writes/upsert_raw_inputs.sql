-- Record what was ingested from inbox files and remote sources (one row per input), for a
-- batch registered as raw_input_batch; $now is the ingest time.
INSERT INTO raw_inputs
    (input_key, location, content_hash, size_bytes, n_articles, n_rejected, etag, last_modified, first_seen, last_ingested)
SELECT input_key, location, content_hash, size_bytes, n_articles, n_rejected, etag, last_modified, $now, $now
FROM raw_input_batch
ON CONFLICT (input_key) DO UPDATE SET
    location = excluded.location,
    content_hash = excluded.content_hash,
    size_bytes = excluded.size_bytes,
    n_articles = excluded.n_articles,
    n_rejected = excluded.n_rejected,
    etag = excluded.etag,
    last_modified = excluded.last_modified,
    last_ingested = excluded.last_ingested;
