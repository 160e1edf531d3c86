"""The Great Expectations Data Docs site as an asset: every suite on the whole warehouse."""

import dagster as dg

from pipelines.defs.assets import DUCKDB_POOL
from pipelines.defs.resources import WarehouseResource


@dg.asset(
    deps=["articles", "entities", "quotations", "time_expressions", "claims", "stances"],
    group_name="quality",
    pool=DUCKDB_POOL,
    kinds={"great_expectations", "html"},
    automation_condition=dg.AutomationCondition.eager(),
    description="Great Expectations Data Docs for every table (all current rows; read-only, nothing is "
                "quarantined), under warehouse/data_docs/. Same as `make docs`.",
)
def data_docs(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    from pathlib import Path

    from pipelines.quality.docs import build_data_docs

    out_dir = Path(warehouse.path).resolve().parent / "data_docs"
    with warehouse.connect(read_only=True) as con:
        built = build_data_docs(con, out_dir)
    index = built["index"].resolve()
    failing = {table: r["failed"] for table, r in built["tables"].items() if not r["success"]}
    context.log.info(f"Data Docs at {index}; failing expectations: {failing or 'none'}")
    return dg.MaterializeResult(metadata={
        "index": dg.MetadataValue.url(index.as_uri()),
        "path": dg.MetadataValue.path(str(index)),
        "rows_validated": dg.MetadataValue.json({t: r["rows"] for t, r in built["tables"].items()}),
        "failing_expectations": dg.MetadataValue.json(failing),
        "critical_failures": dg.MetadataValue.json(
            {t: r["critical_failed"] for t, r in built["tables"].items() if r["critical_failed"]}),
        "seconds": dg.MetadataValue.json({t: r["seconds"] for t, r in built["tables"].items()}),
    })


quality_assets = [data_docs]
