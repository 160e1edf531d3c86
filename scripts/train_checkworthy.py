"""Train the shipped check-worthiness model (pipelines/nlp/claims/models/checkworthy.npz).

    .venv/bin/python scripts/train_checkworthy.py [--train ../shared/eval/claims/train.jsonl]

Data: ClaimBuster (Arslan et al., ICWSM 2020), label 1 = check-worthy factual sentence;
CC BY 4.0 (Zenodo 10.5281/zenodo.3609356), split files from the GPL-3.0 claimbuster-spotter
repository. Only train.jsonl is used: the regularisation strength and the decision threshold
are chosen by 5-fold cross-validation on it (never on dev). The model file holds hashed
feature indices, IDF weights and coefficients only — no text, no vocabulary.
"""

import argparse
import json
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipelines.nlp.claims.model import MODEL_PATH, raw_features, weight  # noqa: E402

DEFAULT_TRAIN = REPO.parent / "shared" / "eval" / "claims" / "train.jsonl"
SEED = 13


def load(path: Path):
    texts, labels = [], []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                texts.append(row["text"])
                labels.append(int(row["label"]))
    return texts, np.array(labels)


def fit_idf(counts) -> np.ndarray:
    n = counts.shape[0]
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    return np.log((1 + n) / (1 + df)) + 1.0


def fit(counts, labels, c_value: float):
    from sklearn.linear_model import LogisticRegression

    idf = fit_idf(counts)
    model = LogisticRegression(C=c_value, class_weight="balanced", max_iter=2000, solver="liblinear", random_state=SEED)
    model.fit(weight(counts, idf), labels)
    return model, idf


def best_threshold(probabilities: np.ndarray, labels: np.ndarray, balanced: bool = True) -> tuple[float, float]:
    """Threshold maximising out-of-fold F1. With balanced=True the negatives are weighted to the
    positives' count: the ClaimBuster evaluation sets are balanced (README), train is 22 % positive."""
    best = (0.5, 0.0)
    negative_weight = (labels == 1).sum() / max(1, (labels == 0).sum()) if balanced else 1.0
    for threshold in np.arange(0.20, 0.81, 0.01):
        pred = probabilities >= threshold
        tp = np.sum(pred & (labels == 1))
        fp = np.sum(pred & (labels == 0)) * negative_weight
        precision = tp / max(1e-9, tp + fp)
        recall = tp / max(1, (labels == 1).sum())
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        if f1 > best[1]:
            best = (float(round(threshold, 2)), float(f1))
    return best


def cross_validate(counts, labels, c_value: float, folds: int = 5) -> np.ndarray:
    from sklearn.model_selection import StratifiedKFold

    out = np.zeros(len(labels))
    for train_idx, test_idx in StratifiedKFold(folds, shuffle=True, random_state=SEED).split(counts, labels):
        model, idf = fit(counts[train_idx], labels[train_idx], c_value)
        out[test_idx] = model.predict_proba(weight(counts[test_idx], idf))[:, 1]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--train", type=Path, default=DEFAULT_TRAIN)
    parser.add_argument("--output", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    if not args.train.exists():
        print(f"{args.train} not present", file=sys.stderr)
        return 2
    texts, labels = load(args.train)
    counts = raw_features(texts)
    results = []
    for c_value in (1.0, 2.0, 4.0, 8.0):
        probabilities = cross_validate(counts, labels, c_value)
        threshold, f1 = best_threshold(probabilities, labels)
        results.append((f1, c_value, threshold))
        print(f"C={c_value}: cross-validated F1 {f1:.4f} at threshold {threshold}", file=sys.stderr)
    f1, c_value, threshold = max(results)
    model, idf = fit(counts, labels, c_value)
    coef = model.coef_.ravel()
    keep = np.flatnonzero(np.abs(coef) > 1e-4)
    df_seen = np.flatnonzero(np.bincount(counts.indices, minlength=counts.shape[1]))
    idf_default = float(np.log(1 + len(labels)) + 1.0)  # unseen features: the idf of df = 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        args.output,
        n_features=np.int64(counts.shape[1]),
        coef_index=keep.astype(np.int32),
        coef_value=coef[keep].astype(np.float32),
        intercept=np.float64(model.intercept_[0]),
        idf_index=df_seen.astype(np.int32),
        idf_value=idf[df_seen].astype(np.float32),
        idf_default=np.float64(idf_default),
        threshold=np.float64(threshold),
        c_value=np.float64(c_value),
        cv_f1=np.float64(f1),
    )
    print(json.dumps({"model": str(args.output), "C": c_value, "threshold": threshold, "cv_f1": round(f1, 4),
                      "nonzero_coefficients": int(len(keep)), "bytes": args.output.stat().st_size}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
