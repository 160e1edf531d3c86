"""Compare warehouses by content: every table's rows, sorted, without audit timestamps."""

import duckdb

AUDIT_COLUMNS = {"first_seen", "last_seen", "last_ingested", "extracted_at", "quarantined_at"}


def snapshot(db_path, tables) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        out = {}
        for table in tables:
            columns = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall() if r[0] not in AUDIT_COLUMNS]
            out[table] = con.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY ALL").fetchall()
        return out
    finally:
        con.close()
