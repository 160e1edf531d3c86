"""One dynamic partition per input: an inbox-relative path, or `remote:<source name>`.

New or changed inputs add or re-run their own partition only, so runs stay incremental;
a backfill over all partitions re-processes everything.
"""

import dagster as dg

source_partitions = dg.DynamicPartitionsDefinition(name="sources")
