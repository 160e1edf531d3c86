#!/usr/bin/env python3
"""Where extraction time goes, stage by stage, against the parse of the same Reuters texts.

Parses N articles once (one process), then runs every extractor stage over the parsed Docs and
reports each stage's seconds and its share of the parse time. With --pyinstrument, also prints
a call-tree profile of the post-parse stages (pyinstrument is in the dev extras).

    .venv/bin/python scripts/profile_stages.py [--docs 400] [--stride 47] [--interleaved] [--pyinstrument]
"""

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
CORPUS = REPO.parent / "shared" / "data" / "corpus" / "reuters21578.jsonl.gz"


def load_docs(limit: int, stride: int = 1):
    """The first `limit` articles with text, taking every `stride`-th line of the corpus."""
    from pipelines.nlp.types import DocInput

    docs = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        for line_no, line in enumerate(handle):
            if line_no % stride:
                continue
            record = json.loads(line)
            if record.get("text"):
                docs.append(DocInput(doc_id=str(record.get("doc_id", len(docs))), text=record["text"],
                                     published=record.get("published"), title=record.get("title")))
            if len(docs) >= limit:
                break
    return docs


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=400)
    parser.add_argument("--stride", type=int, default=1,
                        help="take every Nth article (e.g. 47: a sample spread over the whole corpus)")
    parser.add_argument("--interleaved", action="store_true",
                        help="parse and extract batch by batch, as the workers do")
    parser.add_argument("--pyinstrument", action="store_true")
    args = parser.parse_args()
    if not CORPUS.exists():
        print("../shared/data/corpus/reuters21578.jsonl.gz not present: profile skipped.")
        return 0
    from pipelines.extraction_settings import extractor_options
    from pipelines.nlp import extract as extract_mod
    from pipelines.nlp.textprep import sanitize
    from pipelines.nlp.types import DocumentExtraction

    docs = load_docs(args.docs, args.stride)
    extractor = extract_mod.Extractor(**extractor_options())
    texts = [sanitize(d.text) for d in docs]
    list(extractor.nlp.pipe(texts[:20]))  # warm up
    # --interleaved: each batch of 64 is parsed and then extracted, as in the workers (the parse
    # evicts the extractors' code and data from the CPU caches, which makes them dearer);
    # otherwise everything is parsed first, then every stage runs over the parsed Docs.
    block = 64 if args.interleaved else len(texts)
    profiler = None
    if args.pyinstrument:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
    parse_s, stage_s = 0.0, {}
    for lo in range(0, len(texts), block):
        started = time.perf_counter()
        parsed = list(extractor.nlp.pipe(texts[lo:lo + block], batch_size=64))
        parse_s += time.perf_counter() - started
        if profiler is not None:
            profiler.start()
        for spacy_doc, doc_input in zip(parsed, docs[lo:lo + block]):
            result = DocumentExtraction(doc_id=doc_input.doc_id, language="en")
            for stage in extract_mod._STAGES:
                t0 = time.perf_counter()
                stage(extractor, result, spacy_doc, doc_input)
                name = stage.__name__.strip("_")
                stage_s[name] = stage_s.get(name, 0.0) + time.perf_counter() - t0
        if profiler is not None:
            profiler.stop()
    total = sum(stage_s.values())
    print(f"{len(docs)} articles, {sum(map(len, texts))} chars")
    print(f"{'stage':<12}{'seconds':>10}{'% of parse':>12}")
    print(f"{'parse':<12}{parse_s:>10.2f}{100:>11.0f}%")
    for name, seconds in stage_s.items():
        print(f"{name:<12}{seconds:>10.2f}{100 * seconds / parse_s:>11.1f}%")
    print(f"{'all stages':<12}{total:>10.2f}{100 * total / parse_s:>11.1f}%")
    if profiler is not None:
        print(profiler.output_text(unicode=False, color=False, show_all=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
