"""`claims query`: read-only SQL against the warehouse, printed as a table.

Two layers, so that a gap in one is closed by the other:
- an allow-list of statement kinds (SELECT and WITH ... SELECT, FROM-first, VALUES, DESCRIBE, SHOW,
  SUMMARIZE, and EXPLAIN without ANALYZE, which would run what it explains);
- a connection that cannot reach anything but the warehouse: opened read-only, no file or URL
  access (no read_csv('/etc/passwd'), no COPY ... TO, no extension downloads), configuration
  locked so a statement cannot undo that, and a statement timeout.
"""

import threading
from contextlib import contextmanager
from pathlib import Path

import duckdb

from pipelines.store import db

DEFAULT_TIMEOUT_SECONDS = 60.0
# DuckDB parses DESCRIBE, SHOW, SUMMARIZE, FROM-first and VALUES queries as SELECT statements.
ALLOWED_TYPES = {"SELECT", "EXPLAIN"}
LOCKED_DOWN = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "lock_configuration": True,
}


class WriteRefused(ValueError):
    pass


class QueryTimeout(RuntimeError):
    pass


def _word_starts(sql: str) -> list[int]:
    """Where each token starts, comments skipped (so `EXPLAIN /* */ ANALYZE` is seen as such)."""
    return [start for start, kind in duckdb.tokenize(sql) if kind != duckdb.token_type.comment]


def _check_explain(sql: str) -> None:
    starts = _word_starts(sql)
    inner = sql[starts[1]:] if len(starts) > 1 else ""
    if inner[:7].upper() in {"ANALYZE", "ANALYSE"}:
        raise WriteRefused("refused: EXPLAIN ANALYZE runs the statement it explains; use EXPLAIN alone")
    check_read_only(inner)


def check_read_only(sql: str) -> None:
    """Refuse anything but the allowed read statements, before the warehouse is opened."""
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as exc:
        raise WriteRefused(f"the SQL does not parse: {str(exc).splitlines()[0]}") from None
    if not statements:
        raise WriteRefused("no SQL statement given")
    for statement in statements:
        kind = statement.type.name
        if kind not in ALLOWED_TYPES:
            raise WriteRefused(f"refused: {kind} statements are not allowed; `claims query` runs only SELECT, "
                               "WITH ... SELECT, DESCRIBE, SHOW, SUMMARIZE and EXPLAIN")
        if kind == "EXPLAIN":
            _check_explain(statement.query)


@contextmanager
def read_only_connection(path: Path | str):
    """The warehouse, read-only and sealed off from the file system and the network."""
    con = db.open_connection(path, read_only=True, extra_config=LOCKED_DOWN)
    try:
        yield con
    finally:
        con.close()


def run_query(con, sql: str, limit: int = 50, timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS):
    """The result as a DataFrame (first `limit` rows; 0 = all). A statement still running after
    `timeout_seconds` is interrupted and raises QueryTimeout."""
    check_read_only(sql)
    timed_out = threading.Event()

    def interrupt():
        timed_out.set()
        con.interrupt()

    timer = threading.Timer(timeout_seconds, interrupt)
    timer.daemon = True
    timer.start()
    try:
        relation = con.execute(sql)
        frame = relation.df()
    except duckdb.InterruptException:
        if timed_out.is_set():
            raise QueryTimeout(f"the query ran longer than {timeout_seconds:g} s and was stopped "
                               "(set a larger --timeout, or add a LIMIT or a WHERE)") from None
        raise
    finally:
        timer.cancel()
    return frame.head(limit) if limit else frame
