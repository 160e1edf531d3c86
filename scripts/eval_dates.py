#!/usr/bin/env python3
"""Publication dates of web pages against htmldate's evaluation set (issue 16).

    .venv/bin/python scripts/eval_dates.py [--limit N] [--baseline] [--errors N]

Reads ../shared/data/dates/htmldate_eval_default.jsonl.gz (745 pages with gold dates), runs the
HTML reader on each page (the date a page's article gets, or the date its quarantine row keeps
when the text is rejected) and prints day accuracy (a missing date is wrong), precision (right
among pages given a date), coverage, the share by published_source, and the reader's speed.
--baseline also scores plain htmldate.find_date(html, url=..., extensive_search=True,
original_date=True). Skips with a message when ../shared is absent.
"""

import argparse
import gzip
import json
import sys
import time
from itertools import islice
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DEV = REPO.parent / "shared" / "data" / "dates" / "htmldate_eval_default.jsonl.gz"


def load(limit: int) -> list[dict]:
    with gzip.open(DEV, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in islice(handle, limit or None)]


def score(pairs: list[tuple[str, str | None]]) -> dict:
    given = [(gold, found) for gold, found in pairs if found]
    right = sum(found[:10] == gold for gold, found in given)
    n = len(pairs)
    return {"pages": n, "accuracy": round(right / n, 3) if n else 0.0,
            "precision": round(right / len(given), 3) if given else 0.0,
            "coverage": round(len(given) / n, 3) if n else 0.0}


def reader_date(page: dict) -> tuple[str | None, str]:
    from pipelines.ingest.html_reader import read_html

    result = read_html(page["html"], f"dates/{page['doc_id']}", url=page.get("url"))
    if result.articles:
        article = result.articles[0]
        return (article.published_at.isoformat() if article.published_at else None), article.published_source
    for rejection in result.rejections:
        if getattr(rejection, "published", None):
            return rejection.published, rejection.published_source or "unknown"
    return None, "unknown"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--baseline", action="store_true", help="also score plain htmldate.find_date")
    parser.add_argument("--errors", type=int, default=0, help="print N wrong or missing pages")
    parser.add_argument("--json", action="store_true", help="one JSON line")
    args = parser.parse_args()
    if not DEV.exists():
        print(f"{DEV} not present: nothing to evaluate (the dev set lives outside the repo).")
        return 0
    pages = load(args.limit)
    started = time.perf_counter()
    found = [reader_date(page) for page in pages]
    seconds = time.perf_counter() - started
    figures = {"reader": score([(p["gold_date"], d) for p, (d, _s) in zip(pages, found)]),
               "reader_pages_per_second": round(len(pages) / seconds, 1),
               "by_source": {}}
    for source in sorted({s for _d, s in found}):
        chosen = [(p["gold_date"], d) for p, (d, s) in zip(pages, found) if s == source]
        figures["by_source"][source] = {"pages": len(chosen), **{k: v for k, v in score(chosen).items()
                                                                 if k == "precision"}}
    if args.baseline:
        from htmldate import find_date

        started = time.perf_counter()
        plain = [find_date(p["html"], url=p.get("url"), extensive_search=True, original_date=True) for p in pages]
        figures["htmldate_find_date"] = score([(p["gold_date"], d) for p, d in zip(pages, plain)])
        figures["htmldate_pages_per_second"] = round(len(pages) / (time.perf_counter() - started), 1)
    if args.errors:
        shown = 0
        for page, (date, source) in zip(pages, found):
            if (date or "")[:10] != page["gold_date"] and shown < args.errors:
                print(f"{page['doc_id']}: gold {page['gold_date']} got {date} ({source}) {page.get('url')}",
                      file=sys.stderr)
                shown += 1
    print(json.dumps(figures) if args.json else json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
