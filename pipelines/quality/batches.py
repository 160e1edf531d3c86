"""Read a validation batch from DuckDB: the rows of the checked partitions, with the boolean
columns the suites expect true computed in SQL (sql/queries/quality/<table>.sql)."""

from collections.abc import Sequence

from pipelines.quality.suites import BatchStats
from pipelines.store.db import read_sql


def _keys_param(partition_keys: Sequence[str] | None) -> dict:
    return {"keys": None if partition_keys is None else list(partition_keys)}


def batch_stats(con, partition_keys: Sequence[str] | None) -> BatchStats:
    """Articles in the batch (None: the whole warehouse)."""
    row = con.execute(read_sql("queries/quality/batch_stats.sql"), _keys_param(partition_keys)).fetchone()
    return BatchStats(n_articles=int(row[0]), n_extracted=int(row[1]), n_reported=int(row[2]))


def load_batch(con, table: str, partition_keys: Sequence[str] | None):
    """The table's rows for the checked partitions as a pandas frame, `_rowid` first."""
    return con.execute(read_sql(f"queries/quality/{table}.sql"), _keys_param(partition_keys)).df()
