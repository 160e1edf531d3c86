"""`claims query`: read-only SQL against the warehouse, printed as a table."""

import duckdb

READ_ONLY_TYPES = {"SELECT", "EXPLAIN", "PRAGMA"}


class WriteRefused(ValueError):
    pass


def check_read_only(sql: str) -> None:
    """Refuse anything but SELECT-like statements before touching the file."""
    statements = duckdb.extract_statements(sql)
    if not statements:
        raise WriteRefused("no SQL statement given")
    for statement in statements:
        kind = statement.type.name
        if kind not in READ_ONLY_TYPES:
            raise WriteRefused(f"refused: {kind} statements write or change the warehouse; `claims query` is read-only")


def run_query(con, sql: str, limit: int = 50):
    check_read_only(sql)
    return con.execute(sql).df().head(limit) if limit else con.execute(sql).df()
