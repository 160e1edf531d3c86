#!/usr/bin/env python3
"""End-to-end benchmark on Reuters-21578 (../shared/data/corpus): the full pipeline against the
bare spaCy parse of the same texts with the same model and processes, measured in the same run
(before and after the pipeline; the faster of the two is the limit).

Stages: ingest (read + articles), extract (parse + every extractor, in worker processes),
write (DuckDB, Arrow/pandas bulk inserts), checks (GX suites), queries (timeline views).
Also: incremental cost of 100 new articles on the full warehouse vs on an empty one, and the
run's peak memory (all its processes summed, sampled from /proc).

  .venv/bin/python scripts/bench_pipeline.py [--limit N] [--processes 2]
"""

import argparse
import gzip
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
CORPUS = REPO.parent / "shared" / "data" / "corpus" / "reuters21578.jsonl.gz"


def peak_rss_mb() -> float:
    """The largest resident set any one process (this one or a worker) ever had."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                kids = [int(k) for k in task.read_text().split()]
            except (OSError, ValueError):
                continue
            out.extend(kids)
            todo.extend(kids)
    return out


def _rollup_kb(pid: int, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


class MemorySampler:
    """Peak of the summed proportional set size (PSS) of this process and all its workers,
    sampled every `interval` s: forked workers share the model's pages, so summing their RSS
    would count those pages once per worker."""

    def __init__(self, interval: float = 0.5, pid: int | None = None):
        import threading

        self.interval, self.peak_kb, self.pid = interval, 0, pid  # pid: whose tree (default: this process)
        self.main_rss_kb = self.worker_rss_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        me = self.pid or os.getpid()
        while not self._stop.is_set():
            workers = _descendants(me)
            self.peak_kb = max(self.peak_kb, sum(_rollup_kb(pid, "Pss") for pid in [me, *workers]))
            self.main_rss_kb = max(self.main_rss_kb, _rollup_kb(me, "Rss"))
            self.worker_rss_kb = max([self.worker_rss_kb, *(_rollup_kb(pid, "Rss") for pid in workers)])
            self._stop.wait(self.interval)

    def __enter__(self):
        if Path("/proc/self/smaps_rollup").exists():
            self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    @property
    def peak_mb(self) -> float | None:
        return round(self.peak_kb / 1024, 1) if self.peak_kb else None

    def figures(self) -> dict:
        """Peaks during the sampled run only (the bare parse and the incremental runs excluded)."""
        return {"peak_pss_all_processes_mb": self.peak_mb,
                "peak_rss_pipeline_main_mb": round(self.main_rss_kb / 1024, 1) if self.main_rss_kb else None,
                "peak_rss_pipeline_worker_mb": round(self.worker_rss_kb / 1024, 1) if self.worker_rss_kb else None}


def load_records(limit: int | None) -> list[dict]:
    records = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        for line in handle:
            records.append(json.loads(line))
            if limit and len(records) >= limit:
                break
    return records


def write_jsonl(path: Path, records: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record) + "\n")


def article_texts(records: list[dict]) -> list[str]:
    """The texts the pipeline hands to spaCy: each record as the JSONL reader makes it an
    article (title, blank line, body), so that the bare parse does the same work."""
    from pipelines.ingest.files import read_input

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "records.jsonl"
        write_jsonl(path, records)
        return [article.text for article in read_input(path, tmp, max_bytes=path.stat().st_size).articles if article.text]


def bare_parse_seconds(texts: list[str], processes: int, model: str | None) -> float:
    """spaCy's own parse of the texts: the model as spacy.load gives it, not the project's
    load_model (whose indexed attribute ruler makes the project's parse faster than spaCy's)."""
    import spacy

    from pipelines.config import Settings

    nlp = spacy.load(model or Settings.from_env().spacy_model)
    started = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=64, n_process=processes):
        pass
    return time.perf_counter() - started


class StageClock:
    def __init__(self):
        self.seconds: dict[str, float] = {}

    def add(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds


def prepare_inbox(workdir: Path, files: dict[str, list[dict]]) -> list[str]:
    """Write the inbox files (not timed: a user's inbox already holds them)."""
    raw = workdir / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    for name, records in files.items():
        if not (raw / name).exists():
            write_jsonl(raw / name, records)
    return list(files)


def run_pipeline_once(workdir: Path, files: list[str], processes: int, clock: StageClock,
                      validate: bool = True) -> dict:
    """Ingest + extract + write (+ checks) the given inbox files of workdir/raw into workdir's warehouse."""
    from pipelines.steps import extract as extract_step
    from pipelines.steps import ingest as ingest_step
    from pipelines.config import Settings
    from pipelines.extraction_settings import extractor_options
    from pipelines.nlp.extract import Extractor
    from pipelines.store import db
    from pipelines.store import extractions as extraction_store

    raw = workdir / "raw"
    settings = Settings(raw_dir=raw, warehouse_path=workdir / "warehouse.duckdb", reports_dir=workdir / "reports",
                        sources_file=workdir / "none.yaml", aliases_file=REPO / "entity_aliases.yaml",
                        spacy_model=Settings.from_env().spacy_model)
    original_write = extraction_store.write_extractions

    def timed_write(con, frames):
        started = time.perf_counter()
        try:
            return original_write(con, frames)
        finally:
            clock.add("write", time.perf_counter() - started)

    extraction_store.write_extractions = timed_write
    try:
        with db.connect(settings.warehouse_path) as con:
            db.apply_sql(con)
            started = time.perf_counter()
            processed = [name for name in files
                         if ingest_step.ingest_input(con, settings, name, max_bytes=500_000_000).status == "ingested"]
            clock.add("ingest", time.perf_counter() - started)
            extractor = Extractor(n_process=processes, batch_size=64, **extractor_options(settings=settings))
            started = time.perf_counter()
            totals = extract_step.extract_inputs(con, extractor, list(files), batch_articles=1000)
            clock.add("extract", time.perf_counter() - started - clock.seconds.get("write", 0.0))
            if validate:
                started = time.perf_counter()
                validated = validate_inputs(con, processed)  # as a run checks only its own partitions
                clock.add("checks", time.perf_counter() - started)
                totals["checks"] = validated
    finally:
        extraction_store.write_extractions = original_write
    return totals


def validate_inputs(con, input_keys: list[str]):
    try:
        from pipelines.quality.validate import validate_inputs as run_checks
    except ImportError:
        return "quality module not available"
    return run_checks(con, input_keys)


def timeline_query_ms(db_path: Path, as_python_rows: bool = False) -> dict:
    """Best of 5 for the whole view, all rows fetched as an Arrow table (the query's own cost);
    with as_python_rows, fetched as Python tuples instead (adds ~1 us per value of conversion)."""
    import duckdb

    con = duckdb.connect(str(db_path), read_only=True)
    out = {}
    for view in ("stance_timeline", "quotation_timeline"):
        try:
            con.execute(f"SELECT count(*) FROM {view}").fetchall()  # warm
            best = float("inf")
            for _ in range(5):
                started = time.perf_counter()
                if as_python_rows:
                    con.execute(f"SELECT * FROM {view}").fetchall()
                else:
                    con.sql(f"SELECT * FROM {view}").to_arrow_table()
                best = min(best, time.perf_counter() - started)
            out[view] = round(best * 1000, 2)
        except duckdb.Error as exc:
            out[view] = f"error: {exc}"
    con.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=None, help="articles (default: all 19,043)")
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--skip-incremental", action="store_true")
    parser.add_argument("--keep", default=None, help="copy the full-run warehouse here (e.g. to query stance_changes)")
    args = parser.parse_args()
    if not CORPUS.exists():
        print("../shared/data/corpus/reuters21578.jsonl.gz not present: end-to-end benchmark skipped.")
        return 0
    from bench_report import update_bench

    records = load_records(args.limit)
    base, extra = records[:-100], records[-100:]
    texts = article_texts(base)
    print(f"{len(base)} articles for the full run, {len(extra)} held back for the incremental test", flush=True)

    # The bare parse runs before and after the pipeline and the faster one is the limit: on a
    # shared machine either can be disturbed, and the faster parse gives the stricter ratio.
    parse_runs = [bare_parse_seconds(texts, args.processes, None)]
    print(f"bare nlp.pipe ({args.processes} processes), before: {parse_runs[0]:.1f}s, "
          f"{len(texts) / parse_runs[0]:.1f} articles/s", flush=True)

    work = Path(tempfile.mkdtemp(prefix="claims-bench-"))
    try:
        clock = StageClock()
        started = time.perf_counter()
        with MemorySampler() as memory:
            totals = run_pipeline_once(work / "full", prepare_inbox(work / "full", {"reuters.jsonl": base}),
                                       args.processes, clock)
        total_s = time.perf_counter() - started
        parse_runs.append(bare_parse_seconds(texts, args.processes, None))
        print(f"bare nlp.pipe ({args.processes} processes), after: {parse_runs[1]:.1f}s, "
              f"{len(texts) / parse_runs[1]:.1f} articles/s", flush=True)
        parse_s = min(parse_runs)
        queries = timeline_query_ms(work / "full" / "warehouse.duckdb")
        queries_rows = timeline_query_ms(work / "full" / "warehouse.duckdb", as_python_rows=True)
        pipeline_rate = len(base) / total_s
        parse_rate = len(texts) / parse_s

        rows = [("stage", "seconds", "articles/s", "share")]
        for stage, seconds in clock.seconds.items():
            rows.append((stage, f"{seconds:.1f}", f"{len(base) / seconds:.0f}" if seconds else "-",
                         f"{100 * seconds / total_s:.0f}%"))
        rows.append(("total", f"{total_s:.1f}", f"{pipeline_rate:.1f}", "100%"))
        rows.append(("bare parse", f"{parse_s:.1f}", f"{parse_rate:.1f}", "-"))
        for row in rows:
            print(f"{row[0]:<12}{row[1]:>10}{row[2]:>12}{row[3]:>8}")
        print(f"rows: { {k: v for k, v in totals.items() if k != 'notes'} }")
        print(f"timeline queries, whole view as Arrow (ms, best of 5): {queries}")
        print(f"  the same fetched as Python tuples: {queries_rows}")

        figures = {
            "pipeline_articles_per_s": round(pipeline_rate, 2),
            "parse_articles_per_s": round(parse_rate, 2),
            "parse_seconds_before_and_after": [round(v, 1) for v in parse_runs],
            "pipeline_vs_parse_ratio": round(pipeline_rate / parse_rate, 3),
            "pipeline_stage_seconds": {k: round(v, 2) for k, v in clock.seconds.items()},
            "timeline_query_ms": max(v for v in queries.values() if isinstance(v, float)) if any(
                isinstance(v, float) for v in queries.values()) else None,
            "timeline_query_ms_by_view": queries,
            "timeline_query_ms_python_rows": queries_rows,
            "pipeline_articles": len(base),
        }
        if not args.skip_incremental:
            # 100 new articles into a copy of the full warehouse vs into an empty one; two rounds,
            # alternating, best of each (runs in one process are disturbed by what ran before).
            seconds = {"full": [], "empty": []}
            for round_no in range(2):
                for kind in ("empty", "full"):
                    target = work / f"incremental-{kind}-{round_no}"
                    inbox = {"new100.jsonl": extra}
                    if kind == "full":
                        (target / "raw").mkdir(parents=True)
                        shutil.copy(work / "full" / "warehouse.duckdb", target / "warehouse.duckdb")
                        shutil.copy(work / "full" / "raw" / "reuters.jsonl", target / "raw" / "reuters.jsonl")
                        inbox = {"reuters.jsonl": base, **inbox}
                    files = prepare_inbox(target, inbox)
                    stage_clock = StageClock()
                    started = time.perf_counter()
                    run_pipeline_once(target, files, args.processes, stage_clock)
                    seconds[kind].append(time.perf_counter() - started)
                    print(f"  100 new articles, {kind} warehouse, round {round_no + 1}: {seconds[kind][-1]:.2f}s ("
                          + ", ".join(f"{k} {v:.2f}s" for k, v in stage_clock.seconds.items()) + ")", flush=True)
                    shutil.rmtree(target, ignore_errors=True)
            on_full, on_empty = min(seconds["full"]), min(seconds["empty"])
            print(f"100 new articles: {on_full:.1f}s on the full warehouse, {on_empty:.1f}s on an empty one")
            figures["incremental_seconds_full"] = round(on_full, 2)
            figures["incremental_seconds_empty"] = round(on_empty, 2)
            figures["incremental_ratio"] = round(on_full / on_empty, 3)
        # peak_rss_mb: the whole run's memory, all its processes summed (PSS, so that pages the
        # forked workers share with the main process count once)
        figures.update(memory.figures())
        figures["peak_rss_mb"] = figures["peak_pss_all_processes_mb"]
        # the bench process's lifetime peak, bare parse and incremental runs included
        figures["peak_rss_bench_lifetime_mb"] = round(peak_rss_mb(), 1)
        print(json.dumps(figures, indent=2))
        update_bench(figures)
        if args.keep:
            Path(args.keep).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(work / "full" / "warehouse.duckdb", args.keep)
            print(f"warehouse kept at {args.keep}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
