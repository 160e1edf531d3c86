"""Property-based: random and hostile text never breaks an extractor, and every span is in range."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipelines.nlp.types import DocInput

QUOTE_MARKS = ['"', "\u201c", "\u201d", "\u2018", "\u2019", "'", "\u00ab", "\u00bb"]
WORDS = ["Putin", "said", "that", "the", "president", "warned", "according", "to", "China", "\u201c", "\u201d",
         '"', "last", "year", "on", "Tuesday", "in", "2010", "2000", "troops", "February", "30", "he", "\n\n",
         ".", ",", "not", "oppose", "support", "Mr.", "Smith", "told", "reporters", "\x00", "\x07", "\u200b"]

hostile_text = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(WORDS), max_size=120).map(" ".join),
    st.lists(st.sampled_from(QUOTE_MARKS + ["a", " ", "\n"]), max_size=200).map("".join),
    st.builds(lambda w, n: (w + " ") * n, st.sampled_from(WORDS), st.integers(1, 3000)),
)
published = st.one_of(st.none(), st.sampled_from(["2012-03-01", "1987-02-26T15:01:01", "3020-01-01", "garbage",
                                                  "2024-02-30", "0001-01-01"]))


def _check_spans(text, extraction):
    def inside(start, end):
        return start is None or (0 <= start <= end <= len(text))

    for q in extraction.quotes:
        assert inside(q.content_start, q.content_end)
        assert all(inside(s, e) for s, e in q.content_spans)
        assert inside(q.speaker_start, q.speaker_end) and inside(q.cue_start, q.cue_end)
    for t in extraction.timexes:
        assert inside(t.start, t.end) and text[t.start:t.end] == t.text
    for c in extraction.claims:
        assert inside(c.start, c.end) and 0.0 <= c.checkworthy <= 1.0
    for s in extraction.stances:
        assert inside(s.evidence_start, s.evidence_end) and -1.0 <= s.score <= 1.0
        assert inside(s.target_start, s.target_end) and inside(s.holder_start, s.holder_end)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile_text, when=published)
def test_extractors_survive_hostile_text(extractor, text, when):
    extraction = extractor.extract(DocInput(doc_id="h", text=text, published=when))
    failures = [note for note in extraction.notes if note.endswith(tuple(f":{n}" for n in ("Error", "Exception"))) or "_failed:" in note]
    assert not failures, failures
    _check_spans(text, extraction)


@pytest.mark.integration
def test_one_megabyte_paragraph(extractor):
    text = ("The minister said that \u201cthe budget will double by 2030,\u201d and critics disagreed. " * 12000)[:1_000_000]
    extraction = extractor.extract(DocInput(doc_id="big", text=text, published="2024-01-01"))
    assert not [n for n in extraction.notes if "_failed:" in n]
    _check_spans(text, extraction)
