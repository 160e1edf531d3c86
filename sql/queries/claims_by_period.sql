-- Check-worthy claims ordered by the time they are about.
SELECT about_start, about_end, about_source, claimer, modality, round(checkworthy, 2) AS checkworthy, text
FROM claims
WHERE checkworthy >= 0.5
ORDER BY about_start NULLS LAST, checkworthy DESC
LIMIT 50;
