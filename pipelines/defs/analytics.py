"""Unpartitioned assets over the whole warehouse: the timeline views and the holder reports."""

import dagster as dg

from pipelines.defs.assets import DUCKDB_POOL
from pipelines.defs.resources import WarehouseResource
from pipelines.store import db


@dg.asset(
    deps=["quotations", "time_expressions", "claims", "stances", "entities"],
    group_name="analytics",
    pool=DUCKDB_POOL,
    kinds={"duckdb", "sql"},
    automation_condition=dg.AutomationCondition.eager() & dg.AutomationCondition.all_deps_blocking_checks_passed(),
    description="Views in sql/views/ (quotation_timeline, claim_timeline, stance_timeline, stance_changes, "
                "speaker_activity), recreated from SQL and counted.",
)
def timeline_views(warehouse: WarehouseResource) -> dg.MaterializeResult:
    with warehouse.connect() as con:
        db.apply_sql(con)
        counts = {path.stem: con.execute(f"SELECT count(*) FROM {path.stem}").fetchone()[0]
                  for path in db.sql_files("views")}
    return dg.MaterializeResult(metadata={f"rows_{name}": n for name, n in counts.items()})


@dg.asset(
    deps=["timeline_views"],
    group_name="analytics",
    pool=DUCKDB_POOL,
    kinds={"html", "matplotlib"},
    automation_condition=dg.AutomationCondition.eager() & dg.AutomationCondition.all_deps_blocking_checks_passed(),
    description="Stance timeline pages (PNG + self-contained HTML) for the most active holders, "
                "under warehouse/reports/holders/.",
)
def holder_reports(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    from pipelines.reports import build_holder_reports

    with warehouse.connect(read_only=False) as con:
        pages = build_holder_reports(con, top_n=10)
    metadata = {"n_pages": len(pages)}
    for holder, path in pages.items():
        metadata[f"report: {holder}"[:60]] = dg.MetadataValue.url(path.resolve().as_uri())
    if pages:
        index = next(iter(pages.values())).parent / "index.html"
        if index.exists():
            metadata["index"] = dg.MetadataValue.path(str(index))
    context.log.info(f"built {len(pages)} holder report page(s)")
    return dg.MaterializeResult(metadata=metadata)
