"""Jobs the sensor and schedule launch: one partition (a folder of raw/ or a remote source), or a
range of them, through ingest and extraction."""

import dagster as dg

from pipelines.defs.partitions import source_partitions

ingest_and_extract_job = dg.define_asset_job(
    name="ingest_and_extract",
    selection=dg.AssetSelection.groups("ingest", "extraction"),
    partitions_def=source_partitions,
    description="Read what is new or changed in the partitions (folders of raw/, remote sources) into "
                "articles, then extract everything from it; config `inputs` limits a run to named files.",
)

analytics_job = dg.define_asset_job(
    name="refresh_analytics",
    selection=dg.AssetSelection.groups("analytics"),
    description="Recreate the timeline views and the holder report pages.",
)

reextract_job = dg.define_asset_job(
    name="reextract",
    selection=dg.AssetSelection.groups("extraction"),
    partitions_def=source_partitions,
    description="Re-extract from the stored article text (no raw re-read), e.g. after an extractor "
                "version bump: articles whose extraction was made by another version are redone.",
)

ingest_and_extract_multiprocess_job = dg.define_asset_job(
    name="ingest_and_extract_multiprocess",
    selection=dg.AssetSelection.groups("ingest", "extraction"),
    partitions_def=source_partitions,
    executor_def=dg.multiprocess_executor.configured({"max_concurrent": 4}),
    description="The same steps under the multiprocess executor, for machines with more cores "
                "(see docs/scaling.md); writing steps still queue on the duckdb_write pool.",
)
