-- Size of a validation batch: current articles of the checked inputs ($keys; all when NULL),
-- how many of them were extracted (not skipped), and how many articles their raw inputs reported.
SELECT
    (SELECT count(*) FROM articles
      WHERE is_current AND ($keys IS NULL OR input_key IN (SELECT unnest($keys)))) AS n_articles,
    (SELECT count(*) FROM article_extractions x
       JOIN articles a ON a.article_id = x.article_id AND a.version = x.article_version AND a.is_current
      WHERE x.skipped_reason IS NULL
        AND ($keys IS NULL OR x.input_key IN (SELECT unnest($keys)))) AS n_extracted,
    (SELECT coalesce(sum(n_articles), 0) FROM raw_inputs
      WHERE $keys IS NULL OR input_key IN (SELECT unnest($keys))) AS n_reported
