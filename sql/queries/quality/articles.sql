-- Validation batch for `articles`: the current articles of the checked inputs ($keys; all
-- when NULL), newest version first so a duplicate current row of an older version is the one
-- rejected. Boolean columns are computed here and expected true by the suite.
SELECT
    a.rowid AS _rowid,
    a.article_id, a.version, a.input_key, a.title, a.published_at, a.published_source,
    a.char_length, length(a.text) AS text_length,
    a.char_length = length(a.text) AS char_length_matches_text,
    length(trim(a.text)) > 0 AS text_not_blank,
    CASE WHEN a.published_at IS NULL THEN NULL
         ELSE year(a.published_at) >= 1800 AND a.published_at <= a.last_seen + INTERVAL 1 DAY
    END AS published_at_plausible,
    a.first_seen <= a.last_seen AS seen_interval_ordered
FROM articles a
WHERE a.is_current AND ($keys IS NULL OR a.input_key IN (SELECT unnest($keys)))
ORDER BY a.article_id, a.version DESC
