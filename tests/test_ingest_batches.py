"""Many inputs are stored a batch per transaction; the tables are the same as one input at a
time, an article in two inputs included (the later input's text is its next version)."""

import json

import pytest

from pipelines.config import Settings
from pipelines.steps.ingest import ingest_input, ingest_inputs
from pipelines.store import db

TABLES = {
    "articles": "SELECT article_id, version, is_current, input_key, title, text FROM articles ORDER BY ALL",
    "quarantine": "SELECT quarantine_id, input_key, reason FROM quarantine ORDER BY ALL",
    "raw_inputs": "SELECT input_key, content_hash, n_articles, n_rejected FROM raw_inputs ORDER BY ALL",
}


def _inbox(raw):
    (raw / "news").mkdir(parents=True)
    for i in range(7):
        (raw / "news" / f"{i}.txt").write_text(f"Story {i}\n\nThe council met on Monday and voted {i} times.\n")
    story = {"url": "https://example.org/same", "title": "Same story", "published": "2024-03-01"}
    (raw / "news" / "a.json").write_text(json.dumps({**story, "text": "The first text of the story, long enough."}))
    (raw / "news" / "b.json").write_text(json.dumps({**story, "text": "The corrected text of the story, long enough."}))
    (raw / "news" / "empty.txt").write_text("")
    return sorted(p.relative_to(raw).as_posix() for p in raw.rglob("*") if p.is_file())


def _tables(settings, store) -> dict:
    with db.connect(settings.warehouse_path) as con:
        db.apply_sql(con)
        store(con)
        return {name: con.execute(sql).fetchall() for name, sql in TABLES.items()}


@pytest.mark.parametrize("batch_inputs", [1, 3, 200])
def test_batches_store_what_one_input_at_a_time_stores(tmp_path, monkeypatch, batch_inputs):
    raw = tmp_path / "raw"
    keys = _inbox(raw)
    monkeypatch.setenv("CLAIMS_RAW_DIR", str(raw))
    monkeypatch.setenv("CLAIMS_WAREHOUSE", str(tmp_path / "one.duckdb"))
    one_by_one = _tables(Settings.from_env(), lambda con: [ingest_input(con, Settings.from_env(), k) for k in keys])
    monkeypatch.setenv("CLAIMS_WAREHOUSE", str(tmp_path / f"batch{batch_inputs}.duckdb"))
    batched = _tables(Settings.from_env(),
                      lambda con: ingest_inputs(con, Settings.from_env(), keys, batch_inputs=batch_inputs))
    assert batched == one_by_one
    versions = [(v, current) for _id, v, current, key, *_ in batched["articles"] if key.endswith(".json")]
    assert sorted(versions) == [(1, False), (2, True)]  # b.json's text is the story's next version
    assert [row[1:] for row in batched["quarantine"]] == [("news/empty.txt", "empty")]


def test_stats_come_back_in_the_order_asked(tmp_path, monkeypatch):
    raw = tmp_path / "raw"
    keys = _inbox(raw)
    monkeypatch.setenv("CLAIMS_RAW_DIR", str(raw))
    monkeypatch.setenv("CLAIMS_WAREHOUSE", str(tmp_path / "w.duckdb"))
    settings = Settings.from_env()
    with db.connect(settings.warehouse_path) as con:
        db.apply_sql(con)
        stats = ingest_inputs(con, settings, list(reversed(keys)), batch_inputs=2)
        assert [s.input_key for s in stats] == list(reversed(keys))
        assert {s.status for s in ingest_inputs(con, settings, keys)} == {"unchanged"}


def test_an_input_that_cannot_be_written_is_quarantined_and_the_rest_of_its_batch_is_stored(tmp_path, monkeypatch):
    import duckdb

    from pipelines.store import articles as article_store

    raw = tmp_path / "raw"
    keys = _inbox(raw)
    monkeypatch.setenv("CLAIMS_RAW_DIR", str(raw))
    monkeypatch.setenv("CLAIMS_WAREHOUSE", str(tmp_path / "w.duckdb"))
    real_write = article_store.write_inputs

    def failing_for_story_3(con, writes, now=None):
        if any(w.input_key == "news/3.txt" and w.articles for w in writes):
            raise duckdb.ConversionException("Could not convert the story")  # a row DuckDB refuses
        return real_write(con, writes, now)

    monkeypatch.setattr(article_store, "write_inputs", failing_for_story_3)
    tables = _tables(Settings.from_env(), lambda con: ingest_inputs(con, Settings.from_env(), keys, batch_inputs=200))
    stored = {input_key for _id, _version, _current, input_key, _title, _text in tables["articles"]}
    assert "news/3.txt" not in stored and {"news/0.txt", "news/6.txt", "news/a.json"} <= stored
    assert ("news/3.txt", "write_failed") in [row[1:] for row in tables["quarantine"]]
    raw_rows = {row[0]: row[1] for row in tables["raw_inputs"]}
    assert raw_rows["news/3.txt"] is None  # no content hash: due again at the next run
