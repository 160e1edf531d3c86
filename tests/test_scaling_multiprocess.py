"""The local part of docs/scaling.md: the same assets under Dagster's multiprocess executor."""

import dagster as dg
import duckdb
import pytest

from pipelines.defs.partitions import source_partitions
from tests import scaling_target
from tests.synthetic import write_corpus

pytestmark = pytest.mark.integration  # the slow tier: `make test-fast` leaves it out


def test_multiprocess_executor_runs_ingest_and_extraction(isolated_env):
    (isolated_env / "raw" / "a").mkdir()
    (isolated_env / "raw" / "b").mkdir()
    write_corpus(isolated_env / "raw" / "a" / "news.jsonl", 20)  # partitions are folders: raw/a/, raw/b/
    write_corpus(isolated_env / "raw" / "b" / "news.jsonl", 20, start=500)
    # As in dagster.yaml: the duckdb_write pool admits one step at a time across processes.
    overrides = {"concurrency": {"pools": {"default_limit": 1}}}
    with dg.instance_for_test(temp_dir=str(isolated_env / "dagster_home"), overrides=overrides) as instance:
        instance.add_dynamic_partitions(source_partitions.name, ["raw/a/", "raw/b/"])
        result = dg.execute_job(
            dg.reconstructable(scaling_target.multiprocess_job), instance=instance,
            tags={"dagster/asset_partition_range_start": "raw/a/", "dagster/asset_partition_range_end": "raw/b/"},
        )
        assert result.success
    con = duckdb.connect(str(isolated_env / "warehouse" / "warehouse.duckdb"), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 40
        assert con.execute("SELECT count(*) FROM article_extractions").fetchone()[0] == 40
    finally:
        con.close()
