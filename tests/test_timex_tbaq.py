"""The tagger on TimeBank+AQUAINT dev (read from ../shared, skipped when absent), scored by the kit's scorer."""

import importlib.util
import json

from pipelines.nlp.time import tag_timexes
from tests.conftest import shared_path

N_DOCS = 80  # a slice keeps the test fast; scripts and `claims extract` measure the full set


def _scorer(path):
    spec = importlib.util.spec_from_file_location("timex_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_value_f1_on_a_dev_slice():
    gold_path = shared_path("eval", "timex", "tbaq_dev.jsonl")
    scorer = _scorer(shared_path("eval", "timex", "score.py"))
    with open(gold_path, encoding="utf-8") as handle:
        gold = [json.loads(line) for line in handle][:N_DOCS]
    out = []
    for doc in gold:
        timexes = tag_timexes(doc["text"], doc["published"])
        assert all(doc["text"][t.start:t.end] == t.text for t in timexes)
        out.append({"doc_id": doc["doc_id"], "timexes": [
            {"start": t.start, "end": t.end, "type": t.type, "value": t.value} for t in timexes]})
    result = scorer.score(gold, out)
    assert result["relaxed_F1"] >= 0.88, result
    assert result["value_F1"] >= 0.72, result
