"""What is due: the one decision the sensor, the schedule and `claims run` all make; and which
Dagster partition each input belongs to.

Inputs and partitions are not the same thing. An input is one inbox file or one remote source
(its `input_key`, the warehouse's unit of state in `raw_inputs`); a partition is the folder of
raw/ the file lies in ("raw/" for the top level, "raw/news/2019/"), or `remote:<source name>`.
Dagster's cost is per partition (events, checks, UI rows), so 20,000 files dropped in one folder
are one partition, and the files' own state stays in the warehouse.

An input is due when the warehouse's `raw_inputs` (the one source of truth) has no row for it, or
a row with another content hash, or when its articles are not all extracted by the current
extractor version (an interrupted run). Remote sources are due whenever they are polled: only a
fetch (conditional GET) can tell whether they changed.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from pipelines.config import Settings
from pipelines.ingest.remote import REMOTE_PREFIX

InputKind = Literal["file", "remote"]
INBOX_PARTITION = "raw/"


def partition_for(input_key: str) -> str:
    """The Dagster partition of an input: its folder under raw/, or the remote source itself."""
    if input_key.startswith(REMOTE_PREFIX):
        return input_key
    folder, _, _name = input_key.rpartition("/")
    return f"{INBOX_PARTITION}{folder}/" if folder else INBOX_PARTITION


def partitions_for(input_keys: Iterable[str]) -> list[str]:
    return sorted({partition_for(key) for key in input_keys})


def is_partition_key(key: str) -> bool:
    """Whether `key` names a partition of this scheme (a folder, ending in "/"; or a remote
    source), not a per-file one of earlier versions (which could be "raw/x.json" too)."""
    return (key.startswith(INBOX_PARTITION) and key.endswith("/")) or key.startswith(REMOTE_PREFIX)


def in_partitions(input_keys: Iterable[str], partitions: Iterable[str], only: Iterable[str] = ()) -> list[str]:
    """The input keys that belong to the partitions (and are named in `only`, when given), sorted."""
    wanted, named = set(partitions), set(only)
    return sorted(key for key in input_keys if partition_for(key) in wanted and (not named or key in named))


def stored_inputs_in(con, partitions: Iterable[str], only: Iterable[str] = ()) -> list[str]:
    """The inputs the warehouse knows (`raw_inputs`) that belong to the partitions."""
    keys = [row[0] for row in con.execute("SELECT input_key FROM raw_inputs").fetchall()]
    return in_partitions(keys, partitions, only)


@dataclass(frozen=True)
class InputInfo:
    input_key: str
    kind: InputKind
    location: str  # a path for files, a URL for remote sources
    sha256: str | None = None  # files only: remote content is known only once fetched


def discover_inputs(settings: Settings, include_files: bool = True,
                    include_remote: bool = True) -> dict[str, InputInfo]:
    """Every input the pipeline knows now: inbox files and configured remote sources."""
    from pipelines.ingest.files import discover
    from pipelines.ingest.remote import load_sources

    inputs = {}
    if include_files:
        for item in discover(settings.raw_dir):
            inputs[item.input_key] = InputInfo(item.input_key, "file", str(item.path), item.sha256)
    if include_remote:
        for source in load_sources(settings.sources_file):
            inputs[source.input_key] = InputInfo(source.input_key, "remote", source.url)
    return inputs


def stored_hashes(con) -> dict[str, str | None]:
    """input_key -> content hash of every input the warehouse knows (`raw_inputs`)."""
    return dict(con.execute("SELECT input_key, content_hash FROM raw_inputs").fetchall())


def due_inputs(con, inputs: dict[str, InputInfo], known: dict[str, str | None] | None = None) -> list[str]:
    """The input keys of `inputs` that need a run, sorted (`known`: stored_hashes, when read already)."""
    from pipelines.extraction_settings import EXTRACTOR_VERSIONS
    from pipelines.store.db import read_sql
    from pipelines.store.extraction_rows import combined_version

    known = stored_hashes(con) if known is None else known
    # (an entry with a problem has no content hash: it is due until its quarantine row exists)
    due = {key for key, info in inputs.items()
           if info.kind == "remote" or key not in known or known[key] != info.sha256}
    pending = con.execute(read_sql("writes/inputs_pending_extraction.sql"),
                          {"extractor_version": combined_version(EXTRACTOR_VERSIONS)}).fetchall()
    due.update(key for (key,) in pending if key in inputs)
    return sorted(due)


@dataclass(frozen=True)
class Plan:
    due: list[str]
    # names the due inputs, their content, what the warehouse holds for them and the extractor
    # version: equal plans, equal fingerprints; a plan made again after a run that changed the
    # warehouse (even one killed half way) or after an upgrade is a new one
    fingerprint: str

    def __bool__(self) -> bool:
        return bool(self.due)


def make_plan(inputs: dict[str, InputInfo], due: list[str], stored: dict[str, str | None] | None = None) -> Plan:
    import hashlib

    from pipelines.extraction_settings import EXTRACTOR_VERSIONS
    from pipelines.store.extraction_rows import combined_version

    stored = stored or {}
    lines = [combined_version(EXTRACTOR_VERSIONS)]
    lines += [f"{key}\t{inputs[key].sha256 or inputs[key].location}\t{stored.get(key) or 'new'}" for key in due]
    return Plan(due=due, fingerprint=hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:16])


def plan(settings: Settings, include_files: bool = True, include_remote: bool = True, force: bool = False,
         lock_wait_seconds: float = 30.0) -> Plan:
    """Discover the inputs and plan those due (all of them with force), reading the warehouse
    read-only; an absent or empty warehouse means everything is due. Raises duckdb.IOException
    when a writer holds the warehouse for longer than `lock_wait_seconds`."""
    from pipelines.store import db

    inputs = discover_inputs(settings, include_files=include_files, include_remote=include_remote)
    only_remote = all(info.kind == "remote" for info in inputs.values())
    if force or only_remote or not settings.warehouse_path.exists():
        return make_plan(inputs, sorted(inputs))
    with db.connect(settings.warehouse_path, read_only=True, retry_seconds=lock_wait_seconds) as con:
        if not _has_raw_inputs(con) or db.needs_migration(con):
            # read-only here: a warehouse of an earlier version is migrated by the run, which
            # then compares hashes as usual (nothing already stored is read again)
            return make_plan(inputs, sorted(inputs))
        stored = stored_hashes(con)  # read once: the due test and the plan's fingerprint both need it
        return make_plan(inputs, due_inputs(con, inputs, stored), stored)


def _has_raw_inputs(con) -> bool:
    return bool(con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'raw_inputs'")
                .fetchone()[0])


__all__ = ["INBOX_PARTITION", "REMOTE_PREFIX", "InputInfo", "Plan", "discover_inputs", "due_inputs", "in_partitions",
           "is_partition_key", "make_plan", "partition_for", "partitions_for", "plan", "stored_inputs_in"]
