"""sql/views/quotation_timeline.sql over the extraction schema, on rows written here."""

from pathlib import Path

import duckdb

SQL = Path(__file__).resolve().parents[1] / "sql"


def _warehouse():
    con = duckdb.connect()
    for path in sorted((SQL / "schema").glob("*.sql")):
        con.execute(path.read_text(encoding="utf-8"))
    con.execute((SQL / "views" / "quotation_timeline.sql").read_text(encoding="utf-8"))
    return con


def _article(con, article_id, published, version=1, current=True):
    con.execute(
        "INSERT INTO articles VALUES (?, ?, ?, 'p', 's', NULL, NULL, 't', NULL, NULL, ?, 'metadata', 'day', 'en',"
        " 'text', 4, 'h', now(), now())", [article_id, version, current, published])


def _quote(con, quote_id, article_id, kind, entity_id, speaker_text, stated_at=None, version=1):
    con.execute(
        "INSERT INTO quotations VALUES (?, ?, ?, 'x', 0, 1, [[0, 1]], ?, NULL, NULL, NULL, ?, NULL, NULL, ?, NULL,"
        " 0.9, ?, 'v')", [quote_id, article_id, version, kind, speaker_text, entity_id, stated_at])


def test_quotation_timeline_counts_per_speaker_and_month():
    con = _warehouse()
    con.execute("INSERT INTO entities VALUES ('e1', 'vladimir putin', 'Vladimir Putin', 'PERSON', ['Putin'], now(), now())")
    _article(con, "a1", "2012-03-05 10:00")
    _article(con, "a2", "2012-03-20 09:00")
    _article(con, "a3", "2012-04-02 08:00")
    _article(con, "old", "2012-04-03 08:00", current=False)
    _quote(con, "q1", "a1", "direct", "e1", "Putin")
    _quote(con, "q2", "a1", "indirect", "e1", "he")
    _quote(con, "q3", "a2", "mixed", "e1", "Mr. Putin")
    _quote(con, "q4", "a3", "direct", "e1", "Putin")
    _quote(con, "q5", "a2", "direct", None, "A spokesman")
    _quote(con, "q6", "old", "direct", "e1", "Putin")  # superseded article version: not counted
    rows = con.execute(
        "SELECT speaker, CAST(month AS VARCHAR), quotations, direct, mixed, indirect, articles,"
        " CAST(first_said AS VARCHAR), CAST(last_said AS VARCHAR) FROM quotation_timeline"
        " ORDER BY month, speaker").fetchall()
    assert rows == [
        ("A spokesman", "2012-03-01", 1, 1, 0, 0, 1, "2012-03-20 09:00:00", "2012-03-20 09:00:00"),
        ("Vladimir Putin", "2012-03-01", 3, 1, 1, 1, 2, "2012-03-05 10:00:00", "2012-03-20 09:00:00"),
        ("Vladimir Putin", "2012-04-01", 1, 1, 0, 0, 1, "2012-04-02 08:00:00", "2012-04-02 08:00:00"),
    ]


def test_stated_at_wins_over_publication_and_undated_quotes_are_left_out():
    con = _warehouse()
    _article(con, "a1", None)
    _quote(con, "q1", "a1", "direct", None, "she", stated_at="2016-10-01 12:00")
    _quote(con, "q2", "a1", "direct", None, "she")
    rows = con.execute("SELECT speaker, CAST(month AS VARCHAR), quotations FROM quotation_timeline").fetchall()
    assert rows == [("she", "2016-10-01", 1)]
