"""The inbox sensor asks for a run for a new or changed file and ignores unchanged ones."""

import json

import dagster as dg

from pipelines.defs.sensors import plan_inbox_runs, raw_inbox_sensor


def _tick(instance, cursor):
    context = dg.build_sensor_context(instance=instance, cursor=cursor)
    return raw_inbox_sensor(context)


def test_sensor_picks_up_new_and_changed_files_only(isolated_env):
    raw = isolated_env / "raw"
    (raw / "a.txt").write_text("Title A\n\nSome body text about the council.\n")
    with dg.instance_for_test() as instance:
        first = _tick(instance, None)
        assert [r.partition_key for r in first.run_requests] == ["a.txt"]
        assert first.dynamic_partitions_requests[0].partition_keys == ["a.txt"]

        unchanged = _tick(instance, first.cursor)
        assert unchanged.run_requests == []

        (raw / "sub").mkdir()
        (raw / "sub" / "b.md").write_text("Title B\n\nAnother body.\n")
        (raw / "a.txt").write_text("Title A\n\nSome body text about the council, corrected.\n")
        later = _tick(instance, unchanged.cursor)
        assert sorted(r.partition_key for r in later.run_requests) == ["a.txt", "sub/b.md"]
        assert json.loads(later.cursor).keys() == {"a.txt", "sub/b.md"}


def test_plan_ignores_deleted_files():
    assert plan_inbox_runs({"gone.txt": "1", "same.txt": "2"}, {"same.txt": "2"}) == []
