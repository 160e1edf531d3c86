#!/usr/bin/env python3
"""Throughput of the extractor against a bare spaCy parse, same model, same texts, same run.

    .venv/bin/python scripts/bench_extract.py [--input JSONL] [--docs N] [--repeats R]

Reads the PolNeAR dev texts (../shared/eval/quotes/polnear_dev.jsonl) by default. Both
measurements run in one process on one core (n_process=1), alternated R times, and the best
(least disturbed) rate of each is kept, since the machine may be shared. Also times the
entities + quotes stages alone on already parsed documents, as a share of parse time.

Writes into warehouse/reports/bench.json (scripts/bench_report.py):
  extract_chars_per_s, parse_chars_per_s, extract_vs_parse_ratio,
  quotes_entities_chars_per_s, quotes_entities_vs_parse (their time / parse time).
"""

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_INPUT = ROOT.parent / "shared" / "eval" / "quotes" / "polnear_dev.jsonl"


def _load(path: Path, limit: int):
    from pipelines.cli.extract_jsonl import read_doc_inputs

    docs = list(read_doc_inputs(str(path)))
    return docs[:limit] if limit else docs


def _time_parse(nlp, texts, batch_size: int) -> float:
    started = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - started


def _time_extract(extractor, docs) -> float:
    started = time.perf_counter()
    for _result in extractor.extract_many(docs):
        pass
    return time.perf_counter() - started


def _time_quotes_entities(nlp, texts, batch_size: int) -> float:
    from pipelines.nlp import entities, quotes

    parsed = list(nlp.pipe(texts, batch_size=batch_size))
    started = time.perf_counter()
    for doc in parsed:
        quotes.extract_quotes(doc, entities.build_entities(doc))
    return time.perf_counter() - started


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--docs", type=int, default=0, help="first N documents only (0 = all)")
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--no-write", action="store_true", help="print only, do not update bench.json")
    args = parser.parse_args(argv)
    if not args.input.exists():
        print(f"{args.input} not present: nothing to measure", file=sys.stderr)
        return 2

    from pipelines.extraction_settings import extractor_options
    from pipelines.nlp.extract import Extractor
    from pipelines.nlp.textprep import sanitize

    docs = _load(args.input, args.docs)
    texts = [sanitize(d.text) for d in docs]
    chars = sum(len(t) for t in texts)
    extractor = Extractor(n_process=1, batch_size=args.batch_size, **extractor_options())
    nlp = extractor.nlp
    _time_parse(nlp, texts[:4], args.batch_size)  # warm-up: lazy initialisation is not throughput

    parse_s, extract_s = [], []
    for _ in range(max(1, args.repeats)):
        parse_s.append(_time_parse(nlp, texts, args.batch_size))
        extract_s.append(_time_extract(extractor, docs))
    stages_s = _time_quotes_entities(nlp, texts, args.batch_size)

    best_parse, best_extract = min(parse_s), min(extract_s)
    figures = {
        "extract_chars_per_s": round(chars / best_extract),
        "parse_chars_per_s": round(chars / best_parse),
        "extract_vs_parse_ratio": round(best_parse / best_extract, 3),
        "quotes_entities_chars_per_s": round(chars / stages_s) if stages_s else None,
        "quotes_entities_vs_parse": round(stages_s / best_parse, 4),
    }
    report = {"documents": len(docs), "chars": chars, "parse_seconds": [round(s, 2) for s in parse_s],
              "extract_seconds": [round(s, 2) for s in extract_s], "quotes_entities_seconds": round(stages_s, 3),
              **figures}
    print(json.dumps(report, indent=1))
    if not args.no_write:
        from bench_report import update_bench

        print(f"updated {update_bench(figures)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
