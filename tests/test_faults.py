"""Faults: a run killed with SIGKILL mid-write, two runs at once, an unwritable warehouse."""

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from tests.conftest import REPO_ROOT
from tests.snapshots import snapshot
from tests.synthetic import write_corpus

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


def test_kill_9_mid_write_then_rerun_loses_and_duplicates_nothing(tmp_path):
    clean, killed = tmp_path / "clean", tmp_path / "killed"
    for root in (clean, killed):
        _inbox(root, 1500)
    done = _claims(clean, "run", "--no-remote")
    out, _ = done.communicate(timeout=900)
    assert done.returncode == 0, out

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
