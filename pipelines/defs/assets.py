"""Assets: raw inputs -> articles -> entities, quotations, time expressions, claims, stances -> views."""

import dagster as dg

from pipelines.defs.partitions import source_partitions
from pipelines.defs.resources import ExtractorResource, InboxResource, WarehouseResource

DUCKDB_POOL = "duckdb_write"
EXTRACTION_TABLES = ("entities", "quotations", "time_expressions", "claims", "stances")


class ReprocessConfig(dg.Config):
    """force=True re-reads (articles) or re-extracts (extraction) even when nothing changed;
    inputs: re-process just these inputs of the run's partitions (inbox-relative paths or
    remote:<name>), changed or not; empty: every due input of the partitions. partitions: the
    ones the run is for, when its range spans others (the sensor and `claims run` set it)."""

    force: bool = False
    inputs: list[str] = []
    partitions: list[str] = []  # of the run's partition range, only these (empty: all of them)

    @property
    def reprocess(self) -> bool:
        return self.force or bool(self.inputs)  # naming inputs asks for them to be done again

    def partitions_of(self, context: dg.AssetExecutionContext) -> list[str]:
        ranged = context.partition_keys
        return [key for key in ranged if key in set(self.partitions)] if self.partitions else ranged


def _preview(con, sql: str, params: dict) -> str:
    frame = con.execute(sql, params).df()
    return frame.to_markdown(index=False) if len(frame) else "(no rows)"


def _inputs_of_run(partitions: list[str], context: dg.AssetExecutionContext, inputs, only: list[str]) -> list[str]:
    from pipelines.steps.planning import in_partitions

    keys = in_partitions(inputs, partitions, only)
    unknown = sorted(set(only) - set(keys))
    if unknown:
        context.log.warning(f"not an input of the run's partitions, skipped: {unknown[:20]}")
    return keys


@dg.asset(
    partitions_def=source_partitions,
    group_name="ingest",
    pool=DUCKDB_POOL,
    backfill_policy=dg.BackfillPolicy.single_run(),
    kinds={"duckdb", "python"},
    description=(
        "Articles read from the inbox (raw/) and remote sources: clean text, metadata, publication "
        "date, content hash and versions. Inputs that cannot become articles go to `quarantine`."
    ),
)
def articles(context: dg.AssetExecutionContext, config: ReprocessConfig, warehouse: WarehouseResource,
             inbox: InboxResource) -> dg.MaterializeResult:
    from pipelines.steps import ingest as ingest_step  # pandas and the readers load with the step, not at load
    from pipelines.steps import planning
    from pipelines.store.db import read_sql

    settings = inbox.settings(warehouse)
    warehouse.ensure_schema()
    partitions = config.partitions_of(context)
    found = planning.discover_inputs(
        settings, include_files=any(p.startswith(planning.INBOX_PARTITION) for p in partitions),
        include_remote=any(p.startswith(planning.REMOTE_PREFIX) for p in partitions))
    keys = _inputs_of_run(partitions, context, found, config.inputs)
    totals = {"partitions": len(partitions), "inputs": len(keys), "ingested": 0, "unchanged": 0, "articles_new": 0,
              "articles_new_version": 0, "quarantined": 0}
    reasons: dict[str, int] = {}
    with warehouse.connect() as con:
        due = keys if config.reprocess else planning.due_inputs(con, {key: found[key] for key in keys})
        totals["unchanged"] = len(keys) - len(due)  # same content hash: not even read
        for stats in ingest_step.ingest_inputs(con, settings, due, force=config.reprocess, max_bytes=inbox.max_bytes):
            totals["ingested" if stats.status == "ingested" else "unchanged"] += 1
            totals["articles_new"] += stats.new
            totals["articles_new_version"] += stats.new_version
            totals["quarantined"] += stats.quarantined
            for reason, n in stats.reasons.items():
                reasons[reason] = reasons.get(reason, 0) + n
            if stats.quarantined:
                context.log.warning(f"{stats.input_key}: {stats.quarantined} input(s) quarantined: {stats.reasons}")
        n_rows = con.execute(read_sql("queries/assets/articles_of_inputs.sql"), {"keys": keys}).fetchone()[0]
        preview = _preview(con, read_sql("queries/assets/articles_preview.sql"), {"keys": keys})
    return dg.MaterializeResult(metadata={
        "dagster/row_count": n_rows,
        **{k: dg.MetadataValue.int(v) for k, v in totals.items()},
        "quarantine_reasons": dg.MetadataValue.json(reasons),
        "preview": dg.MetadataValue.md(preview),
    })


@dg.multi_asset(
    specs=[
        dg.AssetSpec("entities", deps=["articles"], description="People, organizations and places, merged across articles on a normalized name key (entity_aliases.yaml edits merges)."),
        dg.AssetSpec("quotations", deps=["articles"], description="Who said what: direct, mixed and indirect quotations with cue, speaker mention and resolved speaker entity."),
        dg.AssetSpec("time_expressions", deps=["articles"], description="TIMEX3 time expressions normalized against the publication date, with intervals."),
        dg.AssetSpec("claims", deps=["articles", "quotations", "time_expressions"], description="Check-worthy claims with claimer, the time they are about, modality and check-worthiness."),
        dg.AssetSpec("stances", deps=["articles", "quotations", "claims", "entities"], description="Holder -> target stances (favor/against/neutral) with evidence spans."),
    ],
    partitions_def=source_partitions,
    group_name="extraction",
    pool=DUCKDB_POOL,
    backfill_policy=dg.BackfillPolicy.single_run(),
    can_subset=False,
)
def extraction(context: dg.AssetExecutionContext, config: ReprocessConfig, warehouse: WarehouseResource,
               extractor: ExtractorResource):
    """One spaCy parse per article feeds every extractor; rows replace the article's previous rows."""
    from pipelines.steps import extract as extract_step
    from pipelines.steps.planning import stored_inputs_in
    from pipelines.store.db import read_sql

    with warehouse.connect() as con:
        keys = stored_inputs_in(con, config.partitions_of(context), config.inputs)
        totals = extract_step.extract_inputs(con, extractor.get(), keys, force=config.reprocess)
        row = con.execute(read_sql("queries/assets/extraction_counts.sql"), {"keys": keys}).fetchone()
        counts = dict(zip(EXTRACTION_TABLES, row, strict=True))
    context.log.info(f"extracted {totals['articles']} article(s), {totals['skipped']} skipped; notes {totals['notes']}")
    for table in EXTRACTION_TABLES:
        yield dg.MaterializeResult(asset_key=table, metadata={
            "dagster/row_count": counts[table],
            "articles_extracted": totals["articles"],
            "articles_skipped": totals["skipped"],
            "skip_and_note_reasons": dg.MetadataValue.json(totals["notes"]),
        })
