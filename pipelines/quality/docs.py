"""Build the GX Data Docs site for the whole warehouse into warehouse/data_docs/.

Every suite runs on every current row (read-only: nothing is quarantined here), in a fresh
ephemeral context whose only site is a local directory. The site is built next to the target
and swapped in, so a failed build leaves the previous site in place.

    .venv/bin/python -m pipelines.quality.docs [--warehouse PATH] [--out DIR]
"""

import argparse
import shutil
import time
from pathlib import Path

from pipelines.config import Settings
from pipelines.quality import gx_adapter
from pipelines.quality.batches import batch_stats, load_batch
from pipelines.quality.rules import CRITICAL
from pipelines.quality.suites import SUITES, VALIDATED_TABLES
from pipelines.store import db

SITE_NAME = "warehouse"


def default_docs_dir() -> Path:
    return Settings.from_env().warehouse_path.parent / "data_docs"


def build_data_docs(con, out_dir: Path | str | None = None, tables=VALIDATED_TABLES) -> dict:
    """Validate each table and render the site. Returns the index path and per-table results."""
    gx = gx_adapter.gx()
    out_dir = Path(out_dir) if out_dir else default_docs_dir()
    building = out_dir.with_name(out_dir.name + ".building")
    shutil.rmtree(building, ignore_errors=True)
    previous = gx_adapter._context
    ctx = gx_adapter.new_context()
    try:
        ctx.add_data_docs_site(site_name=SITE_NAME, site_config={
            "class_name": "SiteBuilder",
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(building)},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        })
        stats = batch_stats(con, None)
        results = {}
        for table in tables:
            started = time.perf_counter()
            frame = load_batch(con, table, None)
            rules = SUITES[table].rules(stats)
            suite = ctx.suites.add(gx_adapter.build_suite(table, rules))
            definition = ctx.validation_definitions.add(gx.ValidationDefinition(
                name=f"{table} (whole warehouse)", data=gx_adapter.batch_definition(table, ctx), suite=suite))
            result = definition.run(batch_parameters={"dataframe": frame}, result_format="SUMMARY")
            failed = [r.expectation_config.meta.get("rule") for r in result.results if not r.success]
            critical = {rule.name for rule in rules if rule.severity == CRITICAL}
            results[table] = {"rows": len(frame), "success": bool(result.success), "failed": failed,
                              "critical_failed": [name for name in failed if name in critical],
                              "seconds": round(time.perf_counter() - started, 3)}
        ctx.build_data_docs(site_names=[SITE_NAME])
    finally:
        if previous is not None:
            gx_adapter.activate(previous)
    shutil.rmtree(out_dir, ignore_errors=True)
    building.rename(out_dir)
    return {"index": out_dir / "index.html", "tables": results}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warehouse", default=str(Settings.from_env().warehouse_path))
    parser.add_argument("--out", default=None, help="site directory (default: warehouse/data_docs)")
    args = parser.parse_args(argv)
    if not Path(args.warehouse).exists():
        print(f"{args.warehouse} does not exist yet: run the pipeline (`make run`) first.")
        return 1
    with db.connect(args.warehouse, read_only=True) as con:
        built = build_data_docs(con, args.out)
    for table, result in built["tables"].items():
        warned = [name for name in result["failed"] if name not in result["critical_failed"]]
        status = ("FAILED " + ", ".join(result["critical_failed"]) + "; " if result["critical_failed"] else "ok; ")
        status += ("warnings: " + ", ".join(warned)) if warned else "no warnings"
        print(f"{table:18} {result['rows']:>8} rows  {result['seconds']:>6.2f}s  {status}")
    print(f"Data Docs: {built['index']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
