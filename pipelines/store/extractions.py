"""Idempotent writes of extraction results: delete the batch's articles' rows, insert, one transaction."""


from pipelines.store.db import read_sql, transaction

EXTRACTION_TABLES = ("entity_mentions", "quotations", "time_expressions", "claims", "stances", "article_extractions")


def articles_to_extract(con, input_keys: list[str] | None, extractor_version: str, force: bool = False,
                        after: str | None = None, page_size: int = 2**62):
    """Current articles of the inputs (all inputs when None) not yet extracted by this version,
    in article_id order: the first `page_size` after article id `after`. Records of plain Python
    values (None, datetime), ready for the row builder."""
    cursor = con.execute(read_sql("writes/articles_to_extract.sql"), {
        "keys": None if input_keys is None else list(input_keys), "extractor_version": extractor_version, "force": force,
        "after": after, "page_size": page_size,
    })
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def write_extractions(con, frames: dict) -> dict[str, int]:
    """Replace every extraction row of the articles in frames['article_extractions'] (Arrow tables
    from RowBuffer.frames)."""
    ids = frames["article_extractions"].select(["article_id"])
    counts = {}
    with transaction(con):
        con.register("extracted_articles", ids)
        for table in EXTRACTION_TABLES:
            con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT article_id FROM extracted_articles)")
        for table in EXTRACTION_TABLES:
            frame = frames[table]
            counts[table] = len(frame)
            if len(frame):
                con.register("batch_rows", frame)
                con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM batch_rows")
                con.unregister("batch_rows")
        if len(frames["entity_batch"]):
            con.register("entity_batch", frames["entity_batch"])
            con.execute(read_sql("writes/upsert_entities.sql"))
            con.unregister("entity_batch")
        counts["entities"] = len(frames["entity_batch"])
        con.unregister("extracted_articles")
    return counts

