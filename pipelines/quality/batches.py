"""Read a validation batch from DuckDB: the rows of the checked inputs, with the boolean
columns the suites expect true computed in SQL (sql/queries/quality/<table>.sql)."""

from collections.abc import Sequence

from pipelines.quality.suites import BatchStats
from pipelines.store.db import read_sql


def _keys_param(input_keys: Sequence[str] | None) -> dict:
    return {"keys": None if input_keys is None else list(input_keys)}


def batch_stats(con, input_keys: Sequence[str] | None) -> BatchStats:
    """Articles in the batch (None: the whole warehouse)."""
    row = con.execute(read_sql("queries/quality/batch_stats.sql"), _keys_param(input_keys)).fetchone()
    return BatchStats(n_articles=int(row[0]), n_extracted=int(row[1]), n_reported=int(row[2]))


# Tables whose batch query reads one chunk of articles ($lo..$hi, quality_chunk_articles).
CHUNKED_TABLES = frozenset({"quotations", "time_expressions", "claims", "stances"})


def load_batch(con, table: str, input_keys: Sequence[str] | None, chunk: tuple | None = None):
    """The table's rows for the checked inputs (one chunk of their articles: (lo, hi) article
    ids, for CHUNKED_TABLES) as a pandas frame, `_rowid` first."""
    params = _keys_param(input_keys)
    if table in CHUNKED_TABLES:
        params["lo"], params["hi"] = chunk or (None, None)
    return con.execute(read_sql(f"queries/quality/{table}.sql"), params).df()


def article_chunks(con, input_keys: Sequence[str] | None, size: int) -> list[tuple[str, str] | None]:
    """(first, last) article id of each run of `size` batch articles; [None] when one chunk will do."""
    ids = [row[0] for row in con.execute("SELECT article_id FROM quality_batch_articles($keys) ORDER BY 1",
                                         _keys_param(input_keys)).fetchall()]
    if len(ids) <= size:
        return [None]
    return [(ids[i], ids[min(i + size, len(ids)) - 1]) for i in range(0, len(ids), size)]
