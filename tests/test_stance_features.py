"""The per-pair n-grams sliced from a sentence's precomputed names equal the token-by-token ones."""

from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from pipelines.nlp.stance_features import _marked_ngrams, _marked_ngrams_slow

words = st.lists(st.sampled_from(["russia", "opposes", "nato", "<num>", "the", "deal", ",", "."]), min_size=0, max_size=30)


@given(words, st.lists(st.tuples(st.integers(0, 35), st.integers(0, 6), st.sampled_from(["<T>", "<E>"])), max_size=5))
def test_sliced_ngrams_equal_token_by_token_ngrams(norm, spans):
    marks = {}
    for start, length, mark in spans:
        for i in range(start, min(len(norm), start + length)):
            marks[i] = mark
    tokens = SimpleNamespace(norm=norm, u_names=["u:" + w for w in norm],
                             b_names=["b:" + a + "_" + b for a, b in zip(norm, norm[1:])])
    assert _marked_ngrams(tokens, marks) == _marked_ngrams_slow(norm, marks)
