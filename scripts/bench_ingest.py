#!/usr/bin/env python3
"""Ingest-only benchmark: JSONL and HTML throughput, peak memory, body-text F1.

    .venv/bin/python scripts/bench_ingest.py [--pages N] [--articles N]

* JSONL: ../shared/data/corpus/reuters21578.jsonl.gz (19,043 articles) through
  pipelines.ingest.files.read_bytes (gunzip + JSON + cleaning) -> articles/s.
* HTML: the 181 pages of ../shared/data/html/pages through the HTML reader, one core,
  one page at a time -> pages/s (decompression of the .gz is done before the clock starts).
* Body F1: the extracted bodies (article text without the title line) scored by
  ../shared/data/html/score_body.py against its ground truth.
* Peak RSS of this process (resource.getrusage).

Rates are per CPU-second of this single-threaded process (time.process_time), i.e. what one
core achieves even when the machine is shared; the wall-clock rates are printed next to them
(`*_wall`) and equal the CPU rates on an idle machine.

Figures go to warehouse/reports/bench.json (scripts/bench_report.py) under
ingest_jsonl_articles_per_s, ingest_html_pages_per_s, html_body_f1, ingest_peak_rss_mb.
Skips cleanly when ../shared is absent. Standard library + project only.
"""

import argparse
import gzip
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from pipelines.ingest.cleaning import body_of  # noqa: E402
from pipelines.ingest.files import read_bytes  # noqa: E402
from bench_report import update_bench  # noqa: E402

SHARED = REPO_ROOT.parent / "shared"
CORPUS = SHARED / "data" / "corpus" / "reuters21578.jsonl.gz"
HTML_DIR = SHARED / "data" / "html"
TARGETS = {
    "ingest_jsonl_articles_per_s": (">=", 500),
    "ingest_html_pages_per_s": (">=", 20),
    "html_body_f1": (">=", 0.93),
    "ingest_peak_rss_mb": ("<=", 1024),
}


def peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024, 1)


def bench_jsonl(limit: int | None) -> dict:
    data = CORPUS.read_bytes()
    name = CORPUS.name
    if limit:  # a subset for quick iterations: first N lines, re-compressed outside the clock
        lines = gzip.decompress(data).split(b"\n")[:limit]
        data, name = b"\n".join(lines), "reuters-subset.jsonl"
    start, start_cpu = time.perf_counter(), time.process_time()
    result = read_bytes(data, name, "corpus/" + name)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    return {
        "articles": len(result.articles),
        "rejected": len(result.rejections),
        "jsonl_cpu_seconds": round(cpu, 2),
        "ingest_jsonl_articles_per_s": round(len(result.articles) / cpu, 1),
        "ingest_jsonl_articles_per_s_wall": round(len(result.articles) / elapsed, 1),
    }


def bench_html(limit: int | None) -> dict:
    pages = sorted((HTML_DIR / "pages").glob("*.html.gz"))[:limit]
    documents = [(page.name[: -len(".html.gz")], gzip.decompress(page.read_bytes())) for page in pages]
    bodies, rejected = {}, 0
    start, start_cpu = time.perf_counter(), time.process_time()
    for page_id, html in documents:
        result = read_bytes(html, page_id + ".html", f"html/{page_id}.html")
        if result.articles:
            article = result.articles[0]
            bodies[page_id] = body_of(article.text, article.title)
        else:
            rejected += 1
    elapsed, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    figures = {
        "pages": len(documents),
        "pages_rejected": rejected,
        "html_cpu_seconds": round(cpu, 2),
        "ingest_html_pages_per_s": round(len(documents) / cpu, 1),
        "ingest_html_pages_per_s_wall": round(len(documents) / elapsed, 1),
    }
    if limit is None:
        figures.update(score_bodies(bodies))
    return figures


def score_bodies(bodies: dict[str, str]) -> dict:
    """Run the benchmark's own scorer on the extracted bodies."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as handle:
        json.dump({page_id: {"articleBody": body} for page_id, body in bodies.items()}, handle)
        pred_path = handle.name
    try:
        completed = subprocess.run(
            [sys.executable, str(HTML_DIR / "score_body.py"), str(HTML_DIR / "ground-truth.json"), pred_path],
            capture_output=True, text=True, check=False,
        )
    finally:
        Path(pred_path).unlink(missing_ok=True)
    if completed.returncode != 0 and not completed.stdout.strip():
        raise RuntimeError(f"score_body.py failed: {completed.stderr.strip()}")
    scores = json.loads(completed.stdout)
    return {
        "html_body_f1": scores["F1"],
        "html_body_precision": scores["precision"],
        "html_body_recall": scores["recall"],
        "html_body_accuracy": scores["accuracy"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=None, help="only the first N pages (no F1, nothing written)")
    parser.add_argument("--articles", type=int, default=None, help="only the first N JSONL articles (nothing written)")
    args = parser.parse_args()
    if not CORPUS.exists() and not (HTML_DIR / "pages").is_dir():
        print("bench_ingest: ../shared/data not present, skipping (evaluation data lives outside the repo)")
        return 0
    figures: dict = {}
    if CORPUS.exists():
        figures.update(bench_jsonl(args.articles))
    else:
        print(f"bench_ingest: {CORPUS} not present, JSONL throughput skipped")
    if (HTML_DIR / "pages").is_dir():
        figures.update(bench_html(args.pages))
    else:
        print(f"bench_ingest: {HTML_DIR / 'pages'} not present, HTML throughput and F1 skipped")
    figures["ingest_peak_rss_mb"] = peak_rss_mb()

    print(f"{'figure':34} {'value':>10}  target")
    for key, value in figures.items():
        target = TARGETS.get(key)
        verdict = ""
        if target:
            op, bound = target
            passed = value >= bound if op == ">=" else value <= bound
            verdict = f"{op} {bound}  {'ok' if passed else 'MISSED'}"
        print(f"{key:34} {value:>10}  {verdict}")
    if args.pages or args.articles:
        print("(subset run: bench.json not updated)")
        return 0
    written = [*TARGETS, "ingest_jsonl_articles_per_s_wall", "ingest_html_pages_per_s_wall"]
    path = update_bench({key: figures[key] for key in written if key in figures})
    print(f"written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
