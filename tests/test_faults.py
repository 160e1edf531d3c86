"""Faults: a run killed with SIGKILL mid-write, two runs at once, an unwritable warehouse."""

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


def test_unwritable_warehouse_fails_clearly_and_leaves_no_corrupt_file(tmp_path):
    _inbox(tmp_path, 5)
    first = _claims(tmp_path, "run", "--no-remote")
    out, _ = first.communicate(timeout=600)
    assert first.returncode == 0, out
    db_path = tmp_path / "wh" / "warehouse.duckdb"
    before = _snapshot(db_path)
    _inbox(tmp_path, 5, "more.jsonl", start=100)
    # A file-size limit makes every write past it fail as on a full disk (EFBIG), even for root.
    limited = _claims(tmp_path, "run", "--no-remote",
                      preexec_fn=lambda: (signal.signal(signal.SIGXFSZ, signal.SIG_IGN),
                                          __import__("resource").setrlimit(__import__("resource").RLIMIT_FSIZE,
                                                                           (db_path.stat().st_size, db_path.stat().st_size))))
    out, _ = limited.communicate(timeout=600)
    assert limited.returncode != 0, out
    assert "Traceback" not in out.splitlines()[-1] if out else True
    assert _snapshot(db_path) == before, "a failed write must leave the previous state intact"
