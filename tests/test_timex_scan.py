"""The fast scanner finds exactly what the combined grammar's finditer finds."""

import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pipelines.nlp.time.scan as timex_scan
from pipelines.nlp.time.grammar import COMBINED, RULES
from tests.conftest import shared_path

# Words that start rules, words that continue them, look-alikes and characters whose case
# folding is not ASCII (the Kelvin sign folds to "k", the long s to "s").
WORDS = [
    "the", "The", "THE", "a", "an", "in", "In", "for", "over", "within", "this", "last", "next", "that", "early",
    "late", "mid", "mid-", "end", "of", "year", "years", "year's", "month", "week", "quarter", "first", "second",
    "fiscal", "1987", "2010", "1630", "20.0", "'80s", "1990s", "3", "12", "3:30", "p.m.", "a.m.", "EST", "GMT",
    "March", "mar", "Mar.", "May", "may", "Tuesday", "tues", "today", "tonight", "now", "currently", "recent",
    "ago", "later", "earlier", "daily", "every", "each", "per", "half", "nineteen", "eighty-seven", "two",
    "thousand", "dozen", "several", "few", "century", "21st", "christmas", "day", "eve", "noon", "said", "and",
    "-", "'", ",", ".", "\n", "  ", "\u212a", "\u017f", "\u00e9t\u00e9", "\u0663", "sp\u0131ng", "\u2019s",
]

texts = st.one_of(
    st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join),
    st.lists(st.sampled_from(WORDS), max_size=80).map("".join),
    st.text(alphabet=st.sampled_from("atesymonrd19'- \n\u212a\u017f"), max_size=120),
    st.text(max_size=200),
)


def _found(matches):
    return [(m.lastgroup, m.span()) for m in matches]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_scan_equals_finditer_on_generated_text(text):
    assert _found(timex_scan.scan(text)) == _found(COMBINED.finditer(text))


def test_scan_equals_finditer_on_written_sentences():
    text = ("Last year, Russia joined the WTO. In 2010 it was the 10th-largest economy; by the mid-1990s, "
            "output had fallen for several years. The first quarter of 1987 ended on March 31, 1987 at 1630 EST, "
            "three weeks ago. Every Tuesday morning since the 1980s, and the year 2050, prices rose 20.0 pct.")
    found = _found(timex_scan.scan(text))
    assert found == _found(COMBINED.finditer(text))
    assert ("year", (text.index("2010"), text.index("2010") + 4)) in found


def test_every_rule_has_its_shapes_read():
    """If a grammar change made a rule unreadable, the scanner would silently fall back to COMBINED."""
    assert timex_scan._PREFIXES is not None and len(timex_scan._PREFIXES) == len(RULES)
    assert timex_scan._pattern_for("sai") is None  # "said" begins no rule
    assert set(timex_scan._pattern_for("the").groupindex) < {name for name, _ in RULES}


def test_scan_equals_finditer_on_tbaq_dev():
    with open(shared_path("eval", "timex", "tbaq_dev.jsonl"), encoding="utf-8") as handle:
        docs = [json.loads(line)["text"] for line in handle]
    for text in docs:
        assert _found(timex_scan.scan(text)) == _found(COMBINED.finditer(text))
    # and with shifted case, where IGNORECASE does the work
    for text in docs[:40]:
        for variant in (text.upper(), text.lower(), re.sub(r"\s+", "  ", text)):
            assert _found(timex_scan.scan(variant)) == _found(COMBINED.finditer(variant))
