"""Pure extraction: entities, quotes, time expressions, claims, stances. No Dagster, no DuckDB.

One package per capability (entities, quotes, time, claims, stance), each with its models and
lexicons; the modules here are the document layer they share, and extract.py runs them all on
one parse."""
