"""The shipped check-worthiness model on ClaimBuster dev (read from ../shared, skipped when absent)."""

import json

from pipelines.nlp.claims.model import load_model
from tests.conftest import shared_path


def test_checkworthy_f1_on_dev():
    with open(shared_path("eval", "claims", "dev.jsonl"), encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    scores = load_model().scores([row["text"] for row in rows])
    tp = sum(1 for row, s in zip(rows, scores) if s >= 0.5 and row["label"] == 1)
    fp = sum(1 for row, s in zip(rows, scores) if s >= 0.5 and row["label"] == 0)
    fn = sum(1 for row, s in zip(rows, scores) if s < 0.5 and row["label"] == 1)
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= 0.82, (tp, fp, fn)
    assert all(0.0 <= s <= 1.0 for s in scores)
