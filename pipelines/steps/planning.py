"""What is due: the one decision the sensor, the schedule and `claims run` all make.

An input is due when the warehouse's `raw_inputs` (the one source of truth) has no row for it, or
a row with another content hash, or when its articles are not all extracted by the current
extractor version (an interrupted run). Remote sources are due whenever they are polled: only a
fetch (conditional GET) can tell whether they changed.
"""

from dataclasses import dataclass
from typing import Literal

from pipelines.config import Settings
from pipelines.ingest.remote import REMOTE_PREFIX

InputKind = Literal["file", "remote"]


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


def due_inputs(con, inputs: dict[str, InputInfo]) -> list[str]:
    """The partition keys of `inputs` that need a run, sorted."""
    from pipelines.extraction_settings import EXTRACTOR_VERSIONS
    from pipelines.store.db import read_sql
    from pipelines.store.extraction_rows import combined_version

    known = dict(con.execute("SELECT input_key, content_hash FROM raw_inputs").fetchall())
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
    fingerprint: str  # names the due inputs and their content: equal plans, equal fingerprints

    def __bool__(self) -> bool:
        return bool(self.due)


def make_plan(inputs: dict[str, InputInfo], due: list[str]) -> Plan:
    import hashlib

    lines = "\n".join(f"{key}\t{inputs[key].sha256 or inputs[key].location}" for key in due)
    return Plan(due=due, fingerprint=hashlib.sha256(lines.encode("utf-8")).hexdigest()[:16])


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
        if not _has_raw_inputs(con):
            return make_plan(inputs, sorted(inputs))
        return make_plan(inputs, due_inputs(con, inputs))


def _has_raw_inputs(con) -> bool:
    return bool(con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'raw_inputs'")
                .fetchone()[0])


__all__ = ["REMOTE_PREFIX", "InputInfo", "Plan", "discover_inputs", "due_inputs", "make_plan", "plan"]
