"""The sensor, the schedule and `claims run` plan with one planner against `raw_inputs`: after a
run nothing is due, a dropped file is one run, and asking twice for the same due set is one run."""

from datetime import datetime

import dagster as dg
import pytest

from pipelines.defs.partitions import RANGE_END, RANGE_START, source_partitions
from pipelines.defs.resources import default_resources
from pipelines.defs.schedules import remote_sources_schedule
from pipelines.defs.sensors import raw_inbox_sensor
from pipelines.steps import planning


def _tick(instance):
    resources = default_resources()
    context = dg.build_sensor_context(instance=instance, resources={k: resources[k] for k in ("inbox", "warehouse")})
    return raw_inbox_sensor(context)


def _write(raw, name, body):
    path = raw / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"Title {name}\n\n{body}\n")


def test_one_run_for_everything_due_with_a_key_naming_the_due_set(isolated_env):
    raw = isolated_env / "raw"
    _write(raw, "a.txt", "Some body text about the council.")
    _write(raw, "sub/b.md", "Another body.")
    with dg.instance_for_test() as instance:
        first = _tick(instance)
        assert len(first.run_requests) == 1
        request = first.run_requests[0]
        # one partition per folder: the inbox's top level and sub/
        assert {request.tags[RANGE_START], request.tags[RANGE_END]} == {"raw/", "raw/sub/"}
        assert sorted(instance.get_dynamic_partitions(source_partitions.name)) == ["raw/", "raw/sub/"]
        assert request.tags["claims/due_inputs"] == "2"
        # Nothing was processed yet: the same due set, the same run key (Dagster runs it once).
        assert _tick(instance).run_requests[0].run_key == request.run_key
        _write(raw, "a.txt", "Some body text about the council, corrected.")
        assert _tick(instance).run_requests[0].run_key != request.run_key


def test_the_sensor_skips_while_a_run_writes_the_warehouse(isolated_env):
    import subprocess
    import sys

    from pipelines.config import Settings

    _write(isolated_env / "raw", "a.txt", "Body.")
    path = Settings.from_env().warehouse_path
    path.parent.mkdir(parents=True)
    writer = subprocess.Popen([sys.executable, "-c", (
        "import duckdb, sys, time; con = duckdb.connect(sys.argv[1]); print('open', flush=True); time.sleep(60)"),
        str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "open"
        with dg.instance_for_test() as instance:
            result = _tick(instance)
        assert isinstance(result, dg.SkipReason) and "writing" in result.skip_message
    finally:
        writer.kill()
        writer.wait()


@pytest.mark.integration
def test_after_claims_run_the_sensor_queues_nothing_and_a_new_file_once(isolated_env):
    from pipelines.cli.run_driver import run_pipeline

    raw = isolated_env / "raw"
    _write(raw, "a.txt", "The mayor said on Monday that the council would approve the budget.")
    summary = run_pipeline(include_remote=False)
    assert summary.success and summary.due == ["a.txt"]
    with dg.instance_for_test() as instance:
        assert isinstance(_tick(instance), dg.SkipReason)
        _write(raw, "b.txt", "The governor said the plan was unfair to farmers.")
        requests = _tick(instance).run_requests
        assert len(requests) == 1 and requests[0].tags[RANGE_START] == requests[0].tags[RANGE_END] == "raw/"
        assert requests[0].tags["claims/due_inputs"] == "1"
    assert run_pipeline(include_remote=False).due == ["b.txt"]
    assert run_pipeline(include_remote=False).due == []


def test_schedule_polls_every_remote_source_in_one_run(isolated_env):
    (isolated_env / "sources.yaml").write_text(
        "sources:\n  - {name: one, url: 'https://example.invalid/feed.xml'}\n"
        "  - {name: two, url: 'https://example.invalid/page.html', kind: page}\n")
    resources = default_resources()
    with dg.instance_for_test() as instance:
        context = dg.build_schedule_context(instance=instance, scheduled_execution_time=datetime(2026, 12, 1, 10),
                                            resources={k: resources[k] for k in ("inbox", "warehouse")})
        request = remote_sources_schedule(context)
        assert {request.tags[RANGE_START], request.tags[RANGE_END]} == {"remote:one", "remote:two"}


def test_plan_is_everything_on_an_empty_warehouse_and_ignores_deleted_files(isolated_env):
    from pipelines.config import Settings

    _write(isolated_env / "raw", "a.txt", "Body.")
    assert planning.plan(Settings.from_env()).due == ["a.txt"]
    (isolated_env / "raw" / "a.txt").unlink()
    assert planning.plan(Settings.from_env()).due == []


@pytest.mark.integration
def test_a_broken_sources_yaml_skips_remote_sources_not_the_inbox(isolated_env, capsys):
    from pipelines.cli.run_driver import run_pipeline

    (isolated_env / "sources.yaml").write_text("sources: [ {name: x\n")
    _write(isolated_env / "raw", "a.txt", "The mayor said the council would approve the budget.")
    summary = run_pipeline()
    assert summary.success and summary.due == ["a.txt"] and summary.warnings
    assert "remote sources skipped" in capsys.readouterr().err


def test_partitions_are_folders_of_the_inbox_and_remote_sources():
    assert planning.partition_for("a.txt") == "raw/"
    assert planning.partition_for("news/2019/b.html") == "raw/news/2019/"
    assert planning.partition_for("remote:guardian") == "remote:guardian"
    keys = ["a.txt", "news/b.html", "news/c.html", "news/2019/d.html", "remote:guardian"]
    assert planning.partitions_for(keys) == ["raw/", "raw/news/", "raw/news/2019/", "remote:guardian"]
    assert planning.in_partitions(keys, ["raw/news/"]) == ["news/b.html", "news/c.html"]
    assert planning.in_partitions(keys, ["raw/news/"], only=["news/c.html", "a.txt"]) == ["news/c.html"]
    assert not planning.is_partition_key("news/b.html")  # a per-file partition of earlier versions


def test_per_file_partitions_of_earlier_versions_are_dropped_when_partitions_are_registered():
    from pipelines.defs.partitions import register_partitions

    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions(source_partitions.name, ["a.txt", "news/b.html", "raw/"])
        register_partitions(instance, ["raw/news/"])
        assert instance.get_dynamic_partitions(source_partitions.name) == ["raw/", "raw/news/"]


def test_a_plan_made_again_after_the_warehouse_changed_is_a_new_run(isolated_env):
    """An interrupted run (ingested, not extracted) leaves the same files due: the plan's key
    must differ from the first one, or the sensor would never ask again (Dagster runs a run key once)."""
    from pipelines.config import Settings
    from pipelines.steps.ingest import ingest_inputs
    from pipelines.store import db

    raw = isolated_env / "raw"
    _write(raw, "a.txt", "The mayor said on Monday that the council would approve the budget.")
    settings = Settings.from_env()
    first = planning.plan(settings, include_remote=False)
    with db.connect(settings.warehouse_path) as con:
        db.apply_sql(con)
        ingest_inputs(con, settings, first.due)  # killed before extraction
    again = planning.plan(settings, include_remote=False)
    assert again.due == first.due == ["a.txt"]
    assert again.fingerprint != first.fingerprint
    request = planning.plan(settings, include_remote=False)
    assert request.fingerprint == again.fingerprint  # nothing changed since: the same key


def test_a_warehouse_of_an_earlier_version_is_planned_without_failing(isolated_env):
    from pipelines.config import Settings
    from pipelines.store import db

    raw = isolated_env / "raw"
    _write(raw, "a.txt", "Some body text about the council.")
    settings = Settings.from_env()
    with db.connect(settings.warehouse_path) as con:
        db.apply_sql(con)
        con.execute("ALTER TABLE raw_inputs RENAME COLUMN input_key TO partition_key")  # as before issue 17
    assert planning.plan(settings, include_remote=False).due == ["a.txt"]  # the run migrates it


def test_the_run_config_names_the_partitions_of_the_due_inputs():
    from pipelines.defs.partitions import run_config_for_inputs

    config = run_config_for_inputs(["news/a.json", "b.md", "remote:feed"], only=["b.md"])
    assert config["ops"]["articles"]["config"] == {"force": False, "inputs": ["b.md"],
                                                   "partitions": ["raw/", "raw/news/", "remote:feed"]}
    assert planning.is_partition_key("raw/news/") and not planning.is_partition_key("raw/x.json")
