"""Notice new or changed files in raw/ and run just their partitions."""

import json

import dagster as dg

from pipelines.config import Settings
from pipelines.defs.jobs import ingest_and_extract_job
from pipelines.defs.partitions import source_partitions


def file_fingerprints(raw_dir) -> dict[str, str]:
    from pipelines.ingest.files import discover

    return {item.partition_key: item.sha256 for item in discover(raw_dir)}


def plan_inbox_runs(previous: dict[str, str], current: dict[str, str]) -> list[str]:
    """Partition keys whose file is new or whose bytes changed (deleted files are ignored)."""
    return sorted(key for key, digest in current.items() if previous.get(key) != digest)


@dg.sensor(
    job=ingest_and_extract_job,
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Watches raw/ (any depth): a new or changed file becomes a partition and a run.",
)
def raw_inbox_sensor(context: dg.SensorEvaluationContext) -> dg.SensorResult:
    previous = json.loads(context.cursor) if context.cursor else {}
    current = file_fingerprints(Settings.from_env().raw_dir)
    due = plan_inbox_runs(previous, current)
    existing = set(context.instance.get_dynamic_partitions(source_partitions.name))
    new_keys = [key for key in due if key not in existing]
    return dg.SensorResult(
        run_requests=[dg.RunRequest(run_key=f"{key}@{current[key][:16]}", partition_key=key) for key in due],
        dynamic_partitions_requests=[source_partitions.build_add_request(new_keys)] if new_keys else [],
        cursor=json.dumps(current, sort_keys=True),
    )
