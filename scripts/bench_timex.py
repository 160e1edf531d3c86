"""Speed of the time tagger alone: characters per second on one core, no spaCy parse.

    .venv/bin/python scripts/bench_timex.py [--max-docs N] [--repeat R]

Texts: the TimeBank+AQUAINT dev texts (../shared/eval/timex/tbaq_dev.jsonl) and Reuters-21578
(../shared/data/corpus/reuters21578.jsonl.gz) when present, else a synthetic news-like text.
Writes `timex_chars_per_s` (and the corpus size) to warehouse/reports/bench.json.
"""

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipelines.nlp.time import tag_timexes  # noqa: E402
from bench_report import update_bench  # noqa: E402

SHARED = REPO.parent / "shared"
TBAQ = SHARED / "eval" / "timex" / "tbaq_dev.jsonl"
REUTERS = SHARED / "data" / "corpus" / "reuters21578.jsonl.gz"


def _read_jsonl(path: Path, limit: int):
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if n >= limit:
                break
            row = json.loads(line)
            text = row.get("text") or row.get("body") or ""
            if text:
                yield text, row.get("published") or row.get("date")


def corpus(max_docs: int) -> tuple[list[tuple[str, str | None]], list[str]]:
    docs, sources = [], []
    for path in (TBAQ, REUTERS):
        if path.exists():
            docs.extend(_read_jsonl(path, max_docs))
            sources.append(path.name)
    if not docs:
        sentence = ("The company said on Friday that third-quarter profit rose 12% from a year earlier, "
                    "after 2000 troops left in late September; it expects sales to recover next year. ")
        docs = [(sentence * 40, "2012-03-15")] * 200
        sources.append("synthetic")
    return docs, sources


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-docs", type=int, default=5000, help="per corpus")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes; the fastest counts")
    args = parser.parse_args()
    docs, sources = corpus(args.max_docs)
    chars = sum(len(text) for text, _ in docs)
    tag_timexes(docs[0][0], docs[0][1])  # warm-up: regex compilation, imports
    best = None
    found = 0
    for _ in range(args.repeat):
        started = time.perf_counter()
        found = sum(len(tag_timexes(text, published)) for text, published in docs)
        elapsed = time.perf_counter() - started
        best = elapsed if best is None else min(best, elapsed)
    rate = chars / best
    figures = {"timex_chars_per_s": round(rate), "timex_bench_chars": chars, "timex_bench_docs": len(docs)}
    path = update_bench(figures)
    print(json.dumps({**figures, "timexes": found, "sources": sources, "seconds": round(best, 3),
                      "bench_file": str(path)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
