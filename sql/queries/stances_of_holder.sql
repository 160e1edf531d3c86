-- Where does a holder stand on each target, with the evidence.
SELECT coalesce(t.canonical_name, s.target_text) AS target, s.polarity, round(s.score, 2) AS score,
       s.method, s.evidence_text
FROM stances s
LEFT JOIN entities h ON h.entity_id = s.holder_entity_id
LEFT JOIN entities t ON t.entity_id = s.target_entity_id
WHERE h.canonical_name = 'Vladimir Putin'
ORDER BY s.stated_at, s.evidence_start;
