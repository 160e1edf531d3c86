"""Errors for people (issue 15, finding 8): one line that says what went wrong and what to do,
exit code 2, no traceback unless --debug; a closed pipe (`| head`) ends quietly."""

import errno
import os
import subprocess
import sys

import duckdb
import pytest

from pipelines.cli.errors import describe_error

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def claims(tmp_path, *args, shell_tail=""):
    env = dict(os.environ, CLAIMS_WAREHOUSE=str(tmp_path / "warehouse.duckdb"), CLAIMS_RAW_DIR=str(tmp_path / "raw"),
               CLAIMS_DAGSTER_STATE=str(tmp_path / "dh"), DAGSTER_HOME=REPO_ROOT)
    command = " ".join([sys.executable, "-m", "pipelines.cli", *args]) + shell_tail
    return subprocess.run(command, shell=True, executable="/bin/bash", cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("code, words", [
    (errno.ENOSPC, "no space left"), (errno.EROFS, "read-only file system"),
    (errno.EACCES, "permission denied"), (errno.ENOENT, "not found"),
])
def test_os_errors_say_what_happened(code, words):
    line = describe_error(OSError(code, os.strerror(code), "/data/warehouse.duckdb"))
    assert words in line and "/data/warehouse.duckdb" in line
    assert "written" not in line or code in (errno.ENOSPC, errno.EROFS)


def test_a_read_error_is_not_worded_as_a_write_error():
    assert "write" not in describe_error(PermissionError(errno.EACCES, "Permission denied", "raw/a.txt"))


def test_duckdb_messages_become_advice():
    corrupt = duckdb.IOException('The file "w.duckdb" exists, but it is not a valid DuckDB database file!')
    assert "move it aside" in describe_error(corrupt)
    assert "another process" in describe_error(duckdb.IOException("Could not set lock on file \"w.duckdb\""))


def test_a_damaged_warehouse_is_one_line_and_exit_2_and_debug_shows_the_traceback(tmp_path):
    (tmp_path / "warehouse.duckdb").write_bytes(b"this is not a database" * 100)
    plain = claims(tmp_path, "timeline", "--holder", "Putin")
    assert plain.returncode == 2, plain.stderr
    lines = plain.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and "move it aside" in lines[0], plain.stderr
    debug = claims(tmp_path, "--debug", "timeline", "--holder", "Putin")
    assert debug.returncode == 2 and "Traceback" in debug.stderr


def test_a_closed_pipe_ends_quietly(tmp_path):
    duckdb.connect(str(tmp_path / "warehouse.duckdb")).close()
    done = claims(tmp_path, "query", "'SELECT range AS n FROM range(200000)'", "--limit", "0",
                  shell_tail=" | head -n 2; exit ${PIPESTATUS[0]}")
    assert done.stdout.splitlines()[0].strip() == "n"
    assert done.stderr == "", done.stderr
    assert done.returncode in (0, 141)
