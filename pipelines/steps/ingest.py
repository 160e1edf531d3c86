"""The ingest step: one raw input (an inbox file or a remote source) -> articles + quarantine rows.

Idempotent: an input whose bytes are unchanged since it was last read is skipped unless `force`
is set, and a forced re-read replaces rows instead of adding them.
"""

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pipelines.config import Settings
from pipelines.ingest.article import ReadResult, Rejection
from pipelines.ingest.remote import REMOTE_PREFIX
from pipelines.store import articles as article_store

ReadStatus = Literal["ingested", "unchanged", "not_modified", "missing"]


@dataclass
class IngestStats:
    input_key: str
    status: ReadStatus
    articles: int = 0
    new: int = 0
    new_version: int = 0
    unchanged: int = 0
    quarantined: int = 0
    reasons: dict = field(default_factory=dict)


@dataclass(frozen=True)
class RawRead:
    """What reading one input gave: the result (None when there is nothing new to store), and
    what `raw_inputs` records about the input."""

    status: ReadStatus
    location: str
    result: ReadResult | None = None
    content_hash: str | None = None
    size_bytes: int | None = None
    etag: str | None = None
    last_modified: str | None = None


def _read_remote(state: dict, settings: Settings, key: str, force: bool) -> RawRead:
    from pipelines.ingest.remote import fetch, load_sources, read_remote

    sources = {s.name: s for s in load_sources(settings.sources_file)}
    source = sources.get(key[len(REMOTE_PREFIX):])
    if source is None:
        return RawRead("missing", key)
    fetched = fetch(source, etag=None if force else state.get("etag"),
                           last_modified=None if force else state.get("last_modified"))
    if fetched.not_modified:
        return RawRead("not_modified", source.url, content_hash=state.get("content_hash"), etag=fetched.etag,
                       last_modified=fetched.last_modified)
    cached = dict(content_hash=fetched.content_hash, size_bytes=fetched.size_bytes, etag=fetched.etag,
                  last_modified=fetched.last_modified)
    if fetched.content_hash and fetched.content_hash == state.get("content_hash") and not force:
        return RawRead("unchanged", source.url, **cached)
    return RawRead("ingested", source.url, result=read_remote(source, fetched), **cached)


def _read_file(state: dict, settings: Settings, key: str, force: bool, max_bytes: int) -> RawRead:
    from pipelines.ingest.files import entry_problem, file_sha256, problem_rejection, read_input

    path = Path(settings.raw_dir) / key
    if not os.path.lexists(path):
        return RawRead("missing", str(path))
    problem = entry_problem(path, Path(settings.raw_dir).resolve())
    if problem is not None:  # a FIFO, a broken link, no permission: quarantined with the reason
        return RawRead("ingested", str(path), result=problem_rejection(key, problem))
    size = path.stat().st_size
    data_hash = file_sha256(path)  # streamed: the reader rejects an oversized file by its size
    if data_hash == state.get("content_hash") and not force:
        return RawRead("unchanged", str(path), content_hash=data_hash, size_bytes=size)
    return RawRead("ingested", str(path), result=read_input(path, settings.raw_dir, max_bytes=max_bytes),
                   content_hash=data_hash, size_bytes=size)


def read_input(con, settings: Settings, key: str, force: bool, max_bytes: int) -> RawRead:
    state = article_store.raw_input_state(con, key) or {}
    if key.startswith(REMOTE_PREFIX):
        return _read_remote(state, settings, key, force)
    return _read_file(state, settings, key, force, max_bytes)


def ingest_input(con, settings: Settings, key: str, force: bool = False,
                     max_bytes: int = 64 * 1024 * 1024) -> IngestStats:
    try:
        read = read_input(con, settings, key, force, max_bytes)
    except Exception as exc:  # a reader bug or a network failure quarantines the input, never the run
        read = RawRead("ingested", key, result=ReadResult(rejections=[Rejection(
            source=key, reason="read_failed", detail=f"{type(exc).__name__}: {exc}")]))
    stats = IngestStats(input_key=key, status=read.status)
    result = read.result
    if result is None:
        return stats
    counts = article_store.write_articles(con, key, result.articles)
    stats.articles = len(result.articles)
    stats.new, stats.new_version, stats.unchanged = counts["new"], counts["new_version"], counts["unchanged"]
    stats.quarantined = article_store.replace_quarantine(con, key, result.rejections)
    for rejection in result.rejections:
        stats.reasons[rejection.reason] = stats.reasons.get(rejection.reason, 0) + 1
    article_store.record_raw_input(con, key, read.location, read.content_hash, read.size_bytes, len(result.articles),
                                   len(result.rejections), read.etag, read.last_modified)
    return stats
