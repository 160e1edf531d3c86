"""The shipped int8 ONNX polarity model (pipelines/nlp/stance/polarity.py): the encoding keeps the
target, the files are the ones recorded, and a few outputs on sentences written for this test."""

import hashlib
import json

import pytest

from pipelines.nlp.stance.polarity import (
    CONFIG_FILE, MODEL_DIR, MODEL_FILE, EncodingSettings, TargetPolarityModel, build_ids, split_item,
)

SETTINGS = EncodingSettings(max_length=16, mention_max_tokens=3, cls_id=101, sep_id=102, pad_id=0,
                            target_start_id=900, target_end_id=901)

# Written for this test (invented people; nothing from the evaluation data).
PRAISE = "Supporters cheered as Senator Maria Alvarez delivered a brilliant, inspiring speech, and even her rivals praised her honesty."
ATTACK = "Critics blasted Governor Tom Becker as a corrupt liar who betrayed voters and wrecked the state's economy."
REPORT = "Mayor Linda Chen will visit the new water treatment plant on Tuesday, according to a schedule released by her office."
CONTRAST = "Senator Alvarez won praise for her steady leadership, while Governor Becker was condemned for his role in the scandal."

# Scores of the shipped model (batch of the five items below, default batch size), recorded when it
# was trained; the tolerance covers int8 kernels that differ between CPUs.
ITEMS = [(PRAISE, "Maria Alvarez"), (ATTACK, "Tom Becker"), (REPORT, "Linda Chen"), (CONTRAST, "Alvarez"),
         (CONTRAST, "Becker")]
PINNED = [("favor", 0.915), ("against", -0.838), ("neutral", 0.152), ("favor", 0.755), ("against", -0.176)]


def span(text: str, name: str) -> tuple[str, int, int]:
    start = text.index(name)
    return text, start, start + len(name)


def test_encoding_marks_the_target_and_pairs_it_with_the_mention():
    encoded = build_ids([1, 2], [7, 8], [3], SETTINGS)
    assert encoded.input_ids == [101, 1, 2, 900, 7, 8, 901, 3, 102, 7, 8, 102]
    assert encoded.token_type_ids == [0] * 9 + [1] * 3
    assert encoded.target_positions == [4, 5]


def test_truncation_keeps_the_target_and_context_on_both_sides():
    left, right = list(range(1, 40)), list(range(200, 240))
    encoded = build_ids(left, [7], right, SETTINGS)
    ids = encoded.input_ids
    assert len(ids) == SETTINGS.max_length
    ts = ids.index(900)
    assert ids[ts + 1: ts + 3] == [7, 901] and encoded.target_positions == [ts + 1]
    assert ids[ts - 1] == 39 and ids[ts + 3] == 200  # the words next to the target are kept
    kept_left, kept_right = ts - 1, ids.index(102) - (ts + 3)
    assert abs(kept_left - kept_right) <= 1


def test_truncation_gives_a_short_side_s_share_to_the_other():
    encoded = build_ids([5], [7], list(range(200, 240)), SETTINGS)
    assert len(encoded.input_ids) == SETTINGS.max_length and encoded.input_ids[1:3] == [5, 900]


def test_an_empty_mention_points_at_the_marker_and_a_bad_span_is_refused():
    assert build_ids([1], [], [2], SETTINGS).target_positions == [2]
    with pytest.raises(ValueError):
        split_item(("short", 3, 9))


@pytest.fixture(scope="module")
def model():
    pytest.importorskip("onnxruntime", reason="onnxruntime is not installed: the ONNX polarity model cannot run")
    pytest.importorskip("tokenizers", reason="tokenizers is not installed: the ONNX polarity model cannot run")
    if not (MODEL_DIR / MODEL_FILE).exists():
        pytest.skip(f"{MODEL_DIR / MODEL_FILE} is missing")
    return TargetPolarityModel()


def test_the_model_file_is_the_one_recorded_in_its_config_and_readme():
    config = json.loads((MODEL_DIR / CONFIG_FILE).read_text(encoding="utf-8"))
    digest = hashlib.sha256((MODEL_DIR / MODEL_FILE).read_bytes()).hexdigest()
    assert config["onnx_sha256"] == digest
    assert config["labels"] == ["negative", "neutral", "positive"]
    assert digest in (MODEL_DIR / "README.md").read_text(encoding="utf-8")


def test_praise_attack_and_a_plain_report(model):
    items = [span(PRAISE, "Maria Alvarez"), span(ATTACK, "Tom Becker"), span(REPORT, "Linda Chen")]
    got = model.predict(items)
    assert [label for label, _ in got] == ["favor", "against", "neutral"]
    praise, attack, report = (score for _, score in got)
    assert praise > 0.5 and attack < -0.5 and abs(report) < 0.5


def test_polarity_follows_the_target_within_one_sentence(model):
    got = model.predict([span(CONTRAST, "Alvarez"), span(CONTRAST, "Becker")])
    assert [label for label, _ in got] == ["favor", "against"]
    assert got[0][1] > 0 > got[1][1]


def test_pinned_outputs(model):
    got = model.predict([span(text, name) for text, name in ITEMS])
    assert [label for label, _ in got] == [label for label, _ in PINNED]
    for (_, score), (_, pinned) in zip(got, PINNED):
        assert score == pytest.approx(pinned, abs=0.05)


def test_scores_are_deterministic_and_in_range(model):
    items = [span(text, name) for text, name in ITEMS]
    first = model.predict(items)
    assert model.predict(items) == first
    assert TargetPolarityModel().predict(items) == first  # a fresh session, same figures
    assert all(-1.0 <= score <= 1.0 for _, score in first)
    probs = model.predict_proba(items)
    assert probs.shape == (5, 3) and abs(float(probs.sum()) - 5.0) < 1e-4
    assert model.predict([]) == []


def test_with_batch_size_one_an_item_s_score_does_not_depend_on_its_neighbours(model):
    single = TargetPolarityModel(batch_size=1)
    items = [span(text, name) for text, name in ITEMS]
    alone = [single.predict([item])[0] for item in items]
    assert single.predict(items) == alone
    assert [label for label, _ in alone] == [label for label, _ in model.predict(items)]
