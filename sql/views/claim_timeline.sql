-- claim_timeline: claims of current article versions, ordered by the time they are about
-- (about_start, then about_end), with the article they come from and their claimer.
-- A claim with no "about" interval falls back to the day it was stated (its article's
-- publication); claims with neither come last. `about_days` is the length of the interval,
-- so "in 2010" (365 days) can be told from "on Tuesday" (1 day).
CREATE OR REPLACE VIEW claim_timeline AS
SELECT
    coalesce(c.about_start, CAST(coalesce(c.stated_at, a.published_at) AS DATE)) AS timeline_date,
    c.about_start,
    c.about_end,
    c.about_source,
    CASE WHEN c.about_start IS NOT NULL AND c.about_end IS NOT NULL
         THEN date_diff('day', c.about_start, c.about_end) + 1 END AS about_days,
    c.timex_text,
    coalesce(c.stated_at, a.published_at) AS stated_at,
    coalesce(e.canonical_name, c.claimer) AS claimer,
    c.claimer_entity_id,
    c.claimer_source,
    c.modality,
    c.checkworthy,
    c.text AS claim_text,
    c.entities,
    c.numbers,
    c.claim_id,
    c.article_id,
    c.article_version,
    c.start_offset,
    c.end_offset,
    a.title AS article_title,
    a.canonical_url AS article_url,
    a.publisher AS article_publisher,
    a.author AS article_author,
    a.published_at AS article_published_at
FROM claims c
LEFT JOIN articles a ON a.article_id = c.article_id AND a.version = c.article_version
LEFT JOIN entities e ON e.entity_id = c.claimer_entity_id
WHERE coalesce(a.is_current, TRUE)
ORDER BY timeline_date NULLS LAST, c.about_end NULLS LAST, c.article_id, c.start_offset;
