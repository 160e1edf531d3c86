"""The whole pipeline through Dagster on a small inbox of our own: runs, is idempotent, is incremental."""

import json
import textwrap

import duckdb
import pytest

from tests.snapshots import snapshot

pytestmark = pytest.mark.integration  # the slow tier: `make test-fast` leaves it out

TABLES = ("articles", "quarantine", "entities", "entity_mentions", "quotations", "time_expressions", "claims",
          "stances", "raw_inputs", "article_extractions")

ARTICLE = textwrap.dedent("""\
    ---
    title: Harbor council approves the new ferry line
    publisher: Test Gazette
    published: 2024-05-14
    url: https://gazette.example/ferry
    ---
    Harbor council approves the new ferry line

    The harbor council voted 7 to 2 on Monday to fund a ferry line to the islands.

    "This line will cut commuting times in half," said Maria Lopez, the council chair. She added that
    the first boats would sail in 2025.

    Opposition leader Tom Becker warned that the budget could double by next year.

    Lopez praised Governor Ann Reyes for backing the ferry line.
""")


def _snapshot(path):
    return snapshot(path, TABLES)


@pytest.fixture
def inbox(isolated_env):
    raw = isolated_env / "raw"
    (raw / "local").mkdir()
    (raw / "local" / "ferry.md").write_text(ARTICLE, encoding="utf-8")
    (raw / "broken.json").write_text('{"title": "unterminated', encoding="utf-8")
    (raw / "empty.txt").write_text("", encoding="utf-8")
    return isolated_env


def test_run_is_idempotent_and_incremental(inbox):
    from pipelines.cli.run_driver import run_pipeline

    warehouse = inbox / "warehouse" / "warehouse.duckdb"
    first = run_pipeline()
    assert first.success, first.runs
    assert sorted(first.due) == ["broken.json", "empty.txt", "local/ferry.md"]
    assert first.current_articles == 1
    assert first.counts["quarantine"] == 2
    before = _snapshot(warehouse)

    con = duckdb.connect(str(warehouse), read_only=True)
    reasons = {r[0] for r in con.execute("SELECT reason FROM quarantine").fetchall()}
    published = con.execute("SELECT published_at::DATE::VARCHAR, published_source FROM articles").fetchone()
    con.close()
    assert len(reasons) == 2
    assert published == ("2024-05-14", "front_matter")

    second = run_pipeline()
    assert second.due == [] and second.runs == []
    assert _snapshot(warehouse) == before

    forced = run_pipeline(force=True)
    assert forced.success
    assert _snapshot(warehouse) == before, "re-processing everything must give the same rows"

    (inbox / "raw" / "second.txt").write_text("Second story\n\nThe mayor said the bridge will reopen on Friday.\n")
    third = run_pipeline()
    assert third.due == ["second.txt"]
    assert third.current_articles == 2


def test_timeline_command_writes_chart_and_page(inbox, capsys):
    from pipelines.cli import main
    from pipelines.cli.run_driver import run_pipeline

    assert run_pipeline().success
    reports = inbox / "warehouse" / "reports" / "holders"
    assert (reports / "index.html").exists(), "the holder_reports asset writes an index page"
    assert main(["timeline", "--holder", "maria lopez", "--by", "year"]) == 0  # names match in any case
    out = capsys.readouterr().out
    assert "Stance of maria lopez" in out
    assert main(["timeline", "--holder", "Maria Lopes"]) == 2  # unknown: says so, suggests, writes nothing
    err = capsys.readouterr().err
    assert "no stances held by 'Maria Lopes'" in err and "did you mean 'Maria Lopez'" in err
    assert not list(reports.glob("stance_maria-lopes*"))
    assert main(["timeline", "--holder", "Maria Lopez", "--by", "year"]) == 0
    pages = list(reports.glob("stance_maria-lopez_year.*"))
    assert {p.suffix for p in pages} == {".png", ".html"}
    html = (reports / "stance_maria-lopez_year.html").read_text()
    assert "data:image/png;base64," in html


def test_a_run_whose_checks_did_not_finish_is_checked_again_before_up_to_date(inbox):
    from pipelines.cli.run_driver import _unvalidated_marker, format_summary, run_pipeline
    from pipelines.config import Settings

    first = run_pipeline()
    assert first.success and first.due
    marker = _unvalidated_marker(Settings.from_env())
    assert not marker.exists(), "a run whose checks and refresh passed leaves no marker"
    # What a crash during the checks leaves behind (the marker is written before the run starts).
    marker.write_text(json.dumps(first.due))
    again = run_pipeline()
    assert again.due == [] and again.revalidated == first.due and again.success
    assert "Checked again" in format_summary(again) and "up to date" not in format_summary(again)
    assert not marker.exists()
    assert "up to date" in format_summary(run_pipeline())
