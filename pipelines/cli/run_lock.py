"""One `claims run` at a time, and a Dagster instance that heals after a killed run.

A run killed with SIGKILL never reports its end: it stays STARTED and keeps its `duckdb_write`
pool slot, so every later run would wait for that slot forever. Two things make that impossible:
- an OS file lock (flock) held for the whole of `claims run`: the kernel drops it when the process
  dies, however it dies, so a second `claims run` waits for the first (a bounded time, Ctrl-C
  works) and then plans against what the first one wrote;
- while holding that lock, any run this command launched earlier and that is not finished is
  dead by construction: it is marked failed and its pool slots are released. Runs launched by the
  UI's daemon are not touched (the daemon's run monitoring watches those); if one holds the pool,
  `claims run` waits a bounded time for it and then says which run it is.
"""

import fcntl
import os
import socket
import time
from contextlib import contextmanager
from pathlib import Path

POOL = "duckdb_write"
LAUNCHER_TAG = "claims/launcher"
PID_TAG = "claims/pid"
HOST_TAG = "claims/host"
WAIT_ENV = "CLAIMS_RUN_WAIT_SECONDS"
DEFAULT_WAIT_SECONDS = 600.0
POLL_SECONDS = 0.5
UNFINISHED = ("NOT_STARTED", "QUEUED", "STARTING", "STARTED", "CANCELING")


class RunBusy(RuntimeError):
    """Another run holds the warehouse for longer than we are willing to wait."""


def wait_seconds() -> float:
    value = os.environ.get(WAIT_ENV)
    return float(value) if value else DEFAULT_WAIT_SECONDS


def cli_run_tags() -> dict[str, str]:
    """Tags that mark a run as launched by this process (read back by release_dead_cli_runs)."""
    return {LAUNCHER_TAG: "cli", PID_TAG: str(os.getpid()), HOST_TAG: socket.gethostname()}


@contextmanager
def exclusive_run(state_dir: Path, timeout: float | None = None, notify=print):
    """Hold the instance's run lock; wait at most `timeout` seconds for another `claims run`."""
    timeout = wait_seconds() if timeout is None else timeout
    state_dir.mkdir(parents=True, exist_ok=True)
    path = state_dir / "claims-run.lock"
    with open(path, "a+", encoding="utf-8") as handle:
        deadline = time.monotonic() + timeout
        told = False
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise RunBusy(f"another `claims run` ({_holder(path)}) is still running after {timeout:g} s; "
                                  f"try again when it is done (or set {WAIT_ENV} to wait longer)") from None
                if not told:
                    notify(f"another `claims run` ({_holder(path)}) is in progress; waiting up to {timeout:g} s "
                           "for it to finish (Ctrl-C to stop)")
                    told = True
                time.sleep(POLL_SECONDS)
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()} on {socket.gethostname()}\n")
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _holder(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").strip() or "unknown process"
    except OSError:
        return "unknown process"


def _is_dead_cli_run(run) -> bool:
    """Call only while holding the run lock, before launching anything: then no unfinished run
    that `claims run` launched on this host can still have a live process."""
    return run.tags.get(LAUNCHER_TAG) == "cli" and run.tags.get(HOST_TAG) == socket.gethostname()


def release_dead_cli_runs(instance) -> list[str]:
    """Mark unfinished runs of dead `claims run` processes failed and free their pool slots; also
    free slots still held by runs that have already finished. Returns the run ids released."""
    import dagster as dg

    storage = instance.event_log_storage
    released = []
    unfinished = instance.get_runs(filters=dg.RunsFilter(statuses=[dg.DagsterRunStatus[s] for s in UNFINISHED],
                                                         tags={LAUNCHER_TAG: "cli"}))
    for run in unfinished:
        if _is_dead_cli_run(run):
            instance.report_run_failed(run, message=f"the `claims run` process (pid {run.tags.get(PID_TAG)}) died "
                                                    "before this run ended; marked failed by the next `claims run`")
            storage.free_concurrency_slots_for_run(run.run_id)
            released.append(run.run_id)
    for run_id in _pool_run_ids(storage):
        run = instance.get_run_by_id(run_id)
        if run is None or run.is_finished:
            storage.free_concurrency_slots_for_run(run_id)
            released.append(run_id)
    return released


def _pool_run_ids(storage) -> set[str]:
    info = storage.get_concurrency_info(POOL)
    return {slot.run_id for slot in info.claimed_slots} | {step.run_id for step in info.pending_steps}


def wait_for_pool(instance, timeout: float | None = None, notify=print) -> None:
    """Return once no other run holds the DuckDB write pool; RunBusy after `timeout` seconds."""
    timeout = wait_seconds() if timeout is None else timeout
    deadline = time.monotonic() + timeout
    told = False
    while True:
        holders = {slot.run_id for slot in instance.event_log_storage.get_concurrency_info(POOL).claimed_slots}
        if not holders:
            return
        described = ", ".join(_describe(instance, run_id) for run_id in sorted(holders))
        if time.monotonic() >= deadline:
            raise RunBusy(f"the warehouse is still being written by {described} after {timeout:g} s; let it finish "
                          "or cancel it in the Dagster UI (make ui), then run again")
        if not told:
            notify(f"waiting up to {timeout:g} s for {described} to release the warehouse (Ctrl-C to stop)")
            told = True
        time.sleep(POLL_SECONDS)


def _describe(instance, run_id: str) -> str:
    run = instance.get_run_by_id(run_id)
    if run is None:
        return f"run {run_id[:8]}"
    return f"run {run_id[:8]} ({run.job_name}, {run.status.value.lower()})"
