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


def read_input(state: dict, settings: Settings, key: str, force: bool, max_bytes: int) -> RawRead:
    """Read one input against what the warehouse knows of it (`state`: its raw_inputs row, {} for
    a new input). Never raises: a reader bug or a network failure quarantines the input."""
    try:
        if key.startswith(REMOTE_PREFIX):
            return _read_remote(state, settings, key, force)
        return _read_file(state, settings, key, force, max_bytes)
    except Exception as exc:
        return RawRead("ingested", key, result=ReadResult(rejections=[Rejection(
            source=key, reason="read_failed", detail=f"{type(exc).__name__}: {exc}")]))


def ingest_input(con, settings: Settings, key: str, force: bool = False,
                 max_bytes: int = 64 * 1024 * 1024) -> IngestStats:
    [stats] = ingest_inputs(con, settings, [key], force=force, max_bytes=max_bytes)
    return stats


def ingest_inputs(con, settings: Settings, keys: list[str], force: bool = False,
                  max_bytes: int = 64 * 1024 * 1024, batch_inputs: int = 200,
                  batch_bytes: int = 64 * 1024 * 1024) -> list[IngestStats]:
    """Read the inputs and store them, a batch of inputs per transaction (at most `batch_inputs`
    inputs or about `batch_bytes` of article text, so a run of large files stays small)."""
    out: list[IngestStats] = []
    pending: list[tuple[IngestStats, RawRead]] = []
    pending_bytes = 0

    def flush():
        nonlocal pending, pending_bytes
        if pending:
            _store(con, pending)
            out.extend(stats for stats, _read in pending)
        pending, pending_bytes = [], 0

    for start in range(0, len(keys), batch_inputs):
        chunk = keys[start:start + batch_inputs]
        states = article_store.raw_input_states(con, chunk)
        for key in chunk:
            read = read_input(states.get(key, {}), settings, key, force, max_bytes)
            stats = IngestStats(input_key=key, status=read.status)
            if read.result is None:
                out.append(stats)
                continue
            pending.append((stats, read))
            pending_bytes += sum(len(a.text) for a in read.result.articles)
            if len(pending) >= batch_inputs or pending_bytes >= batch_bytes:
                flush()
    flush()
    order = {key: i for i, key in enumerate(keys)}
    return sorted(out, key=lambda stats: order[stats.input_key])  # in the order asked


def _store(con, batch: list[tuple[IngestStats, RawRead]]) -> None:
    """Write the batch in one transaction; when that fails on what one input holds (not on the
    disk or the connection), write them one by one, and an input that still fails gets a
    `write_failed` quarantine row (it stays due: the next run tries it again)."""
    import duckdb

    try:
        _store_together(con, batch)
    except (duckdb.IOException, duckdb.FatalException, duckdb.InterruptException, MemoryError):
        raise
    except duckdb.Error:
        if len(batch) == 1:
            raise
        for stats, read in batch:
            try:
                _store_together(con, [(stats, read)])
            except (duckdb.IOException, duckdb.FatalException, duckdb.InterruptException, MemoryError):
                raise
            except duckdb.Error as exc:
                failed = RawRead("ingested", read.location, result=ReadResult(rejections=[Rejection(
                    source=stats.input_key, reason="write_failed", detail=f"{type(exc).__name__}: {exc}"[:500])]))
                _store_together(con, [(stats, failed)])


def _store_together(con, batch: list[tuple[IngestStats, RawRead]]) -> None:
    writes = [article_store.InputWrite(stats.input_key, read.result.articles, read.result.rejections, read.location,
                                       read.content_hash, read.size_bytes, read.etag, read.last_modified)
              for stats, read in batch]
    for (stats, read), counts in zip(batch, article_store.write_inputs(con, writes), strict=True):
        stats.articles = len(read.result.articles)
        stats.new, stats.new_version, stats.unchanged = counts["new"], counts["new_version"], counts["unchanged"]
        stats.quarantined = counts["quarantined"]
        for rejection in read.result.rejections:
            stats.reasons[rejection.reason] = stats.reasons.get(rejection.reason, 0) + 1
