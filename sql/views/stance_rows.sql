-- stance_rows: the stance table as a reader wants it, one row per stance of a current article
-- version: who (the resolved holder), toward whom or what (the resolved target), favor or
-- against, the sentence, and the words at the offsets ("he", "Moscow") beside the names they
-- resolve to ("Donald Trump", "Russia"). A holder or target without an entity shows its text.
CREATE OR REPLACE VIEW stance_rows AS
SELECT
    s.stance_id,
    s.article_id,
    coalesce(h.canonical_name, s.holder_text) AS holder,
    coalesce(t.canonical_name, s.target_issue, s.target_text) AS target,
    s.polarity,
    s.score,
    s.evidence_text,
    s.holder_text AS holder_mention,
    s.target_text AS target_mention,
    s.source_kind,
    coalesce(s.stated_at, a.published_at) AS seen_at,
    a.title,
    a.canonical_url,
    s.evidence_start,
    s.evidence_end,
    s.extractor_version
FROM stances s
JOIN articles a ON a.article_id = s.article_id AND a.version = s.article_version AND a.is_current
LEFT JOIN entities h ON h.entity_id = s.holder_entity_id
LEFT JOIN entities t ON t.entity_id = s.target_entity_id;
