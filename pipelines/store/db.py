"""DuckDB connections and idempotent application of sql/."""

import os
import time
from contextlib import contextmanager
from pathlib import Path

import duckdb

from pipelines.config import SQL_DIR

# Another process (a concurrent run, the UI's query) may hold the file lock for a moment.
LOCK_RETRY_SECONDS = 30.0
# DuckDB keeps what it reads cached up to its memory limit (default: 80% of RAM); a bounded
# cache keeps a long run, and the extraction workers forked from it, small. Larger work spills.
MEMORY_LIMIT_ENV = "CLAIMS_DUCKDB_MEMORY_LIMIT"
# 512MB: a 4,000-article claims run peaked at 1,427 MB in all processes, 256MB gave 1,414 at the
# same speed; the 19k-file run peaks at 1.44-1.46 GB over all processes (scripts/bench_run.py). Larger work spills.
DEFAULT_MEMORY_LIMIT = "512MB"


def sql_files(kind: str) -> list[Path]:
    """sql/<kind>/*.sql in name order (schema files are numbered for dependency order)."""
    return sorted((SQL_DIR / kind).glob("*.sql"))


def read_sql(relative: str) -> str:
    return (SQL_DIR / relative).read_text(encoding="utf-8")


def open_connection(path: Path | str, read_only: bool = False, retry_seconds: float = LOCK_RETRY_SECONDS,
                    extra_config: dict | None = None):
    path = Path(path)
    config = {"memory_limit": os.environ.get(MEMORY_LIMIT_ENV) or DEFAULT_MEMORY_LIMIT, **(extra_config or {})}
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + retry_seconds
    delay = 0.1
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only, config=config)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 2.0)


@contextmanager
def connect(path: Path | str, read_only: bool = False, retry_seconds: float = LOCK_RETRY_SECONDS):
    con = open_connection(path, read_only=read_only, retry_seconds=retry_seconds)
    try:
        yield con
    finally:
        con.close()


@contextmanager
def transaction(con):
    """BEGIN ... COMMIT; on any error roll back if DuckDB has not already, and re-raise the
    original error (a failed commit, e.g. on a full disk, leaves no transaction to roll back)."""
    con.begin()
    try:
        yield con
        con.commit()
    except BaseException:
        try:
            con.rollback()
        except duckdb.Error:
            pass
        raise


def apply_sql(con) -> list[str]:
    """Apply every schema file, then every view, idempotently. Returns the files applied."""
    applied = _migrate(con)
    for kind in ("schema", "views"):
        for path in sql_files(kind):
            con.execute(path.read_text(encoding="utf-8"))
            applied.append(f"{kind}/{path.name}")
    return applied


def needs_migration(con) -> bool:
    """Whether the warehouse was made by an earlier version (apply_sql migrates it)."""
    return bool(con.execute(read_sql("migrations/legacy_input_key_columns.sql")).fetchall())


def _migrate(con) -> list[str]:
    """Bring a warehouse made by an earlier version to the current column names (before the
    schema files, whose views and macros use them)."""
    legacy = [row[0] for row in con.execute(read_sql("migrations/legacy_input_key_columns.sql")).fetchall()]
    for table in legacy:  # names from the catalog, not from input
        con.execute(f'ALTER TABLE "{table}" RENAME COLUMN partition_key TO input_key')
    return [f"migrations/legacy_input_key_columns.sql: {table}" for table in legacy]


def table_counts(con, tables: list[str]) -> dict[str, int]:
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
