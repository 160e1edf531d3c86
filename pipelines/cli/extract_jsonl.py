"""`claims extract`: JSONL in, JSONL out, in the evaluation contract's format."""

import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from pipelines.nlp.types import DocInput


def read_doc_inputs(path: str) -> Iterator[DocInput]:
    with open(path, encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                print(f"{path}:{line_no}: skipped, not JSON ({exc})", file=sys.stderr)
                continue
            if not isinstance(obj, dict) or "doc_id" not in obj:
                print(f"{path}:{line_no}: skipped, no doc_id", file=sys.stderr)
                continue
            text = obj.get("text")
            yield DocInput(
                doc_id=str(obj["doc_id"]),
                text=text if isinstance(text, str) else "",
                published=obj.get("published") if isinstance(obj.get("published"), str) else None,
                title=obj.get("title") if isinstance(obj.get("title"), str) else None,
            )


def extract_jsonl(input_path: str, output_path: str, n_process: int = 1, batch_size: int = 32,
                  model: str | None = None, progress: bool = True, aliases_file: Path | None = None,
                  stance_model: Path | None = None, mention_sentiment: bool = False) -> dict:
    """model, aliases_file, stance_model, mention_sentiment: see pipelines.nlp.extract.Extractor."""
    from pipelines.nlp.extract import Extractor, to_contract
    from tqdm import tqdm

    started = time.perf_counter()
    docs = list(read_doc_inputs(input_path))
    extractor = Extractor(model=model, n_process=n_process, batch_size=batch_size, aliases_file=aliases_file,
                          stance_model=stance_model, mention_sentiment=mention_sentiment)
    skipped = 0
    # On a terminal a live bar; in a log (not a TTY) a line every 10 s instead of every update.
    interval = 0.5 if sys.stderr.isatty() else 10.0
    with open(output_path, "w", encoding="utf-8") as out, \
            tqdm(total=len(docs), unit="doc", disable=not progress, mininterval=interval, file=sys.stderr) as meter:
        for extraction in extractor.extract_many(docs):
            skipped += extraction.skipped_reason is not None
            out.write(json.dumps(to_contract(extraction), ensure_ascii=False) + "\n")
            meter.update()
    return {"documents": len(docs), "skipped": skipped, "seconds": time.perf_counter() - started}
