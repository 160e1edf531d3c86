"""The per-pair n-grams sliced from a sentence's precomputed names equal the token-by-token ones."""

from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from pipelines.nlp.stance.features import _marked_ngrams

# "<T>" and "<E>" as words too: a token spelled like a mark must collapse as the old loop made it.
words = st.lists(st.sampled_from(["russia", "opposes", "nato", "<num>", "the", "deal", ",", ".", "<T>", "<E>"]),
                 min_size=0, max_size=30)


def _marked_ngrams_token_by_token(norm: list[str], marks: dict[int, str]) -> list[str]:
    """What pair_features computed before the slicing: replace marked tokens, collapse equal marks."""
    words: list[str] = []
    for i, word in enumerate(norm):
        mark = marks.get(i)
        if mark is None:
            words.append(word)
        elif not words or words[-1] != mark:
            words.append(mark)
    return ["u:" + w for w in words] + ["b:" + a + "_" + b for a, b in zip(words, words[1:])]


@given(words, st.lists(st.tuples(st.integers(0, 35), st.integers(0, 6), st.sampled_from(["<T>", "<E>"])), max_size=5))
def test_sliced_ngrams_equal_token_by_token_ngrams(norm, spans):
    marks = {}
    for start, length, mark in spans:
        for i in range(start, min(len(norm), start + length)):
            marks[i] = mark
    tokens = SimpleNamespace(norm=norm, u_names=["u:" + w for w in norm],
                             b_names=["b:" + a + "_" + b for a, b in zip(norm, norm[1:])])
    assert _marked_ngrams(tokens, marks) == _marked_ngrams_token_by_token(norm, marks)
