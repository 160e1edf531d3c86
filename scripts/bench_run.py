#!/usr/bin/env python3
"""What a user runs, timed: `claims run` (Dagster, its checks and all) on Reuters-21578 as one JSONL
file and as one JSON file per article, against the bare spaCy parse of the same texts; then an inbox
of 100,000 tiny files that is already in the warehouse: discovery and planning, the sensor's
evaluation, and a no-op `claims run`; and the Dagster UI's `articles` asset page, asked through the
GraphQL endpoint of a webserver on the many-files instance.

Each layout gets its own inbox, warehouse and Dagster instance (DAGSTER_HOME is the repo, its
storage in the benchmark's temp folder). The inboxes are written before the clock starts: a user's
inbox already holds them.

  .venv/bin/python scripts/bench_run.py [--limit N] [--tiny 100000] [--skip-ui]
"""

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))
BIN = Path(sys.executable).parent

from bench_pipeline import CORPUS, MemorySampler, article_texts, bare_parse_seconds, load_records, write_jsonl  # noqa: E402

TABLES = ("articles", "quotations", "claims", "stances", "time_expressions", "quarantine")
FILES_PER_FOLDER = 1000  # the tiny inbox: 100 folders of 1,000 files, as a crawler shards its output


def layout_env(work: Path) -> dict[str, str]:
    """The environment of one isolated installation under `work` (as the tests' isolated_env)."""
    state = work / "dagster_home"
    state.mkdir(parents=True, exist_ok=True)
    return {**os.environ, "CLAIMS_RAW_DIR": str(work / "raw"), "CLAIMS_WAREHOUSE": str(work / "warehouse.duckdb"),
            "CLAIMS_REPORTS_DIR": str(work / "reports"), "CLAIMS_SOURCES": str(work / "no-sources.yaml"),
            "DAGSTER_HOME": str(REPO), "CLAIMS_DAGSTER_STATE": str(state),
            "CLAIMS_DAGSTER_LOGS": str(state / "logs"), "DAGSTER_DISABLE_TELEMETRY": "1"}


def write_inbox(work: Path, layout: str, records: list[dict]) -> int:
    """One JSONL file, or one JSON file per article in one folder (a crawler's output). Returns files."""
    raw = work / "raw"
    if layout == "jsonl":
        raw.mkdir(parents=True, exist_ok=True)
        write_jsonl(raw / "reuters.jsonl", records)
        return 1
    folder = raw / "reuters"
    folder.mkdir(parents=True, exist_ok=True)
    for i, record in enumerate(records):
        (folder / f"{i:05d}.json").write_text(json.dumps(record), encoding="utf-8")
    return len(records)


def claims_run(env: dict[str, str], *extra: str) -> tuple[float, int, str, MemorySampler]:
    """Seconds, exit code, output tail and peak memory (PSS summed over the run's process tree:
    claims run, Dagster's step process, the extraction workers; not this script)."""
    with tempfile.TemporaryFile("w+") as output:
        started = time.perf_counter()
        run = subprocess.Popen([str(BIN / "claims"), "run", "--no-remote", *extra], env=env, cwd=REPO,
                               stdout=output, stderr=subprocess.STDOUT, text=True)
        with MemorySampler(pid=run.pid) as memory:
            code = run.wait()
        seconds = time.perf_counter() - started
        output.seek(0)
        return seconds, code, output.read()[-2000:], memory


def row_counts(warehouse: Path) -> dict[str, int]:
    import duckdb

    with duckdb.connect(str(warehouse), read_only=True) as con:
        return {table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}


def time_layout(work: Path, layout: str, records: list[dict]) -> dict:
    files = write_inbox(work, layout, records)
    env = layout_env(work)
    seconds, code, tail, memory = claims_run(env)
    peak_mb = memory.peak_mb
    if code != 0:
        raise SystemExit(f"claims run on the {layout} inbox failed ({code}):\n{tail}")
    figures = {"files": files, "seconds": round(seconds, 1), "articles_per_s": round(len(records) / seconds, 2),
               "peak_pss_run_processes_mb": peak_mb, "rows": row_counts(work / "warehouse.duckdb"),
               "peak_rss_largest_process_mb": {k.removeprefix("peak_rss_pipeline_"): v for k, v in memory.figures().items()
                                               if k.startswith("peak_rss")}}
    print(f"  {layout}: {files} file(s), {seconds:.1f}s, {figures['articles_per_s']} articles/s, "
          f"peak {peak_mb} MB (largest process RSS {figures['peak_rss_largest_process_mb']}), rows {figures['rows']}",
          flush=True)
    return figures


def write_tiny_inbox(raw: Path, count: int) -> None:
    for i in range(count):
        folder = raw / f"shard{i // FILES_PER_FOLDER:03d}"
        if i % FILES_PER_FOLDER == 0:
            folder.mkdir(parents=True, exist_ok=True)
        (folder / f"note{i:06d}.txt").write_text(f"Note {i}\n\nThe council met on day {i}.\n", encoding="utf-8")


TINY_LOAD = """
from pipelines.config import Settings
from pipelines.extraction_settings import extractor_options
from pipelines.nlp.extract import Extractor
from pipelines.steps import extract, ingest, planning
from pipelines.store import db
settings = Settings.from_env()
keys = planning.plan(settings, include_remote=False).due
with db.connect(settings.warehouse_path) as con:
    db.apply_sql(con)
    ingest.ingest_inputs(con, settings, keys)
    extractor = Extractor(n_process={processes}, batch_size=256, **extractor_options(settings=settings))
    extract.extract_inputs(con, extractor, keys, batch_articles=5000)
"""


def load_tiny_warehouse(env: dict[str, str], processes: int) -> float:
    """Bring the tiny inbox into the warehouse with the pipeline's own steps (ingest, extract), as
    `claims run` would, without 100 Dagster partitions' worth of checks: what is timed afterwards
    is the no-op, not this."""
    code = TINY_LOAD.format(processes=processes)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], env=env, cwd=REPO, check=True)
    return time.perf_counter() - started


def time_in_subprocess(env: dict[str, str], code: str) -> dict:
    """Run `code` (which prints one JSON object) in a fresh interpreter with env; return its object."""
    done = subprocess.run([sys.executable, "-c", code], env=env, cwd=REPO, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(done.stderr[-2000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


PLAN_TIMING = """
import json, time
from pipelines.config import Settings
from pipelines.steps import planning
started = time.perf_counter()
plan = planning.plan(Settings.from_env(), include_remote=False)
print(json.dumps({"seconds": time.perf_counter() - started, "due": len(plan.due)}))
"""

# The sensor as the daemon evaluates it: its function with the definitions' resources, on the instance.
SENSOR_TIMING = """
import json, time
import dagster as dg
from pipelines.definitions import defs
definitions = defs() if callable(defs) else defs
sensor = definitions.get_sensor_def("raw_inbox_sensor")
with dg.DagsterInstance.get() as instance:
    resources = definitions.get_repository_def().get_top_level_resources()
    with dg.build_sensor_context(instance=instance, resources=resources) as context:
        started = time.perf_counter()
        result = sensor(context)
        seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "result": type(result).__name__,
                  "skip": getattr(result, "skip_message", None)}))
"""


def time_tiny_inbox(work: Path, count: int, processes: int) -> dict:
    env = layout_env(work)
    started = time.perf_counter()
    write_tiny_inbox(work / "raw", count)
    print(f"  wrote {count} tiny files in {time.perf_counter() - started:.1f}s", flush=True)
    load_s = load_tiny_warehouse(env, processes)
    print(f"  ingested and extracted them (untimed setup) in {load_s:.1f}s", flush=True)
    plans = [time_in_subprocess(env, PLAN_TIMING) for _ in range(2)]
    sensor = time_in_subprocess(env, SENSOR_TIMING)
    noop_s, code, tail, _peak = claims_run(env)
    if code != 0:
        raise SystemExit(f"claims run on the tiny inbox failed ({code}):\n{tail}")
    figures = {"files": count, "plan_seconds": round(min(p["seconds"] for p in plans), 2),
               "plan_due": plans[-1]["due"], "sensor_seconds": round(sensor["seconds"], 2),
               "sensor_result": sensor["skip"] or sensor["result"], "noop_claims_run_seconds": round(noop_s, 1)}
    print(f"  discover + plan: {figures['plan_seconds']}s ({figures['plan_due']} due); sensor evaluation "
          f"{figures['sensor_seconds']}s ({figures['sensor_result']}); no-op claims run {noop_s:.1f}s", flush=True)
    return figures


ASSET_PAGE_QUERY = """
query AssetPage($assetKey: AssetKeyInput!) {
  assetNodeOrError(assetKey: $assetKey) {
    __typename
    ... on AssetNode {
      id description groupName opName isPartitioned
      partitionKeysByDimension { name partitionKeys }
      partitionStats { numMaterialized numPartitions numFailed numMaterializing }
      assetPartitionStatuses {
        __typename
        ... on DefaultPartitionStatuses { materializedPartitions failedPartitions unmaterializedPartitions }
      }
      assetMaterializations(limit: 25) { runId partition timestamp metadataEntries { label description } }
      assetChecksOrError { __typename ... on AssetChecks { checks { name description } } }
      dependencyKeys { path } dependedByKeys { path }
    }
  }
}
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def graphql(port: int, query: str, variables: dict) -> dict:
    body = json.dumps({"query": query, "variables": variables}).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", data=body,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.loads(response.read())


def time_asset_page(work: Path) -> dict:
    """The `articles` asset page's data, through the GraphQL endpoint (first answer and best of 5)."""
    port = _free_port()
    server = subprocess.Popen([str(BIN / "dagster-webserver"), "-w", str(REPO / "workspace.yaml"), "-h", "127.0.0.1",
                               "-p", str(port)], env=layout_env(work), cwd=REPO,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 180
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/server_info", timeout=5)
                break
            except OSError:
                if time.time() > deadline or server.poll() is not None:
                    raise SystemExit("the Dagster webserver did not start")
                time.sleep(1)
        variables = {"assetKey": {"path": ["articles"]}}
        seconds = []
        for _ in range(6):
            started = time.perf_counter()
            answer = graphql(port, ASSET_PAGE_QUERY, variables)
            seconds.append(time.perf_counter() - started)
            if answer.get("errors") or answer["data"]["assetNodeOrError"]["__typename"] != "AssetNode":
                raise SystemExit(f"the asset page query failed: {json.dumps(answer)[:2000]}")
        node = answer["data"]["assetNodeOrError"]
        figures = {"first_seconds": round(seconds[0], 3), "best_seconds": round(min(seconds[1:]), 3),
                   "partitions": node["partitionStats"]["numPartitions"],
                   "materializations_listed": len(node["assetMaterializations"])}
        print(f"  articles asset page (GraphQL): first {figures['first_seconds']}s, then "
              f"{figures['best_seconds']}s; {figures['partitions']} partition(s)", flush=True)
        return figures
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=None, help="Reuters articles (default: all 19,043)")
    parser.add_argument("--tiny", type=int, default=100_000, help="tiny files for the no-op planning test (0: skip)")
    parser.add_argument("--processes", type=int, default=2, help="as the extractor resource (min(2, cores))")
    parser.add_argument("--skip-ui", action="store_true")
    parser.add_argument("--layouts", default="jsonl,files", help="which inboxes to time (comma-separated)")
    parser.add_argument("--keep", default=None, help="keep the work folder here")
    args = parser.parse_args()
    if not CORPUS.exists():
        print("../shared/data/corpus/reuters21578.jsonl.gz not present: the claims run benchmark is skipped.")
        return 0
    from bench_report import update_bench

    records = load_records(args.limit)
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="claims-bench-run-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        texts = article_texts(records)
        parse_s = bare_parse_seconds(texts, args.processes, None)
        parse_rate = len(texts) / parse_s
        print(f"{len(records)} articles; bare nlp.pipe ({args.processes} processes): {parse_s:.1f}s, "
              f"{parse_rate:.1f} articles/s", flush=True)
        layouts = {layout: time_layout(work / layout, layout, records) for layout in args.layouts.split(",")}
        figures = {
            "claims_run_articles": len(records),
            "claims_run_parse_articles_per_s": round(parse_rate, 2),
            "claims_run_by_layout": layouts,
            "claims_run_vs_parse_ratio": {layout: round(f["articles_per_s"] / parse_rate, 3)
                                          for layout, f in layouts.items()},
        }
        if {"jsonl", "files"} <= set(layouts):
            ratio = layouts["files"]["seconds"] / layouts["jsonl"]["seconds"]
            same = layouts["files"]["rows"] == layouts["jsonl"]["rows"]
            print(f"files / one JSONL: {ratio:.2f}x; identical rows: {same}")
            figures.update(claims_run_files_vs_jsonl_time_ratio=round(ratio, 3), claims_run_identical_rows=same)
        if not args.skip_ui and "files" in layouts:
            figures["ui_articles_asset_page"] = time_asset_page(work / "files")
        if args.tiny:
            shutil.rmtree(work / "jsonl", ignore_errors=True)
            figures["tiny_inbox"] = time_tiny_inbox(work / "tiny", args.tiny, args.processes)
        print(f"figures written to {update_bench(figures)}")
        return 0
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
