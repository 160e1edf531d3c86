"""One dynamic partition per input: an inbox-relative path, or `remote:<source name>`.

New or changed inputs add or re-run their own partition only, so runs stay incremental;
a backfill over all partitions re-processes everything.
"""

import dagster as dg

source_partitions = dg.DynamicPartitionsDefinition(name="sources")
RANGE_START = "dagster/asset_partition_range_start"
RANGE_END = "dagster/asset_partition_range_end"


def register_partitions(instance: dg.DagsterInstance, keys: list[str]) -> None:
    """Add the keys that are not partitions yet (the one place partitions are registered)."""
    existing = set(instance.get_dynamic_partitions(source_partitions.name))
    missing = [key for key in keys if key not in existing]
    if missing:
        instance.add_dynamic_partitions(source_partitions.name, missing)


def range_tags(instance: dg.DagsterInstance, keys: list[str]) -> dict[str, str]:
    """Tags for one run over the partition range that spans `keys` (the assets' single-run
    backfill policy takes a range; registered partitions inside it that are not due are skipped
    by content hash). Register the keys first."""
    names = instance.get_dynamic_partitions(source_partitions.name)
    order = {key: i for i, key in enumerate(names)}
    positions = sorted(order[key] for key in keys)
    return {RANGE_START: names[positions[0]], RANGE_END: names[positions[-1]]}


def due_run_request(instance: dg.DagsterInstance, plan, prefix: str) -> dg.RunRequest:
    """One run for everything due in `plan` (a pipelines.steps.planning.Plan). Its run key names
    the due inputs and their content, so asking again for the same plan (the sensor's next tick
    while the run is still queued) requests nothing new, and a file changed again is a new run."""
    register_partitions(instance, plan.due)
    return dg.RunRequest(run_key=f"{prefix}:{plan.fingerprint}",
                         tags={**range_tags(instance, plan.due), "claims/due_inputs": str(len(plan.due))})
