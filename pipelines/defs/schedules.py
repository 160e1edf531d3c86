"""Poll the remote sources listed in sources.yaml (conditional GET keeps unchanged ones cheap)."""

import dagster as dg

from pipelines.config import Settings
from pipelines.defs.jobs import ingest_and_extract_job
from pipelines.defs.partitions import source_partitions


@dg.schedule(
    job=ingest_and_extract_job,
    cron_schedule="0 * * * *",
    default_status=dg.DefaultScheduleStatus.STOPPED,
    description="Hourly: fetch every remote source in sources.yaml (feeds and pages) as its own partition.",
)
def remote_sources_schedule(context: dg.ScheduleEvaluationContext):
    from pipelines.ingest.remote import load_sources
    from pipelines.runner import REMOTE_PREFIX

    keys = [REMOTE_PREFIX + source.name for source in load_sources(Settings.from_env().sources_file)]
    if not keys:
        return dg.SkipReason("no remote sources configured in sources.yaml")
    existing = set(context.instance.get_dynamic_partitions(source_partitions.name))
    missing = [key for key in keys if key not in existing]
    if missing:
        context.instance.add_dynamic_partitions(source_partitions.name, missing)
    stamp = context.scheduled_execution_time.isoformat()
    return [dg.RunRequest(run_key=f"{key}@{stamp}", partition_key=key) for key in keys]
