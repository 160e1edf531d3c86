"""A small, clean warehouse batch for the quality tests, and the faults the tests inject into it.

The rows go through the real row builder and writer (pipelines.store), from hand-made extraction
records, so no spaCy model is needed. The text has non-ASCII characters (umlauts, an emoji ZWJ
sequence, a combining accent) so the offset checks are exercised on code points.
"""

from datetime import datetime

from pipelines.nlp.types import Claim, DocumentExtraction, Entity, Mention, Quote, Stance, Timex
from pipelines.store import db
from pipelines.store.extraction_rows import RowBuffer
from pipelines.store.extractions import write_extractions

INPUT = "batch/articles.jsonl"
OTHER_INPUT = "other/articles.jsonl"
PUBLISHED = datetime(2024, 3, 4, 9, 30)
NOW = datetime(2024, 3, 5, 12, 0)
VERSIONS = {"entities": "e1", "quotes": "q1", "timexes": "t1", "claims": "c1", "stances": "s1"}

TEXT_A = (
    "Bürgermeisterin Jürgen Müller 👩\u200d👩\u200d👧 said on Monday: \"Wir schaffen das bis 2025.\" "
    "Müller also said the café (cafe\u0301) tax would fall. "
    "The council expects the bridge to open in 2030, said Anna Kovač."
)
TEXT_B = "Anna Kovač said on Tuesday: \"The budget is balanced.\" Jürgen Müller criticised the budget."


def span(text: str, needle: str, start_at: int = 0) -> tuple[int, int]:
    start = text.index(needle, start_at)
    return start, start + len(needle)


def _mention(text: str, needle: str, start_at: int = 0) -> Mention:
    s, e = span(text, needle, start_at)
    return Mention(s, e, text[s:e])


def extraction_a() -> DocumentExtraction:
    t = TEXT_A
    q1 = span(t, "Wir schaffen das bis 2025.")
    q2 = span(t, "the café (cafe\u0301) tax would fall")
    q3 = span(t, "The council expects the bridge to open in 2030")
    muller = span(t, "Jürgen Müller")
    kovac = span(t, "Anna Kovač")
    monday = span(t, "Monday")
    y2025 = span(t, "2025")
    y2030 = span(t, "2030")
    return DocumentExtraction(
        doc_id="a", language="en",
        entities=[
            Entity("jurgen muller", "Jürgen Müller", "PERSON",
                   [_mention(t, "Jürgen Müller"), _mention(t, "Müller", muller[1])]),
            Entity("anna kovac", "Anna Kovač", "PERSON", [_mention(t, "Anna Kovač")]),
        ],
        quotes=[
            Quote(*q1, [q1], "direct", "said", *span(t, "said"), "Jürgen Müller", *muller, "Jürgen Müller",
                  "jurgen muller", 0.9),
            Quote(*q2, [q2], "indirect", "said", *span(t, "said", q1[1]), "Müller", *span(t, "Müller", muller[1]),
                  "Jürgen Müller", "jurgen muller", 0.7),
            Quote(*q3, [q3], "indirect", "said", *span(t, "said", q3[1]), "Anna Kovač", *kovac, "Anna Kovač",
                  "anna kovac", 0.6),
        ],
        timexes=[
            Timex(*monday, "Monday", "DATE", "2024-03-04", "2024-03-04", "2024-03-04", "day", "publication"),
            Timex(*y2025, "2025", "DATE", "2025", "2025-01-01", "2025-12-31", "year"),
            Timex(*y2030, "2030", "DATE", "2030", "2030-01-01", "2030-12-31", "year"),
        ],
        claims=[
            Claim(*q2, t[q2[0]:q2[1]], "Jürgen Müller", "jurgen muller", "quote", "2024-03-04", "2024-03-04",
                  "published", None, None, "asserted", ["Jürgen Müller"], [], 0.4),
            Claim(*q3, t[q3[0]:q3[1]], "Anna Kovač", "anna kovac", "quote", "2030-01-01", "2030-12-31", "timex",
                  "2030", None, "predicted", ["Anna Kovač"], ["2030"], 0.8),
        ],
        stances=[
            Stance("Jürgen Müller", *muller, "café tax", None, None, "against", -0.6, *q2, 0.7,
                   holder_key="jurgen muller"),
            Stance("Anna Kovač", *kovac, "bridge", None, None, "favor", 0.5, *q3, 0.6, holder_key="anna kovac",
                   source_kind="attitude"),
        ],
    )


def extraction_b() -> DocumentExtraction:
    t = TEXT_B
    q = span(t, "The budget is balanced.")
    kovac = span(t, "Anna Kovač")
    muller = span(t, "Jürgen Müller")
    return DocumentExtraction(
        doc_id="b", language="en",
        entities=[
            Entity("anna kovac", "Anna Kovač", "PERSON", [_mention(t, "Anna Kovač")]),
            Entity("jurgen muller", "Jürgen Müller", "PERSON", [_mention(t, "Jürgen Müller")]),
        ],
        quotes=[Quote(*q, [q], "direct", "said", *span(t, "said"), "Anna Kovač", *kovac, "Anna Kovač",
                      "anna kovac", 0.95)],
        timexes=[Timex(*span(t, "Tuesday"), "Tuesday", "DATE", "2024-03-05", "2024-03-05", "2024-03-05", "day",
                       "publication")],
        claims=[Claim(*q, t[q[0]:q[1]], "Anna Kovač", "anna kovac", "quote", "2024-03-05", "2024-03-05",
                      "published", None, None, "asserted", [], [], 0.5)],
        stances=[Stance("Jürgen Müller", *muller, "budget", *span(t, "budget", muller[1]), "against", -0.4,
                        *span(t, "Jürgen Müller criticised the budget."), 0.6, holder_key="jurgen muller",
                        source_kind="attitude")],
    )


def _insert_article(con, article_id: str, text: str, input_key: str, version: int = 1, current: bool = True):
    con.execute(
        "INSERT INTO articles (article_id, version, is_current, input_key, source, title, published_at, "
        "published_source, language, text, char_length, content_hash, first_seen, last_seen) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, 'metadata', 'en', ?, ?, ?, ?, ?)",
        [article_id, version, current, input_key, input_key, f"title {article_id}", PUBLISHED, text, len(text),
         f"hash-{article_id}-{version}", NOW, NOW])


def build_clean_warehouse(con) -> None:
    """Schema, raw inputs, two articles in INPUT and one in OTHER_INPUT, their extractions."""
    db.apply_sql(con)
    for input_key, n in ((INPUT, 2), (OTHER_INPUT, 1)):
        con.execute("INSERT INTO raw_inputs (input_key, location, n_articles, n_rejected, first_seen, "
                    "last_ingested) VALUES (?, ?, ?, 0, ?, ?)", [input_key, input_key, n, NOW, NOW])
    articles = [
        {"article_id": "art-a", "version": 1, "text": TEXT_A, "published_at": PUBLISHED, "input_key": INPUT,
         "extraction": extraction_a()},
        {"article_id": "art-b", "version": 1, "text": TEXT_B, "published_at": PUBLISHED, "input_key": INPUT,
         "extraction": extraction_b()},
        {"article_id": "art-c", "version": 1, "text": TEXT_B, "published_at": PUBLISHED,
         "input_key": OTHER_INPUT, "extraction": extraction_b()},
    ]
    for article in articles:
        _insert_article(con, article["article_id"], article["text"], article["input_key"])
        buffer = RowBuffer(VERSIONS)
        buffer.add(article, article["extraction"], article["input_key"], NOW)
        write_extractions(con, buffer.frames())


def one(con, sql: str, params=None):
    return con.execute(sql, params or []).fetchone()


# ---- faults -------------------------------------------------------------------------------------
# Each returns the key of the row that must end up in the rejects table.

def shift_quotation_offsets(con) -> str:
    """A quotation whose offsets no longer point at its text (still inside the article)."""
    quote_id = one(con, "SELECT quote_id FROM quotations WHERE article_id = 'art-a' AND kind = 'direct'")[0]
    con.execute("UPDATE quotations SET content_start = content_start + 2, content_end = content_end + 2 "
                "WHERE quote_id = ?", [quote_id])
    return quote_id


def duplicate_quotation(con) -> str:
    """The same article span stored again under another id: a duplicate key."""
    original = one(con, "SELECT quote_id FROM quotations WHERE article_id = 'art-b'")[0]
    con.execute("INSERT INTO quotations SELECT * REPLACE ('zz-duplicate' AS quote_id) FROM quotations "
                "WHERE quote_id = ?", [original])
    return "zz-duplicate"


def second_current_version(con) -> tuple[str, int]:
    """Two current versions of one article: duplicate current key. The older one must go."""
    con.execute("INSERT INTO articles SELECT * REPLACE (2 AS version, 'hash-art-b-2' AS content_hash) "
                "FROM articles WHERE article_id = 'art-b' AND version = 1")
    return "art-b", 1


def polarity_out_of_enumeration(con) -> str:
    stance_id = one(con, "SELECT stance_id FROM stances WHERE article_id = 'art-a' AND polarity = 'favor'")[0]
    con.execute("UPDATE stances SET polarity = 'supportive' WHERE stance_id = ?", [stance_id])
    return stance_id


def claim_about_3020(con) -> str:
    claim_id = one(con, "SELECT claim_id FROM claims WHERE article_id = 'art-a' AND modality = 'predicted'")[0]
    con.execute("UPDATE claims SET about_start = DATE '3020-01-01', about_end = DATE '3020-12-31' "
                "WHERE claim_id = ?", [claim_id])
    return claim_id


def timex_in_3020(con) -> str:
    timex_id = one(con, "SELECT timex_id FROM time_expressions WHERE article_id = 'art-a' AND text = '2030'")[0]
    con.execute("UPDATE time_expressions SET interval_start = DATE '3020-01-01', interval_end = DATE '3020-12-31', "
                "value = '3020' WHERE timex_id = ?", [timex_id])
    return timex_id


def inject_all_faults(con) -> dict[str, object]:
    return {
        "quotations_shifted": shift_quotation_offsets(con),
        "quotations_duplicate": duplicate_quotation(con),
        "stances_polarity": polarity_out_of_enumeration(con),
        "claims_3020": claim_about_3020(con),
        "time_expressions_3020": timex_in_3020(con),
    }
