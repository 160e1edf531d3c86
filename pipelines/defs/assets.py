"""Assets: raw inputs -> articles -> entities, quotations, time expressions, claims, stances -> views."""

import dagster as dg

from pipelines.defs.partitions import source_partitions
from pipelines.defs.resources import ExtractorResource, InboxResource, WarehouseResource

DUCKDB_POOL = "duckdb_write"
EXTRACTION_TABLES = ("entities", "quotations", "time_expressions", "claims", "stances")


class ReprocessConfig(dg.Config):
    """force=True re-reads (articles) or re-extracts (extraction) even when nothing changed."""

    force: bool = False


def _preview(con, sql: str, params: list) -> str:
    frame = con.execute(sql, params).df()
    return frame.to_markdown(index=False) if len(frame) else "(no rows)"


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

    settings = inbox.settings(warehouse)
    warehouse.ensure_schema()
    keys = context.partition_keys
    totals = {"inputs": len(keys), "ingested": 0, "unchanged": 0, "articles_new": 0, "articles_new_version": 0,
              "quarantined": 0}
    reasons: dict[str, int] = {}
    with warehouse.connect() as con:
        for key in keys:
            stats = ingest_step.ingest_input(con, settings, key, force=config.force, max_bytes=inbox.max_bytes)
            if stats.status in ("ingested",):
                totals["ingested"] += 1
            else:
                totals["unchanged"] += 1
            totals["articles_new"] += stats.new
            totals["articles_new_version"] += stats.new_version
            totals["quarantined"] += stats.quarantined
            for reason, n in stats.reasons.items():
                reasons[reason] = reasons.get(reason, 0) + n
            if stats.quarantined:
                context.log.warning(f"{key}: {stats.quarantined} input(s) quarantined: {stats.reasons}")
        placeholders = ",".join("?" * len(keys))
        n_rows = con.execute(
            f"SELECT count(*) FROM articles WHERE is_current AND input_key IN ({placeholders})", keys).fetchone()[0]
        preview = _preview(con, f"SELECT article_id, version, title, published_at, published_source, char_length "
                                f"FROM articles WHERE is_current AND input_key IN ({placeholders}) "
                                f"ORDER BY article_id LIMIT 10", keys)
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

    keys = context.partition_keys
    with warehouse.connect() as con:
        totals = extract_step.extract_inputs(con, extractor.get(), keys, force=config.force)
        placeholders = ",".join("?" * len(keys))
        counts = {}
        for table in EXTRACTION_TABLES:
            if table == "entities":
                sql = ("SELECT count(DISTINCT m.entity_id) FROM entity_mentions m JOIN articles a "
                       f"ON a.article_id = m.article_id AND a.is_current WHERE a.input_key IN ({placeholders})")
            else:
                sql = (f"SELECT count(*) FROM {table} t JOIN articles a ON a.article_id = t.article_id AND a.is_current "
                       f"WHERE a.input_key IN ({placeholders})")
            counts[table] = con.execute(sql, keys).fetchone()[0]
    context.log.info(f"extracted {totals['articles']} article(s), {totals['skipped']} skipped; notes {totals['notes']}")
    for table in EXTRACTION_TABLES:
        yield dg.MaterializeResult(asset_key=table, metadata={
            "dagster/row_count": counts[table],
            "articles_extracted": totals["articles"],
            "articles_skipped": totals["skipped"],
            "skip_and_note_reasons": dg.MetadataValue.json(totals["notes"]),
        })
