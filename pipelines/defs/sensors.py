"""Notice new or changed files in raw/ and run everything due in one run."""

import dagster as dg

from pipelines.defs.jobs import ingest_and_extract_job
from pipelines.defs.partitions import due_run_request
from pipelines.defs.resources import InboxResource, WarehouseResource

# A run that is writing holds the DuckDB file; the sensor then waits this long at most and looks
# again at its next tick (what the run is writing is not due any more by then).
LOCK_WAIT_SECONDS = 2.0


@dg.sensor(
    job=ingest_and_extract_job,
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Watches raw/ (any depth): new or changed files (by content hash against the "
                "warehouse's raw_inputs) start one run over their folders' partitions.",
)
def raw_inbox_sensor(context: dg.SensorEvaluationContext, inbox: InboxResource,
                     warehouse: WarehouseResource) -> dg.SensorResult | dg.SkipReason:
    import duckdb

    from pipelines.steps import planning

    try:
        plan = planning.plan(inbox.settings(warehouse), include_remote=False, lock_wait_seconds=LOCK_WAIT_SECONDS)
    except duckdb.IOException as exc:
        if "lock" not in str(exc).lower():
            raise
        return dg.SkipReason("a run is writing the warehouse; the inbox is looked at again at the next tick")
    if not plan:
        return dg.SkipReason("nothing new or changed in the inbox")
    return dg.SensorResult(run_requests=[due_run_request(context.instance, plan, "inbox")])
