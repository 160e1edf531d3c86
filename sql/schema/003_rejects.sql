-- Quarantine of validated rows: a row failing a critical row-level expectation is moved from
-- <table> to <table>_rejects (pipelines/quality/rejects.py) with the expectation's name.
-- Same columns as the table, without its constraints (duplicates and nulls must fit), plus
-- the first failed expectation, all failed expectations, and when.

CREATE TABLE IF NOT EXISTS articles_rejects AS
SELECT *, NULL::VARCHAR AS expectation, NULL::VARCHAR[] AS failed_expectations, NULL::TIMESTAMP AS rejected_at
FROM articles WITH NO DATA;

CREATE TABLE IF NOT EXISTS entities_rejects AS
SELECT *, NULL::VARCHAR AS expectation, NULL::VARCHAR[] AS failed_expectations, NULL::TIMESTAMP AS rejected_at
FROM entities WITH NO DATA;

CREATE TABLE IF NOT EXISTS quotations_rejects AS
SELECT *, NULL::VARCHAR AS expectation, NULL::VARCHAR[] AS failed_expectations, NULL::TIMESTAMP AS rejected_at
FROM quotations WITH NO DATA;

CREATE TABLE IF NOT EXISTS time_expressions_rejects AS
SELECT *, NULL::VARCHAR AS expectation, NULL::VARCHAR[] AS failed_expectations, NULL::TIMESTAMP AS rejected_at
FROM time_expressions WITH NO DATA;

CREATE TABLE IF NOT EXISTS claims_rejects AS
SELECT *, NULL::VARCHAR AS expectation, NULL::VARCHAR[] AS failed_expectations, NULL::TIMESTAMP AS rejected_at
FROM claims WITH NO DATA;

CREATE TABLE IF NOT EXISTS stances_rejects AS
SELECT *, NULL::VARCHAR AS expectation, NULL::VARCHAR[] AS failed_expectations, NULL::TIMESTAMP AS rejected_at
FROM stances WITH NO DATA;
