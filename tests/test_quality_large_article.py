"""Finding 5 of issue 15: one ~1 MB article with 5,000 quotations, claims and stances is checked
within the warehouse's memory limit (1 GB by default): the batch queries must not carry the
article's text once per row (a correlated EXISTS did, and ran out of memory)."""

import pytest

from pipelines.nlp.types import Claim, DocumentExtraction, Entity, Mention, Quote, Stance
from pipelines.quality.validate import validate_table
from pipelines.store import db
from pipelines.store.extraction_rows import RowBuffer
from pipelines.store.extractions import write_extractions
from tests import quality_batch as qb

pytestmark = pytest.mark.integration
N_QUOTES = 5000
SENTENCE = "\u201cThe plan is a disgrace,\u201d said Mayor Jane Smith on Monday in a long meeting about roads."
PAD = " The council talked about roads, schools and parks for a long time." * 2


def huge_extraction(text: str) -> DocumentExtraction:
    quotes, claims, stances, mentions = [], [], [], []
    position = 0
    for _ in range(N_QUOTES):
        start = text.index(SENTENCE, position)
        content = (start + 1, start + 1 + len("The plan is a disgrace,"))
        speaker = text.index("Jane Smith", start)
        said = text.index("said", start)
        mentions.append(Mention(speaker, speaker + 10, "Jane Smith"))
        quotes.append(Quote(*content, [content], "direct", "said", said, said + 4, "Jane Smith", speaker,
                            speaker + 10, "Jane Smith", "jane smith", 0.9))
        claims.append(Claim(*content, text[content[0]:content[1]], "Jane Smith", "jane smith", "quote"))
        stances.append(Stance("Jane Smith", speaker, speaker + 10, "plan", None, None, "against", -0.8, *content,
                              0.8, holder_key="jane smith"))
        position = start + len(SENTENCE)
    return DocumentExtraction(doc_id="huge", language="en",
                              entities=[Entity("jane smith", "Jane Smith", "PERSON", mentions)],
                              quotes=quotes, claims=claims, stances=stances)


def test_one_huge_article_is_checked_within_the_memory_limit(tmp_path):
    text = "".join(SENTENCE + PAD + "\n\n" for _ in range(N_QUOTES))
    assert len(text) > 900_000
    with db.connect(tmp_path / "warehouse.duckdb") as con:
        db.apply_sql(con)
        con.execute("INSERT INTO raw_inputs (input_key, location, n_articles, n_rejected, first_seen, "
                    "last_ingested) VALUES ('huge.txt', 'huge.txt', 1, 0, ?, ?)", [qb.NOW, qb.NOW])
        qb._insert_article(con, "art-huge", text, "huge.txt")
        buffer = RowBuffer(qb.VERSIONS)
        buffer.add({"article_id": "art-huge", "version": 1, "text": text, "published_at": qb.PUBLISHED},
                   huge_extraction(text), "huge.txt", qb.NOW)
        write_extractions(con, buffer.frames())
        assert con.execute("SELECT current_setting('memory_limit')").fetchone()[0].startswith("488")  # 512MB, the default
        for table in ("quotations", "claims", "stances"):
            validation = validate_table(con, table, ["huge.txt"])
            assert validation.n_rows == N_QUOTES, table
            assert validation.n_rejected == 0, (table, [(o.rule.name, o.sample) for o in validation.outcomes
                                                        if not o.success])
