"""Entries of raw/ that are not readable regular files: listed by discovery with their problem,
never opened (a FIFO would block the run), and quarantined by ingest with a reason."""

import os

import pytest

from pipelines.config import Settings
from pipelines.ingest.files import ENTRY_PROBLEMS, REJECTION_REASONS, discover, entry_problem
from pipelines.steps.ingest import ingest_input
from pipelines.store import db

GOOD = "Title\n\nThe mayor said the budget would pass on Monday.\n"


@pytest.fixture
def inbox(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "good.txt").write_text(GOOD)
    os.mkfifo(raw / "pipe.txt")
    (raw / "dangling.txt").symlink_to(raw / "gone.txt")
    (raw / "inside.txt").symlink_to(raw / "good.txt")
    return raw


def test_every_problem_has_a_reason_and_advice():
    assert set(ENTRY_PROBLEMS) <= set(REJECTION_REASONS)
    assert all(ENTRY_PROBLEMS.values())


def test_discovery_lists_fifos_and_broken_links_with_their_problem(inbox):
    found = {item.input_key: item.problem for item in discover(inbox)}
    assert found == {"good.txt": None, "inside.txt": None, "pipe.txt": "not_a_regular_file",
                     "dangling.txt": "broken_symlink"}
    assert entry_problem(inbox / "good.txt", inbox.resolve()) is None


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file: permissions cannot be tested as root")
def test_an_unreadable_file_and_directory_are_listed(inbox):
    (inbox / "secret.txt").write_text(GOOD)
    (inbox / "secret.txt").chmod(0)
    (inbox / "closed").mkdir()
    (inbox / "closed" / "a.txt").write_text(GOOD)
    (inbox / "closed").chmod(0)
    try:
        found = {item.input_key: item.problem for item in discover(inbox)}
        assert found["secret.txt"] == "unreadable" and found["closed"] == "unreadable"
    finally:
        (inbox / "closed").chmod(0o755)


def test_ingest_quarantines_each_problem_entry_and_reads_the_rest(inbox, tmp_path):
    settings = Settings.from_values(raw_dir=str(inbox), warehouse=str(tmp_path / "wh.duckdb"), reports_dir="",
                                    sources_file=str(tmp_path / "none.yaml"), aliases_file=str(tmp_path / "none.yaml"),
                                    spacy_model="unused")
    with db.connect(settings.warehouse_path) as con:
        db.apply_sql(con)
        stats = {item.input_key: ingest_input(con, settings, item.input_key) for item in discover(inbox)}
        assert stats["good.txt"].articles == 1 and stats["inside.txt"].articles == 1
        rows = dict(con.execute("SELECT source, reason FROM quarantine ORDER BY source").fetchall())
        assert rows == {"dangling.txt": "broken_symlink", "pipe.txt": "not_a_regular_file"}
        details = [d for (d,) in con.execute("SELECT detail FROM quarantine").fetchall()]
        assert all("remove" in d or "fix" in d for d in details)
        # idempotent: a second pass adds nothing and the entries are no longer due
        for key in stats:
            ingest_input(con, settings, key)
        assert con.execute("SELECT count(*) FROM quarantine").fetchone()[0] == 2
        from pipelines.steps.planning import discover_inputs, due_inputs
        due = due_inputs(con, discover_inputs(settings, include_remote=False))
        assert "pipe.txt" not in due and "dangling.txt" not in due  # (the good files await extraction)
