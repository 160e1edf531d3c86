"""The real quality checks in Dagster runs: failed critical checks block downstream assets.

Stand-in assets with the production keys write a known batch (tests/quality_batch.py) instead of
running spaCy, so the faults are exactly the injected ones; the checks are the production
factory's (pipelines.defs.checks.build_table_checks).
"""

import dagster as dg
import pytest

from pipelines.defs.checks import build_table_checks, quality_checks
from pipelines.defs.partitions import source_partitions
from pipelines.defs.resources import WarehouseResource
from pipelines.quality.suites import VALIDATED_TABLES
from pipelines.steps.planning import partition_for
from tests import quality_batch as qb

EXTRACTION_TABLES = ("entities", "quotations", "time_expressions", "claims", "stances")


class Faults(dg.Config):
    in_articles: bool = False
    in_extraction: bool = False


def stand_in_assets():
    @dg.asset(name="articles", partitions_def=source_partitions)
    def articles(config: Faults, warehouse: WarehouseResource) -> dg.MaterializeResult:
        with warehouse.connect() as con:
            qb.build_clean_warehouse(con)
            if config.in_articles:
                qb.second_current_version(con)
        return dg.MaterializeResult()

    @dg.multi_asset(specs=[dg.AssetSpec(t, deps=["articles"]) for t in EXTRACTION_TABLES],
                    partitions_def=source_partitions)
    def extraction(config: Faults, warehouse: WarehouseResource):
        with warehouse.connect() as con:
            if config.in_extraction:
                qb.inject_all_faults(con)
        for table in EXTRACTION_TABLES:
            yield dg.MaterializeResult(asset_key=table)

    @dg.asset(name="timeline_views", deps=list(EXTRACTION_TABLES))
    def timeline_views(warehouse: WarehouseResource) -> dg.MaterializeResult:
        with warehouse.connect() as con:
            con.execute("CREATE TABLE downstream_ran AS SELECT 1 AS ran")
        return dg.MaterializeResult()

    return [articles, extraction, timeline_views]


PARTITION = partition_for(qb.INPUT)  # its folder: the checks validate the inputs in it


def run(tmp_path, faults: Faults):
    instance = dg.DagsterInstance.ephemeral()
    instance.add_dynamic_partitions(source_partitions.name, [PARTITION])
    warehouse = WarehouseResource(path=str(tmp_path / "warehouse.duckdb"))
    config = {"ops": {"articles": {"config": faults.model_dump()}, "extraction": {"config": faults.model_dump()}}}
    result = dg.materialize(
        [*stand_in_assets(), *[build_table_checks(t) for t in VALIDATED_TABLES]],
        partition_key=PARTITION, instance=instance, resources={"warehouse": warehouse},
        run_config=config, raise_on_error=False,
    )
    return result, warehouse


def evaluations(result) -> dict[tuple[str, str], dg.AssetCheckEvaluation]:
    return {(e.asset_key.to_user_string(), e.check_name): e for e in result.get_asset_check_evaluations()}


def materialized(result) -> set[str]:
    return {e.asset_key.to_user_string() for e in result.get_asset_materialization_events()}


def test_clean_batch_passes_every_check_and_downstream_runs(tmp_path):
    result, warehouse = run(tmp_path, Faults())
    assert result.success
    checks = evaluations(result)
    assert len(checks) == sum(len(c.check_specs_by_output_name) for c in quality_checks)
    assert [key for key, e in checks.items() if not e.passed] == []
    assert all(e.partition == PARTITION for e in checks.values())
    assert "timeline_views" in materialized(result)


def test_faulty_extraction_fails_its_checks_blocks_downstream_and_quarantines(tmp_path):
    result, warehouse = run(tmp_path, Faults(in_extraction=True))
    assert not result.success
    failed = {key for key, e in evaluations(result).items() if not e.passed}
    assert failed == {
        ("quotations", "text_matches_article"), ("quotations", "quotation_span_unique"),
        ("time_expressions", "interval_within_horizon"), ("claims", "about_within_horizon"),
        ("stances", "polarity_in_set"),
    }
    failing = evaluations(result)[("stances", "polarity_in_set")]
    assert failing.severity == dg.AssetCheckSeverity.ERROR and failing.blocking
    assert failing.metadata["failing_rows_sample"].value[0]["polarity"] == "supportive"
    assert failing.metadata["rows_moved_to_rejects"].value == 1
    assert "timeline_views" not in materialized(result)
    with warehouse.connect() as con:
        moved = {t: qb.one(con, f"SELECT count(*) FROM {t}_rejects")[0] for t in VALIDATED_TABLES}
        assert qb.one(con, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'downstream_ran'")[0] == 0
    # The dates in 3020 only warn: those rows stay where they are.
    assert moved == {"articles": 0, "entities": 0, "quotations": 2, "time_expressions": 0, "claims": 0,
                     "stances": 1}
    horizon = evaluations(result)[("claims", "about_within_horizon")]
    assert horizon.severity == dg.AssetCheckSeverity.WARN and not horizon.blocking


def test_faulty_articles_block_extraction(tmp_path):
    result, _ = run(tmp_path, Faults(in_articles=True))
    assert not result.success
    failed = {key for key, e in evaluations(result).items() if not e.passed}
    assert failed == {("articles", "one_current_version")}
    assert materialized(result) == {"articles"}


def test_production_checks_cover_every_table_with_blocking_critical_rules():
    by_asset: dict[str, list[dg.AssetCheckSpec]] = {}
    for checks_def in quality_checks:
        for spec in checks_def.check_specs:
            by_asset.setdefault(spec.asset_key.to_user_string(), []).append(spec)
    assert set(by_asset) == set(VALIDATED_TABLES)
    for table, specs in by_asset.items():
        assert any(s.blocking for s in specs), table
        assert all(s.blocking == (s.metadata["severity"] == "critical") for s in specs), table
        assert all(s.partitions_def == source_partitions for s in specs)
    assert all(c.node_def.pool == "duckdb_write" for c in quality_checks)


@pytest.mark.parametrize("downstream", ["timeline_views", "holder_reports"])
def test_production_analytics_assets_are_downstream_of_checked_tables(downstream):
    from pipelines.definitions import defs

    graph = defs().get_repository_def().asset_graph
    ancestors = {k.to_user_string() for k in graph.get(dg.AssetKey(downstream)).parent_keys}
    ancestors |= {k.to_user_string() for p in list(ancestors) for k in graph.get(dg.AssetKey(p)).parent_keys}
    assert set(EXTRACTION_TABLES) <= ancestors
