"""`claims run`: materialize every asset on what is new or changed in raw/ (and remote sources),
through the Dagster instance at DAGSTER_HOME so the runs show up in the UI."""

import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.cli import run_lock
from pipelines.config import Settings, ensure_dagster_env
from pipelines.store import db

SUMMARY_TABLES = ("articles", "quarantine", "entities", "quotations", "time_expressions", "claims", "stances")


@dataclass
class RunSummary:
    due: list[str] = field(default_factory=list)
    runs: list[tuple[str, bool]] = field(default_factory=list)  # (job name, success)
    counts: dict[str, int] = field(default_factory=dict)
    current_articles: int = 0
    blocked_checks: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # "step: innermost error message" of failed steps
    warnings: list[str] = field(default_factory=list)
    revalidated: list[str] = field(default_factory=list)  # unchanged inputs whose checks did not finish before

    @property
    def success(self) -> bool:
        return all(ok for _name, ok in self.runs)


def _load_defs():
    import pipelines.definitions as location

    return location.defs()


def _run_over_partitions(summary: RunSummary, job_name: str, input_keys: list[str], run_config: dict) -> None:
    """Run `job_name` once over the partitions of the inputs (the range that spans them), then
    refresh the views and reports."""
    import dagster as dg

    from pipelines.defs.partitions import run_tags_for_inputs

    # The instance as a context: the definitions load against its state storage (and it is
    # disposed of after the run).
    with dg.DagsterInstance.get() as instance:
        run_lock.wait_for_pool(instance, notify=_notify)
        tags = {**run_tags_for_inputs(instance, input_keys), **run_lock.cli_run_tags()}
        defs = _load_defs()
        quiet = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}
        result = defs.resolve_job_def(job_name).execute_in_process(
            instance=instance, tags=tags, run_config={**run_config, **quiet}, raise_on_error=False)
        summary.runs.append((job_name, result.success))
        summary.errors.extend(_step_errors(result))
        blocked = [e.check_name for e in result.get_asset_check_evaluations() if e.blocking and not e.passed]
        if blocked:
            # A failed blocking check stops everything downstream, the views and reports included;
            # the offending rows are in the <table>_rejects tables.
            summary.blocked_checks = sorted(set(blocked))
            return
        analytics = defs.resolve_job_def("refresh_analytics").execute_in_process(
            instance=instance, run_config=quiet, tags=run_lock.cli_run_tags(), raise_on_error=False)
        summary.runs.append(("refresh_analytics", analytics.success))


def _step_errors(result) -> list[str]:
    """The root cause of each failed step (e.g. DuckDB's "No space left on device"), one line each,
    with advice where the cause is one a user can act on."""
    from pipelines.cli.errors import known_cause

    errors = []
    for event in result.get_step_failure_events():
        error = event.step_failure_data.error
        while error is not None and error.cause is not None:
            error = error.cause
        text = (error.message if error else "").strip()
        lines = text.splitlines()
        cause = known_cause(" ".join(text.split())) or (lines[0] if lines else "unknown error")
        errors.append(f"{event.step_key}: {cause}")
    return errors


def _count_rows(summary: RunSummary, settings: Settings) -> RunSummary:
    with db.connect(settings.warehouse_path, read_only=True) as con:
        summary.counts = db.table_counts(con, list(SUMMARY_TABLES))
        summary.current_articles = con.execute("SELECT count(*) FROM articles WHERE is_current").fetchone()[0]
    return summary


def _notify(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@contextmanager
def _healthy_instance():
    """The run lock held, and what dead earlier runs left behind in the instance released."""
    import dagster as dg

    env = ensure_dagster_env()
    with run_lock.exclusive_run(Path(env["CLAIMS_DAGSTER_STATE"]), notify=_notify):
        released = run_lock.release_dead_cli_runs(dg.DagsterInstance.get())
        if released:
            _notify(f"released the warehouse from {len(released)} run(s) whose process had died")
        yield


class UnknownInputs(ValueError):
    """`claims run --only` named something that is not an input of the inbox or sources.yaml."""


def input_key_of(name: str, settings: Settings) -> str:
    """The input key `--only` means: remote:<name>, an inbox-relative path, or a path to a file
    in the inbox (absolute or from the working directory)."""
    from pipelines.ingest.files import input_key_for
    from pipelines.ingest.remote import REMOTE_PREFIX

    if name.startswith(REMOTE_PREFIX):
        return name
    path = Path(name)
    if path.exists() and path.resolve().is_relative_to(settings.raw_dir.resolve()):
        return input_key_for(path, settings.raw_dir)
    return path.as_posix()


def run_pipeline(force: bool = False, include_remote: bool = True, only: list[str] = ()) -> RunSummary:
    """Ingest and extract what is new or changed (everything with force; the inputs named in
    `only`, re-read and re-extracted, when given), then refresh the views."""
    with _healthy_instance():
        return _run_pipeline(force, include_remote, list(only))


def _run_pipeline(force: bool, include_remote: bool, only: list[str] = ()) -> RunSummary:
    from pipelines.ingest.remote import SourcesConfigError
    from pipelines.steps import planning

    settings = Settings.from_env()
    summary = RunSummary()
    # Planned under the run lock, after any earlier run's writes: two runs never do the same input.
    try:
        inputs = planning.discover_inputs(settings, include_remote=include_remote)
    except SourcesConfigError as exc:
        # A broken sources.yaml stops the remote sources only, never the inbox.
        _notify(f"warning: {exc}; remote sources skipped this run (fix the file, or use --no-remote)")
        summary.warnings.append(str(exc))
        inputs = planning.discover_inputs(settings, include_remote=False)
    if only:
        named = sorted({input_key_of(name, settings) for name in only})
        unknown = [key for key in named if key not in inputs]
        if unknown:
            raise UnknownInputs(f"not an input of {settings.raw_dir} or the sources file: {', '.join(unknown)}")
        inputs, force = {key: inputs[key] for key in named}, True
    with db.connect(settings.warehouse_path) as con:
        db.apply_sql(con)
        summary.due = sorted(inputs) if force else planning.due_inputs(con, inputs)
    # Inputs whose checks or refresh did not finish last time (a crash, out of memory, a failed
    # blocking check) run again: unchanged data is skipped by content hash, the checks and the
    # views are not, and the warehouse is never called up to date until they have passed.
    marker = _unvalidated_marker(settings)
    summary.revalidated = sorted(set(_read_marker(marker)) - set(summary.due))
    due = sorted(set(summary.due) | set(summary.revalidated))
    if due:
        _write_marker(marker, due)
        from pipelines.defs.partitions import run_config_for_inputs

        run_config = run_config_for_inputs(due, force=force, only=list(inputs) if only else [])
        _run_over_partitions(summary, "ingest_and_extract", due, run_config)
        if summary.success and not summary.blocked_checks and not summary.errors:
            marker.unlink(missing_ok=True)
    return _count_rows(summary, settings)


def _unvalidated_marker(settings: Settings) -> Path:
    return settings.warehouse_path.with_name(settings.warehouse_path.name + ".unvalidated.json")


def _read_marker(path: Path) -> list[str]:
    import json

    try:
        return [str(key) for key in json.loads(path.read_text(encoding="utf-8"))]
    except (OSError, ValueError, TypeError):
        return []


def _write_marker(path: Path, keys: list[str]) -> None:
    import json
    import os

    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(keys), encoding="utf-8")
    os.replace(tmp, path)


def run_reextract(processes: int = 2, force: bool = False) -> RunSummary:
    """Re-extract every stored article whose extraction is not from the current extractor version
    (all of them with force), reading the text from DuckDB only, in worker processes."""
    with _healthy_instance():
        return _run_reextract(processes, force)


def _run_reextract(processes: int, force: bool) -> RunSummary:
    settings = Settings.from_env()
    summary = RunSummary()
    with db.connect(settings.warehouse_path) as con:
        db.apply_sql(con)
        summary.due = [r[0] for r in con.execute(
            "SELECT DISTINCT input_key FROM articles WHERE is_current ORDER BY 1").fetchall()]
    if summary.due:
        run_config = {
            "ops": {"extraction": {"config": {"force": force}}},
            "resources": {"extractor": {"config": {"model": settings.spacy_model, "n_process": processes}}},
        }
        _run_over_partitions(summary, "reextract", summary.due, run_config)
    return _count_rows(summary, settings)


def format_summary(summary: RunSummary) -> str:
    lines = []
    if summary.revalidated:
        lines.append(f"Checked again {len(summary.revalidated)} input(s) whose validation or refresh did not "
                     "finish in an earlier run.")
    if not summary.due and not summary.revalidated:
        lines.append("Nothing new or changed in the inbox: the warehouse is up to date.")
    elif summary.due:
        lines.append(f"Processed {len(summary.due)} new or changed input(s).")
    if summary.due or summary.revalidated:
        for name, ok in summary.runs:
            lines.append(f"  run {name}: {'success' if ok else 'FAILED (see the Dagster UI: make ui)'}")
        if summary.blocked_checks:
            lines.append(f"  blocking checks failed: {', '.join(summary.blocked_checks)}; the failing rows were moved "
                         "to the <table>_rejects tables and the views/reports were not refreshed")
    c = summary.counts
    lines.append(f"Articles ingested: {summary.current_articles} current ({c.get('articles', 0)} versions); "
                 f"quarantined inputs: {c.get('quarantine', 0)}")
    lines.append("Rows per table:")
    for table in SUMMARY_TABLES:
        lines.append(f"  {table:<18}{c.get(table, 0):>10}")
    return "\n".join(lines)
