"""The target-aware polarity model: hashed features + logistic regression, stored as the
non-zero weight columns in a small .npz (no pickle, no vocabulary, no training text)."""

from functools import lru_cache
from pathlib import Path

import numpy as np

from pipelines.nlp.feature_hashing import feature_indices
from pipelines.nlp.stance.features import N_FEATURES

MODELS_DIR = Path(__file__).parent / "models"
SHIPPED_MODEL = MODELS_DIR / "stance_polarity.npz"


def _hasher():
    from sklearn.feature_extraction import FeatureHasher

    return FeatureHasher(n_features=N_FEATURES, input_type="dict", alternate_sign=False)


class PolarityModel:
    def __init__(self, classes, columns, weights, intercept, name: str = ""):
        self.classes = tuple(classes)
        self.columns = np.asarray(columns, dtype=np.int64)
        self.weights = np.asarray(weights, dtype=np.float32)  # (n_classes, n_columns)
        self.intercept = np.asarray(intercept, dtype=np.float32)
        self.name = name
        # hashed feature index -> position among the stored columns (-1: no weight), as one array
        self._position = np.full(N_FEATURES, -1, dtype=np.int64)
        self._position[self.columns] = np.arange(len(self.columns))

    @classmethod
    def fit(cls, feature_dicts: list[dict], labels: list[str], c: float = 0.5, class_weight=None, name: str = ""):
        from sklearn.linear_model import LogisticRegression

        matrix = _hasher().transform(feature_dicts)
        model = LogisticRegression(C=c, max_iter=3000, class_weight=class_weight)
        model.fit(matrix, labels)
        used = np.flatnonzero(np.abs(model.coef_).sum(axis=0) > 1e-6)
        return cls(model.classes_, used, model.coef_[:, used], model.intercept_, name)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            path, classes=np.array(self.classes), columns=self.columns.astype(np.int32),
            weights=self.weights.astype(np.float16), intercept=self.intercept, name=np.array(self.name),
        )

    @classmethod
    def load(cls, path: Path) -> "PolarityModel":
        with np.load(path, allow_pickle=False) as data:
            return cls(data["classes"].tolist(), data["columns"], data["weights"].astype(np.float32),
                       data["intercept"], str(data["name"]))

    def predict_proba(self, feature_dicts: list[dict]) -> list[dict[str, float]]:
        """Class probabilities per pair; the FeatureHasher indices are computed with mmh3
        (feature_hashing), so no scikit-learn and no sparse matrix at inference."""
        if not feature_dicts:
            return []
        # Every name is hashed in one vectorised pass (no per-name Python call): the contributions
        # are then summed in the same order as feature by feature, so the figures are identical.
        names = [name for feats in feature_dicts for name in feats]
        values = np.fromiter((value for feats in feature_dicts for value in feats.values()), dtype=np.float64,
                             count=len(names))
        rows = np.repeat(np.arange(len(feature_dicts)), [len(feats) for feats in feature_dicts])
        positions = self._position[feature_indices(names, N_FEATURES)]
        used = (positions >= 0) & (values != 0)
        logits = np.tile(self.intercept.astype(np.float64), (len(feature_dicts), 1))
        if used.any():
            contributions = self.weights.T[positions[used]].astype(np.float64) * values[used][:, None]
            np.add.at(logits, rows[used], contributions)
        logits -= logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        return [dict(zip(self.classes, map(float, row))) for row in probs]


@lru_cache(maxsize=2)
def _load(path: str) -> PolarityModel | None:
    file = Path(path)
    return PolarityModel.load(file) if file.exists() else None


def current_model(path: Path | None = None) -> PolarityModel | None:
    """The model stored at `path` (None: the shipped one), loaded once; None when the file is missing.
    Which file to use is the caller's configuration (pipelines.extraction_settings)."""
    return _load(str(SHIPPED_MODEL if path is None else path))
