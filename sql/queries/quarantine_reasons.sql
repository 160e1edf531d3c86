-- Why inputs were refused, and which.
SELECT reason, count(*) AS inputs, list(DISTINCT source ORDER BY source)[1:5] AS examples
FROM quarantine
GROUP BY reason
ORDER BY inputs DESC;
