"""Data Docs: the site is built from every suite, shows failures, and the asset links to it."""

import dagster as dg

from pipelines.defs.quality_assets import data_docs
from pipelines.defs.resources import WarehouseResource
from pipelines.quality.docs import build_data_docs
from pipelines.quality.suites import VALIDATED_TABLES
from pipelines.store import db
from tests import quality_batch as qb


def test_site_has_every_table_and_reports_failures_without_quarantining(tmp_path):
    with db.connect(tmp_path / "warehouse.duckdb") as con:
        qb.build_clean_warehouse(con)
        qb.polarity_out_of_enumeration(con)
        built = build_data_docs(con, tmp_path / "data_docs")
        assert qb.one(con, "SELECT count(*) FROM stances_rejects")[0] == 0  # docs only read
    index = tmp_path / "data_docs" / "index.html"
    assert built["index"] == index and index.exists()
    assert set(built["tables"]) == set(VALIDATED_TABLES)
    assert built["tables"]["stances"]["failed"] == ["polarity_in_set"]
    assert all(r["success"] for t, r in built["tables"].items() if t != "stances")
    for table in VALIDATED_TABLES:
        assert (tmp_path / "data_docs" / "expectations" / f"{table}.html").exists()
        assert list((tmp_path / "data_docs" / "validations" / table).rglob("*.html")), table
    assert not (tmp_path / "data_docs.building").exists()


def test_data_docs_asset_links_the_site(tmp_path):
    path = tmp_path / "wh" / "warehouse.duckdb"
    with db.connect(path) as con:
        qb.build_clean_warehouse(con)
    result = dg.materialize([data_docs], resources={"warehouse": WarehouseResource(path=str(path))})
    metadata = result.asset_materializations_for_node("data_docs")[0].metadata
    index = tmp_path / "wh" / "data_docs" / "index.html"
    assert index.exists()
    assert metadata["index"].value == index.resolve().as_uri()
    assert metadata["failing_expectations"].value == {}
