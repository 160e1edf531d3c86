"""The pipeline's steps as plain functions: Dagster assets, the CLI and the benchmarks call these.

ingest_partition: one raw input (file or remote source) -> articles + quarantine rows.
extract_partitions: stored article text -> quotations, time expressions, claims, stances, entities.
Both are idempotent: an unchanged input or an already-extracted article version is skipped
unless `force` is set, and forced re-runs replace rows instead of adding them.
"""

from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.config import Settings
from pipelines.ingest.article import ReadResult, Rejection
from pipelines.memory import release_freed_memory
from pipelines.store import articles as article_store
from pipelines.store import extractions as extraction_store
from pipelines.store.extraction_rows import RowBuffer, combined_version

REMOTE_PREFIX = "remote:"
TODO_PAGE_ARTICLES = 1000


@dataclass
class IngestStats:
    partition_key: str
    status: str  # ingested | unchanged | not_modified | missing
    articles: int = 0
    new: int = 0
    new_version: int = 0
    unchanged: int = 0
    quarantined: int = 0
    reasons: dict = field(default_factory=dict)


def input_partition_keys(settings: Settings) -> dict[str, dict]:
    """Every input the pipeline knows now: inbox files and configured remote sources."""
    from pipelines.ingest.files import discover
    from pipelines.ingest.remote import load_sources

    keys = {}
    for item in discover(settings.raw_dir):
        keys[item.partition_key] = {"kind": "file", "path": str(item.path), "sha256": item.sha256,
                                    "size": item.size_bytes, "mtime": item.mtime}
    for source in load_sources(settings.sources_file):
        keys[REMOTE_PREFIX + source.name] = {"kind": "remote", "url": source.url}
    return keys


def changed_partitions(con, inputs: dict[str, dict]) -> list[str]:
    """Inputs never ingested, files whose bytes changed since they were (remote: always due), and
    partitions whose articles the current extractors have not finished (e.g. an interrupted run)."""
    from pipelines.extraction_settings import EXTRACTOR_VERSIONS
    from pipelines.store.db import read_sql

    known = dict(con.execute("SELECT partition_key, content_hash FROM raw_inputs").fetchall())
    due = set()
    for key, info in inputs.items():
        if info["kind"] == "remote" or known.get(key) != info.get("sha256"):
            due.add(key)
    pending = con.execute(read_sql("writes/partitions_pending_extraction.sql"),
                          {"extractor_version": combined_version(EXTRACTOR_VERSIONS)}).fetchall()
    due.update(key for (key,) in pending if key in inputs)
    return sorted(due)


def _read_partition(con, settings: Settings, key: str, force: bool, max_bytes: int):
    """Returns (ReadResult or None when unchanged, location, content hash, size, etag, last_modified, status)."""
    state = article_store.raw_input_state(con, key) or {}
    if key.startswith(REMOTE_PREFIX):
        from pipelines.ingest.remote import fetch_source, load_sources, read_remote

        sources = {s.name: s for s in load_sources(settings.sources_file)}
        source = sources.get(key[len(REMOTE_PREFIX):])
        if source is None:
            return None, key, None, None, None, None, "missing"
        fetched = fetch_source(source, etag=None if force else state.get("etag"),
                               last_modified=None if force else state.get("last_modified"))
        if fetched.not_modified:
            return None, source.url, state.get("content_hash"), None, fetched.etag, fetched.last_modified, "not_modified"
        result = read_remote(source, fetched)
        body_hash = fetched.content_hash
        if body_hash and body_hash == state.get("content_hash") and not force:
            return None, source.url, body_hash, fetched.size_bytes, fetched.etag, fetched.last_modified, "unchanged"
        return result, source.url, body_hash, fetched.size_bytes, fetched.etag, fetched.last_modified, "ingested"

    from pipelines.ingest.article import bytes_hash
    from pipelines.ingest.files import read_input

    path = Path(settings.raw_dir) / key
    if not path.is_file():
        return None, str(path), None, None, None, None, "missing"
    data_hash = bytes_hash(path.read_bytes())
    if data_hash == state.get("content_hash") and not force:
        return None, str(path), data_hash, path.stat().st_size, None, None, "unchanged"
    result = read_input(path, settings.raw_dir, max_bytes=max_bytes)
    return result, str(path), data_hash, path.stat().st_size, None, None, "ingested"


def ingest_partition(con, settings: Settings, key: str, force: bool = False,
                     max_bytes: int = 64 * 1024 * 1024) -> IngestStats:
    try:
        result, location, data_hash, size, etag, last_modified, status = _read_partition(
            con, settings, key, force, max_bytes)
    except Exception as exc:  # a reader bug or a network failure quarantines the input, never the run
        result = ReadResult(rejections=[Rejection(source=key, reason="read_failed",
                                                  detail=f"{type(exc).__name__}: {exc}")])
        location, data_hash, size, etag, last_modified, status = key, None, None, None, None, "ingested"
    stats = IngestStats(partition_key=key, status=status)
    if result is None:
        return stats
    counts = article_store.write_articles(con, key, result.articles)
    stats.articles = len(result.articles)
    stats.new, stats.new_version, stats.unchanged = counts["new"], counts["new_version"], counts["unchanged"]
    stats.quarantined = article_store.replace_quarantine(con, key, result.rejections)
    for rejection in result.rejections:
        stats.reasons[rejection.reason] = stats.reasons.get(rejection.reason, 0) + 1
    article_store.record_raw_input(con, key, location, data_hash, size, len(result.articles),
                                   len(result.rejections), etag, last_modified)
    return stats


def _doc_input(record: dict):
    from pipelines.nlp.types import DocInput

    published = record["published_at"]
    published = None if published is None else published.isoformat()
    return DocInput(doc_id=record["article_id"], text=record["text"], published=published, title=record["title"],
                    author=record["author"], publisher=record["publisher"])


def extract_partitions(con, extractor, partition_keys: Iterable[str | None], force: bool = False,
                       batch_articles: int = 500, on_progress: Callable[[int], None] | None = None) -> dict:
    """Extract every current article of the partitions that this extractor version has not done.

    All partitions feed one stream through the extractor (its workers never wait between
    partitions or batches); rows are written every `batch_articles` articles, each batch in one
    transaction, while the workers go on parsing the next ones."""
    from contextlib import closing

    from pipelines.extraction_settings import EXTRACTOR_VERSIONS

    version = combined_version(EXTRACTOR_VERSIONS)
    totals = {"articles": 0, "skipped": 0, "notes": {}}
    release_freed_memory()  # before the workers fork: they would inherit (and count) the heap
    waiting: deque[dict] = deque()  # records handed to the extractor, in order, not yet extracted

    def doc_inputs():
        for key in partition_keys:
            after = None
            while True:  # page by page: a 100k-article partition is never in memory at once
                page = extraction_store.articles_to_extract(con, key, version, force=force, after=after,
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

    # closing(): on an error the stream's workers are stopped at once, not when garbage collected.
    with closing(extractor.extract_many(doc_inputs())) as extractions:
        now = article_store.utc_now()
        for extraction in extractions:
            record = waiting.popleft()
            buffer.add(record, extraction, record["partition_key"], now)
            in_buffer += 1
            totals["skipped"] += extraction.skipped_reason is not None
            for note in extraction.notes:
                totals["notes"][note] = totals["notes"].get(note, 0) + 1
            if in_buffer >= batch_articles:
                flush()
                now = article_store.utc_now()
        flush()
    return totals
