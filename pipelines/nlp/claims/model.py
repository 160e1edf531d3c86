"""Check-worthiness model: hashed word and character n-grams, TF-IDF weighting, logistic regression.

Hashing keeps the shipped file free of training text and vocabulary: it holds only the
nonzero coefficients and IDF weights by hashed feature index (pipelines/nlp/claims/models/checkworthy.npz),
written by scripts/train_checkworthy.py. The intercept is shifted so that the score crosses 0.5
at the decision threshold chosen by cross-validation on the training data.
"""

from functools import lru_cache
from pathlib import Path

import numpy as np

from pipelines.nlp.feature_hashing import CharNgramIndices, feature_indices, word_ngrams

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
        self._char_indices = CharNgramIndices(CHAR_FEATURES)

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
        words = [feature_indices(word_ngrams(text), WORD_FEATURES) for text in texts]
        chars = [self._char_indices.text(text) + WORD_FEATURES for text in texts]
        logits = self.intercept + self._block_logits(words) + self._block_logits(chars)
        shift = np.log(self.threshold / (1.0 - self.threshold))
        return [float(v) for v in 1.0 / (1.0 + np.exp(-(logits - shift)))]

    def _block_logits(self, indices_per_text: list[np.ndarray]) -> np.ndarray:
        """One block's L2-normalised sublinear tf-idf, dotted with its coefficients, per text."""
        n_texts = len(indices_per_text)
        span = WORD_FEATURES + CHAR_FEATURES
        rows = np.repeat(np.arange(n_texts), [len(i) for i in indices_per_text])
        keys, counts = np.unique(rows * span + np.concatenate(indices_per_text), return_counts=True)
        key_rows, key_columns = keys // span, keys % span
        values = (1.0 + np.log(counts)) * self.idf[key_columns]
        norms = np.sqrt(np.bincount(key_rows, weights=values**2, minlength=n_texts))
        dots = np.bincount(key_rows, weights=values * self.coef[key_columns], minlength=n_texts)
        return np.divide(dots, norms, out=np.zeros(n_texts), where=norms > 0)


@lru_cache(maxsize=1)
def load_model() -> CheckworthyModel | None:
    if not MODEL_PATH.exists():
        return None
    return CheckworthyModel.load(MODEL_PATH)
