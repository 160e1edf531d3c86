-- When each current quarantine row of the inputs in quarantined_inputs was first quarantined.
SELECT quarantine_id, quarantined_at
FROM quarantine
WHERE input_key IN (SELECT input_key FROM quarantined_inputs);
