"""One dynamic partition per folder of raw/ ("raw/", "raw/news/2019/") and per remote source
(`remote:<source name>`); which files a partition holds and their state are in the warehouse
(`raw_inputs`), not in Dagster (pipelines/steps/planning.py says why).

A run over some partitions processes only what is new or changed in them (by content hash), or
everything in them with `force` (a backfill launched with `force: true` re-processes everything).
"""

import dagster as dg

source_partitions = dg.DynamicPartitionsDefinition(name="sources")
RANGE_START = "dagster/asset_partition_range_start"
RANGE_END = "dagster/asset_partition_range_end"


def register_partitions(instance: dg.DagsterInstance, partitions: list[str]) -> None:
    """Add the partitions that are not registered yet (the one place partitions are registered),
    and drop the per-file partitions an earlier version registered: they would crowd the UI."""
    from pipelines.steps.planning import is_partition_key  # planning loads the readers: not at load

    existing = instance.get_dynamic_partitions(source_partitions.name)
    for stale in (key for key in existing if not is_partition_key(key)):
        instance.delete_dynamic_partition(source_partitions.name, stale)
    known = set(existing)
    missing = [key for key in partitions if key not in known]
    if missing:
        instance.add_dynamic_partitions(source_partitions.name, missing)


def range_tags(instance: dg.DagsterInstance, partitions: list[str]) -> dict[str, str]:
    """Tags for one run over the partition range that spans `partitions` (the assets' single-run
    backfill policy takes a range; a partition inside it with nothing due costs a hash check per
    file). Register the partitions first."""
    names = instance.get_dynamic_partitions(source_partitions.name)
    order = {key: i for i, key in enumerate(names)}
    positions = sorted(order[key] for key in partitions)
    return {RANGE_START: names[positions[0]], RANGE_END: names[positions[-1]]}


def run_tags_for_inputs(instance: dg.DagsterInstance, input_keys: list[str]) -> dict[str, str]:
    """Register the partitions of the inputs and tag one run over them."""
    from pipelines.steps.planning import partitions_for

    partitions = partitions_for(input_keys)
    register_partitions(instance, partitions)
    return {**range_tags(instance, partitions), "claims/due_inputs": str(len(input_keys)),
            "claims/partitions": str(len(partitions))}


def run_config_for_inputs(input_keys: list[str], force: bool = False, only: list[str] = ()) -> dict:
    """The ingest-and-extract run's config: the partitions of the inputs (a range can span
    partitions that have nothing due, e.g. a remote source registered between two folders: the
    run leaves those alone), `force`, and the inputs named to be re-processed."""
    from pipelines.steps.planning import partitions_for

    config = {"force": force, "inputs": list(only), "partitions": partitions_for(input_keys)}
    return {"ops": {"articles": {"config": config}, "extraction": {"config": config}}}


def due_run_request(instance: dg.DagsterInstance, plan, prefix: str) -> dg.RunRequest:
    """One run for everything due in `plan` (a pipelines.steps.planning.Plan). Its run key is the
    plan's fingerprint, so asking again for the same plan (the sensor's next tick while the run
    is still queued) requests nothing new, and a file changed again is a new run."""
    return dg.RunRequest(run_key=f"{prefix}:{plan.fingerprint}", tags=run_tags_for_inputs(instance, plan.due),
                         run_config=run_config_for_inputs(plan.due))
