"""Poll the remote sources listed in sources.yaml (conditional GET keeps unchanged ones cheap)."""

import dagster as dg

from pipelines.defs.jobs import ingest_and_extract_job
from pipelines.defs.partitions import due_run_request
from pipelines.defs.resources import InboxResource, WarehouseResource


@dg.schedule(
    job=ingest_and_extract_job,
    cron_schedule="0 * * * *",
    default_status=dg.DefaultScheduleStatus.STOPPED,
    description="Hourly: fetch every remote source in sources.yaml (feeds and pages), in one run.",
)
def remote_sources_schedule(context: dg.ScheduleEvaluationContext, inbox: InboxResource,
                            warehouse: WarehouseResource):
    from pipelines.steps import planning

    plan = planning.plan(inbox.settings(warehouse), include_files=False)
    if not plan:
        return dg.SkipReason("no remote sources configured in sources.yaml")
    stamp = context.scheduled_execution_time.isoformat()
    return due_run_request(context.instance, plan, f"remote@{stamp}")
