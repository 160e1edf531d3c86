"""`claims run` through Dagster: inputs map to one partition per folder of raw/, so a run over
many files costs one materialization per asset and folder; `--only` re-processes named inputs."""

import dagster as dg
import pytest

pytestmark = pytest.mark.integration


def _write(raw, name, body):
    path = raw / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"Title {name}\n\n{body}\n")


def _materializations(instance, asset: str):
    records = instance.fetch_materializations(dg.AssetKey(asset), limit=1000).records
    return [r.asset_materialization for r in records]


def test_a_run_materializes_each_folder_once_and_only_reprocesses_named_inputs(isolated_env):
    from pipelines.cli.run_driver import UnknownInputs, run_pipeline

    raw = isolated_env / "raw"
    _write(raw, "a.txt", "The mayor said on Monday that the council would approve the budget.")
    for name in ("b", "c", "d", "e"):
        _write(raw, f"news/{name}.txt", f"The governor said plan {name} was unfair to farmers.")
    (raw / "news" / "broken.json").write_text("{not json")
    summary = run_pipeline(include_remote=False)
    assert summary.success and len(summary.due) == 6
    with dg.DagsterInstance.get() as instance:
        articles = _materializations(instance, "articles")
        assert sorted(m.partition for m in articles) == ["raw/", "raw/news/"]  # not one per file
        assert instance.get_dynamic_partitions("sources") == ["raw/", "raw/news/"]
    assert run_pipeline(include_remote=False).due == []
    import duckdb

    with duckdb.connect(str(isolated_env / "warehouse" / "warehouse.duckdb"), read_only=True) as con:
        assert con.execute("SELECT input_key FROM quarantine").fetchall() == [("news/broken.json",)]
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 5

    summary = run_pipeline(include_remote=False, only=[str(raw / "news" / "c.txt")])
    assert summary.success and summary.due == ["news/c.txt"]
    with dg.DagsterInstance.get() as instance:
        latest = instance.get_latest_materialization_event(dg.AssetKey("articles"))
        metadata = latest.asset_materialization.metadata
        assert latest.asset_materialization.partition == "raw/news/"
        assert (metadata["inputs"].value, metadata["ingested"].value) == (1, 1)  # forced, the one file
    with pytest.raises(UnknownInputs):
        run_pipeline(include_remote=False, only=["news/nope.txt"])
