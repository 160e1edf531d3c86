"""Pure extraction: quotes, speakers, time expressions, claims, stances. No Dagster, no DuckDB."""
