"""Faults: a run killed with SIGKILL mid-write, two runs at once, an unwritable warehouse."""

import contextlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import duckdb
import pytest

from tests.conftest import REPO_ROOT
from tests.snapshots import snapshot
from tests.synthetic import write_corpus

pytestmark = pytest.mark.integration  # the slow tier: `make test-fast` leaves it out

TABLES = ("articles", "entities", "quotations", "time_expressions", "claims", "stances", "article_extractions")


def _env(root):
    return dict(os.environ, CLAIMS_RAW_DIR=str(root / "raw"), CLAIMS_WAREHOUSE=str(root / "wh" / "warehouse.duckdb"),
                CLAIMS_REPORTS_DIR=str(root / "wh" / "reports"), CLAIMS_SOURCES=str(root / "sources.yaml"),
                DAGSTER_HOME=str(REPO_ROOT), CLAIMS_DAGSTER_STATE=str(root / "dh"),
                CLAIMS_DAGSTER_LOGS=str(root / "dh" / "logs"), DAGSTER_DISABLE_TELEMETRY="1")


def _claims(root, *args, **kwargs):
    (root / "dh").mkdir(exist_ok=True)
    return subprocess.Popen([sys.executable, "-m", "pipelines.cli", *args], cwd=REPO_ROOT, env=_env(root),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kwargs)


def _snapshot(db_path):
    return snapshot(db_path, TABLES)


def _inbox(root, n, name="corpus.jsonl", start=0):
    (root / "raw").mkdir(parents=True, exist_ok=True)
    write_corpus(root / "raw" / name, n, start=start)


def _clean_run_and_twin_inbox(tmp_path, n):
    """(clean, killed): the same n articles in two inboxes, the first already run to the end (the
    reference the killed-then-rerun warehouse must equal)."""
    clean, killed = tmp_path / "clean", tmp_path / "killed"
    for root in (clean, killed):
        _inbox(root, n)
    done = _claims(clean, "run", "--no-remote")
    out, _ = done.communicate(timeout=900)
    assert done.returncode == 0, out
    return clean, killed


def test_kill_9_mid_write_then_rerun_loses_and_duplicates_nothing(tmp_path):
    clean, killed = _clean_run_and_twin_inbox(tmp_path, 1500)

    proc = _claims(killed, "run", "--no-remote")
    wal = killed / "wh" / "warehouse.duckdb.wal"
    deadline = time.monotonic() + 120
    # Kill while a write transaction is open (the WAL exists) or, failing that, mid-run.
    seen_articles_write = False
    while time.monotonic() < deadline and proc.poll() is None:
        if wal.exists() and wal.stat().st_size > 0:
            if seen_articles_write:
                break
            seen_articles_write = True
        time.sleep(0.05)
    assert proc.poll() is None, "the run finished before it could be killed; enlarge the corpus"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)

    rerun = _claims(killed, "run", "--no-remote")
    out, _ = rerun.communicate(timeout=900)
    assert rerun.returncode == 0, out
    assert _snapshot(killed / "wh" / "warehouse.duckdb") == _snapshot(clean / "wh" / "warehouse.duckdb")


def _pool_holders(root) -> list[str]:
    """Run ids holding a duckdb_write slot, read straight from the instance's SQLite index."""
    index = root / "dh" / "history" / "runs" / "index.db"
    if not index.exists():
        return []
    try:
        con = sqlite3.connect(f"file:{index}?mode=ro", uri=True, timeout=1)
        try:
            return [r[0] for r in con.execute(
                "SELECT run_id FROM concurrency_slots WHERE concurrency_key = 'duckdb_write' AND run_id IS NOT NULL")]
        finally:
            con.close()
    except sqlite3.Error:
        return []


def _step_started(root, step_key: str) -> bool:
    """Whether a run's event log (the instance's per-run SQLite shards) has the step's STEP_START."""
    for shard in (root / "dh" / "history" / "runs").glob("*.db"):
        if shard.name == "index.db":
            continue
        try:
            con = sqlite3.connect(f"file:{shard}?mode=ro", uri=True, timeout=1)
            try:
                if con.execute("SELECT 1 FROM event_logs WHERE dagster_event_type = 'STEP_START' AND step_key = ?",
                               [step_key]).fetchone():
                    return True
            finally:
                con.close()
        except sqlite3.Error:
            continue
    return False


@pytest.mark.parametrize("moment", ["ingest", "extraction"])
def test_a_killed_run_does_not_block_the_next_one(tmp_path, moment):
    """kill -9 while a step holds the only pool slot: the next run releases it and finishes."""
    clean, killed = _clean_run_and_twin_inbox(tmp_path, 300)

    proc = _claims(killed, "run", "--no-remote")
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and proc.poll() is None:
        held = _pool_holders(killed)
        if held and (moment == "ingest" or _step_started(killed, "extraction")):
            break
        time.sleep(0.05)
    assert proc.poll() is None and _pool_holders(killed), "the run ended before a slot was held"
    if moment == "extraction":
        time.sleep(1)  # the workers are parsing: inside the parse of 300 articles
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert _pool_holders(killed), "the dead run should still hold its slot (else this test tests nothing)"

    rerun = _claims(killed, "run", "--no-remote")
    out, _ = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, out
    assert "released the warehouse from 1 run" in out
    assert not _pool_holders(killed)
    assert _snapshot(killed / "wh" / "warehouse.duckdb") == _snapshot(clean / "wh" / "warehouse.duckdb")


def test_a_run_waits_a_bounded_time_for_another(tmp_path):
    """While one `claims run` holds the run lock, another gives up after CLAIMS_RUN_WAIT_SECONDS
    with one clear line and exit code 2."""
    (tmp_path / "dh").mkdir()
    holder = subprocess.Popen([sys.executable, "-c", (
        "import fcntl, sys, time; f = open(sys.argv[1], 'a+'); fcntl.flock(f, fcntl.LOCK_EX); "
        "f.write('pid test'); f.flush(); print('locked', flush=True); time.sleep(60)"),
        str(tmp_path / "dh" / "claims-run.lock")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        _inbox(tmp_path, 3)
        env = dict(_env(tmp_path), CLAIMS_RUN_WAIT_SECONDS="2")
        started = time.monotonic()
        waited = subprocess.run([sys.executable, "-m", "pipelines.cli", "run", "--no-remote"], cwd=REPO_ROOT,
                                env=env, capture_output=True, text=True, timeout=120)
        assert waited.returncode == 2, waited.stdout + waited.stderr
        assert time.monotonic() - started < 60
        last = waited.stderr.strip().splitlines()[-1]
        assert last.startswith("error: another `claims run`") and "Traceback" not in waited.stderr
    finally:
        holder.kill()
        holder.wait()


def test_two_runs_on_the_same_inbox_extract_each_input_once(tmp_path):
    """The second run waits for the first (the run lock), then plans against what it wrote."""
    _inbox(tmp_path, 150)
    first = _claims(tmp_path, "run", "--no-remote")
    time.sleep(0.5)
    second = _claims(tmp_path, "run", "--no-remote")
    outs = [p.communicate(timeout=900)[0] for p in (first, second)]
    assert first.returncode == second.returncode == 0, outs
    assert sum("Processed 1 new or changed input" in out for out in outs) == 1, outs
    assert sum("the warehouse is up to date" in out for out in outs) == 1, outs
    con = duckdb.connect(str(tmp_path / "wh" / "warehouse.duckdb"), read_only=True)
    assert con.execute("SELECT count(*), count(DISTINCT article_id) FROM article_extractions").fetchone() == (150, 150)
    con.close()


def test_two_runs_at_once_both_succeed(tmp_path):
    _inbox(tmp_path, 150, "first.jsonl")
    first = _claims(tmp_path, "run", "--no-remote")
    time.sleep(0.5)
    _inbox(tmp_path, 150, "second.jsonl", start=1000)
    second = _claims(tmp_path, "run", "--no-remote")
    out1, _ = first.communicate(timeout=900)
    out2, _ = second.communicate(timeout=900)
    assert first.returncode == 0, out1
    assert second.returncode == 0, out2
    con = duckdb.connect(str(tmp_path / "wh" / "warehouse.duckdb"), read_only=True)
    n_articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    n_extracted = con.execute("SELECT count(*) FROM article_extractions").fetchone()[0]
    con.close()
    assert n_articles == n_extracted == 300


@contextlib.contextmanager
def _small_filesystem(path, size_kb):
    """A tmpfs of the given size at path (root only); skip where mounting is not allowed."""
    path.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(path)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here ({mounted.stderr.strip()}); disk-full test skipped")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def _run_on(root, warehouse, *args):
    env = dict(_env(root), CLAIMS_WAREHOUSE=str(warehouse))
    (root / "dh").mkdir(exist_ok=True)
    return subprocess.run([sys.executable, "-m", "pipelines.cli", "run", "--no-remote", *args], cwd=REPO_ROOT,
                          env=env, capture_output=True, text=True, timeout=900)


@pytest.mark.parametrize("fault", ["disk_full", "read_only"])
def test_unwritable_warehouse_fails_clearly_and_leaves_no_corrupt_file(tmp_path, fault):
    _inbox(tmp_path, 5)
    first = _claims(tmp_path, "run", "--no-remote")
    out, _ = first.communicate(timeout=600)
    assert first.returncode == 0, out
    built = tmp_path / "wh" / "warehouse.duckdb"
    size_kb = built.stat().st_size // 1024
    with _small_filesystem(tmp_path / "small", size_kb + 96) as small:
        db_path = small / "warehouse.duckdb"
        shutil.copy(built, db_path)
        before = _snapshot(db_path)
        _inbox(tmp_path, 400, "more.jsonl", start=100)
        if fault == "read_only":
            subprocess.run(["mount", "-o", "remount,ro", str(small)], check=True)
        failed = _run_on(tmp_path, db_path)
        assert failed.returncode != 0, failed.stdout + failed.stderr
        last_line = (failed.stderr.strip().splitlines() or [""])[-1]
        assert last_line.startswith("error:"), failed.stderr[-2000:]
        assert "Traceback" not in last_line
        # The file is intact: it opens, and holds exactly what it held before the failed run.
        assert _snapshot(db_path) == before
