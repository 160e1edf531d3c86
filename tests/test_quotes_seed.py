"""The seed article: every quotation of Putin's survey is attributed to Vladimir Putin."""

from pathlib import Path

import pytest

from pipelines.nlp.entities import build_entities
from pipelines.nlp.quotes import extract_quotes

RAW_DIR = Path(__file__).resolve().parents[1] / "raw"
SEED = RAW_DIR / "thediplomat" / "putins-grand-plan-for-asia.md"


@pytest.fixture(scope="module")
def seed(nlp):
    if not SEED.exists():
        pytest.skip("raw/thediplomat/putins-grand-plan-for-asia.md not present")
    try:
        from pipelines.ingest.files import read_input
    except ImportError:
        pytest.skip("pipelines.ingest cleaning not available yet")
    [article] = read_input(SEED, RAW_DIR).articles
    doc = nlp(article.text)
    entities = build_entities(doc)
    return article.text, entities, extract_quotes(doc, entities)


def _quote_containing(text, quotes, fragment):
    at = text.index(fragment)
    found = [q for q in quotes if any(a <= at < b for a, b in q.content_spans)]
    assert found, f"no quotation covers {fragment!r}"
    return found[0]


@pytest.mark.parametrize("fragment, kind", [
    ("I am convinced that China's economic growth", "direct"),
    ("Second, China's conduct on the world stage", "direct"),
    ("we have settled all the major political issues", "direct"),
    ("have created a solid mechanism of bilateral ties", "mixed"),
    ("Russia needs a prosperous and stable China", "direct"),
    ("to welcome the rise of China", "indirect"),
    ("he values Russia’s national independence", "indirect"),
])
def test_seed_statements_are_putins(seed, fragment, kind):
    text, _entities, quotes = seed
    quote = _quote_containing(text, quotes, fragment)
    assert quote.kind == kind
    assert quote.speaker_entity == "Vladimir Putin"
    assert quote.speaker_key == "vladimir putin"


def test_seed_putin_mentions_are_one_entity(seed):
    text, entities, _quotes = seed
    putin = [e for e in entities if e.key == "vladimir putin"]
    assert len(putin) == 1
    mentions = {m.text for m in putin[0].mentions}
    assert {"Vladimir Putin", "Putin"} <= mentions
    # "Putin’s" is a mention too, trimmed to the name
    assert sum(1 for m in putin[0].mentions if text[m.end : m.end + 2] == "’s") >= 1


def test_seed_quotations_point_at_their_text(seed):
    text, _entities, quotes = seed
    for q in quotes:
        assert text[q.content_start : q.content_end].strip()
        if q.speaker_start is not None:
            assert text[q.speaker_start : q.speaker_end] == q.speaker_text
