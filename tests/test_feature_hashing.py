"""The sklearn-free inference path computes exactly what the models were trained on."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.nlp.claims import model as claims_model
from pipelines.nlp.feature_hashing import char_wb_ngrams, feature_index, word_ngrams

SENTENCES = [
    "The company said net profit rose 12 pct to 4.5 mln dlrs in 1986, up from $3.1 mln.",
    "I think we should go.",
    "Prices of crude oil fell sharply on Monday after OPEC ministers failed to agree.",
    "Überraschung: naïve café prices rose 3% — or so they say…",
    "a",
    "",
    "   spaced    out\ttext\nwith   breaks  ",
]

N_FEATURES = 2**20  # a hashing width the models use; the index must agree with sklearn

text_strategy = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_feature_index_matches_feature_hasher(name):
    from sklearn.feature_extraction import FeatureHasher

    hasher = FeatureHasher(n_features=N_FEATURES, input_type="dict", alternate_sign=False)
    expected = hasher.transform([{name: 1.0}]).indices
    assert list(expected) == [feature_index(name, N_FEATURES)]


@settings(max_examples=200, deadline=None)
@given(text_strategy)
def test_ngrams_match_hashing_vectorizer_analyzers(text):
    word, char = claims_model.build_vectorizers()
    assert word_ngrams(text) == word.build_analyzer()(text)
    assert char_wb_ngrams(text) == char.build_analyzer()(text)


def test_checkworthy_scores_match_the_sklearn_computation():
    model = claims_model.load_model()
    if model is None:
        pytest.skip("checkworthy model not shipped")
    x = claims_model.weight(claims_model.raw_features(SENTENCES), model.idf)
    logits = x @ model.coef + model.intercept
    shift = np.log(model.threshold / (1.0 - model.threshold))
    expected = 1.0 / (1.0 + np.exp(-(logits - shift)))
    assert np.allclose(model.scores(SENTENCES), expected, atol=1e-9)
