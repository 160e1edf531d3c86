"""Article versions, quarantine replacement and extraction writes are idempotent."""

from datetime import datetime

import duckdb
import pytest

from pipelines.ingest.article import Article, Rejection
from pipelines.nlp.types import DocumentExtraction, Entity, Mention, Quote
from pipelines.store import articles as store
from pipelines.store import db
from pipelines.store.extraction_rows import RowBuffer
from pipelines.store.extractions import articles_to_extract, write_extractions

VERSIONS = {"quotes": "q1", "entities": "e1", "timexes": "t1", "claims": "c1", "stances": "s1"}


@pytest.fixture
def con(tmp_path):
    connection = duckdb.connect(str(tmp_path / "w.duckdb"))
    db.apply_sql(connection)
    yield connection
    connection.close()


def _article(text="Title\n\nBody one.", url="https://example.org/a"):
    return Article(source="a.md", text=text, title="Title", canonical_url=url)


def _dump(con, table):
    return con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()


def test_same_content_twice_is_one_article(con):
    store.write_articles(con, "a.md", [_article()])
    stats = store.write_articles(con, "a.md", [_article()])
    assert stats == {"new": 0, "new_version": 0, "unchanged": 1}
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_changed_text_same_url_is_a_new_version_and_old_is_kept(con):
    store.write_articles(con, "a.md", [_article()])
    stats = store.write_articles(con, "a.md", [_article(text="Title\n\nBody two, corrected.")])
    assert stats["new_version"] == 1
    rows = con.execute("SELECT version, is_current FROM articles ORDER BY version").fetchall()
    assert rows == [(1, False), (2, True)]


def test_same_text_without_url_from_two_files_is_one_article(con):
    store.write_articles(con, "a.md", [Article(source="a.md", text="T\n\nSame body.")])
    store.write_articles(con, "b.md", [Article(source="b.md", text="T\n\nSame  body.")])
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_quarantine_is_replaced_per_input(con):
    bad = [Rejection(source="x.json", reason="malformed_json", detail="line 1", content_hash="h")]
    store.replace_quarantine(con, "x.json", bad)
    first = _dump(con, "quarantine")
    store.replace_quarantine(con, "x.json", bad)
    assert _dump(con, "quarantine") == first
    store.replace_quarantine(con, "x.json", [])
    assert con.execute("SELECT count(*) FROM quarantine").fetchone()[0] == 0


def _extraction(doc_id, text):
    start = text.index("Body")
    return DocumentExtraction(
        doc_id=doc_id, language="en",
        entities=[Entity(key="jane doe", canonical_name="Jane Doe", type="PERSON",
                         mentions=[Mention(start, start + 4, text[start:start + 4])])],
        quotes=[Quote(content_start=start, content_end=len(text), content_spans=[(start, len(text))],
                      kind="direct", speaker_entity="Jane Doe", speaker_key="jane doe", confidence=0.9)],
    )


def test_extraction_writes_replace_rows(con):
    store.write_articles(con, "a.md", [_article()])
    for _ in range(2):
        todo = articles_to_extract(con, ["a.md"], "v1", force=True)
        buffer = RowBuffer(VERSIONS)
        for record in todo:
            buffer.add(record, _extraction(record["article_id"], record["text"]), "a.md", datetime(2026, 1, 1))
        write_extractions(con, buffer.frames())
    assert con.execute("SELECT count(*) FROM quotations").fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM entities").fetchone()[0] == 1
    row = con.execute("SELECT q.content_text, a.text[q.content_start + 1 : q.content_end] FROM quotations q "
                      "JOIN articles a USING (article_id)").fetchone()
    assert row[0] == row[1] == "Body one."


def test_already_extracted_articles_are_not_pending(con):
    store.write_articles(con, "a.md", [_article()])
    todo = articles_to_extract(con, ["a.md"], "+".join(VERSIONS[k] for k in sorted(VERSIONS)))
    buffer = RowBuffer(VERSIONS)
    for record in todo:
        buffer.add(record, _extraction(record["article_id"], record["text"]), "a.md", datetime(2026, 1, 1))
    write_extractions(con, buffer.frames())
    assert len(articles_to_extract(con, ["a.md"], "+".join(VERSIONS[k] for k in sorted(VERSIONS)))) == 0
    assert len(articles_to_extract(con, ["a.md"], "some-newer-version")) == 1


class _EchoExtractor:
    """Stands in for the spaCy extractor: one quotation per article, in input order."""

    def extract_many(self, docs):
        for doc in docs:
            yield DocumentExtraction(doc_id=doc.doc_id, language="en", quotes=[
                Quote(content_start=0, content_end=5, content_spans=[(0, 5)], kind="direct")])


def test_extraction_pages_through_an_input_and_writes_every_article_once(con, monkeypatch):
    from pipelines.steps import extract as extract_step

    articles = [_article(text=f"Title {i}\n\nBody number {i}.", url=f"https://example.org/{i}") for i in range(23)]
    store.write_articles(con, "a.md", articles)
    monkeypatch.setattr(extract_step, "TODO_PAGE_ARTICLES", 4)  # several pages and a short last one
    totals = extract_step.extract_inputs(con, _EchoExtractor(), ["a.md"], batch_articles=5)
    assert totals["articles"] == 23 and totals["quotations"] == 23
    pairs = con.execute("SELECT a.article_id, q.content_text FROM articles a JOIN quotations q USING (article_id) "
                        "ORDER BY 1").fetchall()
    assert len(pairs) == 23 and all(text == "Title" for _, text in pairs)
    # every article is now done: nothing left, and a forced re-run replaces rows instead of adding
    assert extract_step.extract_inputs(con, _EchoExtractor(), ["a.md"])["articles"] == 0
    extract_step.extract_inputs(con, _EchoExtractor(), ["a.md"], force=True, batch_articles=7)
    assert con.execute("SELECT count(*) FROM quotations").fetchone()[0] == 23
