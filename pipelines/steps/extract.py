"""The extraction step: stored article text -> entities, quotations, time expressions, claims,
stances, as one stream over every input of a run. Idempotent: an article version already
extracted by this extractor version is skipped unless `force` is set."""

from collections import deque
from collections.abc import Callable, Sequence

from pipelines.steps.memory import release_freed_memory
from pipelines.store import articles as article_store
from pipelines.store import extractions as extraction_store
from pipelines.store.extraction_rows import RowBuffer, combined_version

TODO_PAGE_ARTICLES = 1000


def _doc_input(record: dict):
    from pipelines.nlp.types import DocInput

    published = record["published_at"]
    precision = record.get("published_precision")
    if published is None:
        pass
    elif precision == "year":
        published = f"{published.year:04d}"  # a year or a month is all the article says: keep it so
    elif precision == "month":
        published = f"{published.year:04d}-{published.month:02d}"
    else:
        published = published.isoformat()
    return DocInput(doc_id=record["article_id"], text=record["text"], published=published, title=record["title"],
                    author=record["author"], publisher=record["publisher"])


def extract_inputs(con, extractor, input_keys: Sequence[str] | None, force: bool = False,
                   batch_articles: int = 500, on_progress: Callable[[int], None] | None = None) -> dict:
    """Extract every current article of the inputs (all of them when None) that this extractor
    version has not done.

    All inputs feed one stream through the extractor (its workers never wait between inputs or
    batches); rows are written every `batch_articles` articles, each batch in one transaction,
    while the workers go on parsing the next ones."""
    from contextlib import closing

    from pipelines.extraction_settings import EXTRACTOR_VERSIONS

    version = combined_version(EXTRACTOR_VERSIONS)
    totals = {"articles": 0, "skipped": 0, "notes": {}}
    release_freed_memory()  # before the workers fork: they would inherit (and count) the heap
    waiting: deque[dict] = deque()  # records handed to the extractor, in order, not yet extracted

    keys = None if input_keys is None else list(input_keys)

    def doc_inputs():
        after = None
        while keys is None or keys:  # page by page: a 100k-article run is never in memory at once
            page = extraction_store.articles_to_extract(con, keys, version, force=force, after=after,
                                                        page_size=TODO_PAGE_ARTICLES)
            for record in page:
                waiting.append(record)
                yield _doc_input(record)
            if len(page) < TODO_PAGE_ARTICLES:
                break
            after = page[-1]["article_id"]

    buffer, in_buffer = RowBuffer(EXTRACTOR_VERSIONS), 0

    def flush():
        nonlocal buffer, in_buffer
        if not in_buffer:
            return
        counts = extraction_store.write_extractions(con, buffer.frames())
        for table, n in counts.items():
            totals[table] = totals.get(table, 0) + n
        totals["articles"] += in_buffer
        if on_progress:
            on_progress(in_buffer)
        buffer, in_buffer = RowBuffer(EXTRACTOR_VERSIONS), 0
        release_freed_memory()  # the batch's frames are gone: the heap shrinks back (cheap: old objects are frozen)

    # closing(): on an error the stream's workers are stopped at once, not when garbage collected.
    with closing(extractor.extract_many(doc_inputs())) as extractions:
        now = article_store.utc_now()
        for extraction in extractions:
            record = waiting.popleft()
            buffer.add(record, extraction, record["input_key"], now)
            in_buffer += 1
            totals["skipped"] += extraction.skipped_reason is not None
            for note in extraction.notes:
                totals["notes"][note] = totals["notes"].get(note, 0) + 1
            if in_buffer >= batch_articles:
                flush()
                now = article_store.utc_now()
        flush()
    return totals
