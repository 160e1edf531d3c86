"""Resources and executor for the code location (picked up by the defs autoloader)."""

import dagster as dg

from pipelines.defs.resources import default_resources


@dg.definitions
def resources() -> dg.Definitions:
    # In-process: each multiprocess step costs seconds to start on 2 cores, and the steps here are coarse.
    return dg.Definitions(resources=default_resources(), executor=dg.in_process_executor)
