"""Check-worthiness model: hashed word and character n-grams, TF-IDF weighting, logistic regression.

Hashing keeps the shipped file free of training text and vocabulary: it holds only the
nonzero coefficients and IDF weights by hashed feature index (pipelines/nlp/models/checkworthy.npz),
written by scripts/train_checkworthy.py. The intercept is shifted so that the score crosses 0.5
at the decision threshold chosen by cross-validation on the training data.
"""

from functools import lru_cache
from pathlib import Path

import numpy as np

from pipelines.nlp.feature_hashing import char_wb_ngrams, feature_indices, word_ngrams

MODEL_PATH = Path(__file__).resolve().parent / "models" / "checkworthy.npz"
WORD_FEATURES = 2**18
CHAR_FEATURES = 2**18


def build_vectorizers():
    from sklearn.feature_extraction.text import HashingVectorizer

    word = HashingVectorizer(analyzer="word", ngram_range=(1, 2), n_features=WORD_FEATURES, alternate_sign=False,
                             norm=None, lowercase=True, token_pattern=r"(?u)\b\w+\b|[$%]")
    char = HashingVectorizer(analyzer="char_wb", ngram_range=(2, 5), n_features=CHAR_FEATURES, alternate_sign=False,
                             norm=None, lowercase=True)
    return word, char


def raw_features(texts, vectorizers=None):
    """Sparse term counts: word n-grams, then character n-grams, side by side."""
    from scipy.sparse import hstack

    word, char = vectorizers or build_vectorizers()
    return hstack([word.transform(texts), char.transform(texts)]).tocsr()


def weight(counts, idf):
    """Sublinear tf times idf, each block L2-normalised (as the training script does)."""
    from sklearn.preprocessing import normalize

    x = counts.astype(np.float64).tocsr()
    x.data = (1.0 + np.log(x.data)) * idf[x.indices]
    word = normalize(x[:, :WORD_FEATURES])
    char = normalize(x[:, WORD_FEATURES:])
    from scipy.sparse import hstack

    return hstack([word, char]).tocsr()


class CheckworthyModel:
    def __init__(self, coef: np.ndarray, intercept: float, idf: np.ndarray, threshold: float):
        self.coef = coef
        self.intercept = intercept
        self.idf = idf
        self.threshold = threshold

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> "CheckworthyModel":
        data = np.load(path)
        size = int(data["n_features"])
        coef = np.zeros(size, dtype=np.float64)
        coef[data["coef_index"]] = data["coef_value"].astype(np.float64)
        idf = np.ones(size, dtype=np.float64) * float(data["idf_default"])
        idf[data["idf_index"]] = data["idf_value"].astype(np.float64)
        return cls(coef, float(data["intercept"]), idf, float(data["threshold"]))

    def scores(self, texts: list[str]) -> list[float]:
        """Check-worthiness 0..1; >= 0.5 exactly when the raw probability passes the threshold.
        Same figures as `weight(raw_features(texts))`, computed without scikit-learn (see feature_hashing)."""
        if not texts:
            return []
        logits = np.full(len(texts), self.intercept)
        for grams_of, size, offset in ((word_ngrams, WORD_FEATURES, 0), (char_wb_ngrams, CHAR_FEATURES, WORD_FEATURES)):
            logits += self._block_logits([grams_of(text) for text in texts], size, offset)
        shift = np.log(self.threshold / (1.0 - self.threshold))
        return [float(v) for v in 1.0 / (1.0 + np.exp(-(logits - shift)))]

    def _block_logits(self, grams_per_text: list[list[str]], size: int, offset: int) -> np.ndarray:
        """One block's L2-normalised sublinear tf-idf, dotted with its coefficients, per text."""
        n_texts = len(grams_per_text)
        rows = np.repeat(np.arange(n_texts), [len(g) for g in grams_per_text])
        columns = feature_indices([g for grams in grams_per_text for g in grams], size) + offset
        keys, counts = np.unique(rows * (size + offset) + columns, return_counts=True)
        key_rows, key_columns = keys // (size + offset), keys % (size + offset)
        values = (1.0 + np.log(counts)) * self.idf[key_columns]
        norms = np.sqrt(np.bincount(key_rows, weights=values**2, minlength=n_texts))
        dots = np.bincount(key_rows, weights=values * self.coef[key_columns], minlength=n_texts)
        return np.divide(dots, norms, out=np.zeros(n_texts), where=norms > 0)


@lru_cache(maxsize=1)
def load_model() -> CheckworthyModel | None:
    if not MODEL_PATH.exists():
        return None
    return CheckworthyModel.load(MODEL_PATH)
