-- Inputs with current articles that the given extractor version has not processed
-- (an interrupted run, or an extractor version bump).
SELECT DISTINCT a.input_key
FROM articles a
LEFT JOIN article_extractions x
       ON x.article_id = a.article_id AND x.article_version = a.version
      AND x.extractor_version = $extractor_version
WHERE a.is_current AND x.article_id IS NULL;
