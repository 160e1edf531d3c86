"""A warehouse made before inputs and Dagster partitions were told apart (its tables keyed by a
`partition_key` column) opens with the current code: the columns are renamed, rows kept."""

import duckdb

from pipelines.store import db


def test_legacy_partition_key_columns_become_input_key(tmp_path):
    path = tmp_path / "old.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE raw_inputs (partition_key VARCHAR PRIMARY KEY, location VARCHAR)")
        con.execute("INSERT INTO raw_inputs VALUES ('news/a.html', '/inbox/news/a.html')")
    with db.connect(path) as con:
        applied = db.apply_sql(con)
        assert "migrations/legacy_input_key_columns.sql: raw_inputs" in applied
        assert con.execute("SELECT input_key, location FROM raw_inputs").fetchall() == [
            ("news/a.html", "/inbox/news/a.html")]
        assert not [a for a in db.apply_sql(con) if a.startswith("migrations/")]  # once only
