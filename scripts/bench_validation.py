#!/usr/bin/env python3
"""Validation cost on the current warehouse: every table's suite, per table and in total, plus
the one-off Great Expectations import, the code location's load time and the Data Docs build.

Read-only (nothing is quarantined). By default every current row is one batch, which is what a
`claims run` over a range of partitions validates; --per-input validates each input
separately (the cost of one run per input) and sums.

  .venv/bin/python scripts/bench_validation.py [--warehouse PATH] [--per-input] [--run-seconds S]

Figures go to warehouse/reports/bench.json: validation_seconds_total, validation_seconds_<table>,
validation_rows_<table>, gx_import_seconds, code_location_load_seconds, data_docs_seconds, and
validation_share_of_run when the run's wall time is known (--run-seconds, or the "checks" share of
pipeline_stage_seconds written by scripts/bench_pipeline.py).
"""

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

LOAD_PROBE = ("import time; t = time.perf_counter(); import pipelines.definitions as m; m.defs(); "
              "print(time.perf_counter() - t)")
GX_PROBE = "import time; t = time.perf_counter(); import great_expectations; print(time.perf_counter() - t)"


def subprocess_seconds(code: str, repeats: int) -> float:
    """Median wall time a fresh interpreter reports for `code` (imports are not cached across runs)."""
    times = []
    for _ in range(repeats):
        out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(times)


def main() -> int:
    from pipelines.config import Settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warehouse", default=str(Settings.from_env().warehouse_path))
    parser.add_argument("--per-input", action="store_true")
    parser.add_argument("--run-seconds", type=float, default=None, help="wall time of the run being judged")
    parser.add_argument("--repeats", type=int, default=3, help="subprocess timings (median)")
    parser.add_argument("--no-write", action="store_true", help="print only; leave bench.json alone")
    args = parser.parse_args()

    from pipelines.quality import gx_adapter
    from pipelines.quality.docs import build_data_docs
    from pipelines.quality.suites import VALIDATED_TABLES
    from pipelines.quality.validate import validate_table
    from bench_report import reports_dir, update_bench
    from pipelines.store import db

    figures = {"code_location_load_seconds": round(subprocess_seconds(LOAD_PROBE, args.repeats), 3),
               "gx_import_seconds": round(subprocess_seconds(GX_PROBE, args.repeats), 3)}
    print(f"code location load: {figures['code_location_load_seconds']:.2f}s (median of {args.repeats}); "
          f"GX import: {figures['gx_import_seconds']:.2f}s")

    warehouse = Path(args.warehouse)
    if not warehouse.exists():
        print(f"{warehouse} does not exist: run the pipeline first; only load times measured.")
        if not args.no_write:
            update_bench(figures)
        return 0

    gx_adapter.context()  # import and context creation happen once per process; measured above
    with db.connect(warehouse, read_only=True) as con:
        n_articles = con.execute("SELECT count(*) FROM articles WHERE is_current").fetchone()[0]
        batches = ([[k] for (k,) in con.execute(
            "SELECT DISTINCT input_key FROM articles WHERE is_current ORDER BY 1").fetchall()]
            if args.per_input else [None])
        total, failures = 0.0, {}
        for table in VALIDATED_TABLES:
            seconds, rows = 0.0, 0
            for keys in batches:
                validation = validate_table(con, table, keys, quarantine=False)
                seconds += validation.seconds
                rows += validation.n_rows
                for outcome in validation.outcomes:
                    if not outcome.success:
                        failures.setdefault(table, {}).setdefault(outcome.rule.name, 0)
                        failures[table][outcome.rule.name] += outcome.unexpected_count or 1
            total += seconds
            figures[f"validation_seconds_{table}"] = round(seconds, 3)
            figures[f"validation_rows_{table}"] = rows
            print(f"{table:18} {rows:>9} rows {seconds:>8.2f}s  "
                  f"{', '.join(f'{k}={v}' for k, v in failures.get(table, {}).items()) or 'all expectations met'}")
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            build_data_docs(con, Path(tmp) / "data_docs")
            figures["data_docs_seconds"] = round(time.perf_counter() - started, 3)

    figures["validation_seconds_total"] = round(total, 3)
    figures["validation_batches"] = len(batches)
    figures["validation_articles"] = n_articles
    figures["validation_failed_expectations"] = failures
    print(f"total {total:.2f}s over {n_articles} current articles in {len(batches)} batch(es); "
          f"+{figures['gx_import_seconds']:.1f}s GX import per run process; "
          f"Data Docs {figures['data_docs_seconds']:.1f}s")

    run_seconds = args.run_seconds
    if run_seconds is None:
        bench = reports_dir() / "bench.json"
        stages = json.loads(bench.read_text()).get("pipeline_stage_seconds") if bench.exists() else None
        if stages and stages.get("checks") is not None:
            figures["validation_share_of_run"] = round(stages["checks"] / sum(stages.values()), 4)
            print(f"checks stage of scripts/bench_pipeline.py: {figures['validation_share_of_run']:.1%} of its run")
    else:
        share = (total + figures["gx_import_seconds"]) / run_seconds
        figures["validation_share_of_run"] = round(share, 4)
        print(f"validation + GX import = {share:.1%} of a {run_seconds:.0f}s run")
    if not args.no_write:
        print(f"-> {update_bench(figures)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
