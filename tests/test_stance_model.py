"""The polarity model file: hashed weights only, a faithful save/load, and the shipped model."""

import zipfile

import numpy as np
import pytest

from pipelines import extraction_settings
from pipelines.nlp.stance import model as stance_model
from pipelines.nlp.stance.model import SHIPPED_MODEL, PolarityModel


def _toy():
    feats = [{"u:praise": 1.0, "bias": 1.0}, {"u:condemn": 1.0, "bias": 1.0}, {"u:meet": 1.0, "bias": 1.0}] * 5
    labels = ["favor", "against", "neutral"] * 5
    return feats, labels


def test_fit_save_load_predicts_the_same(tmp_path):
    feats, labels = _toy()
    model = PolarityModel.fit(feats, labels, c=1.0, name="toy")
    path = tmp_path / "m.npz"
    model.save(path)
    loaded = PolarityModel.load(path)
    assert loaded.name == "toy" and set(loaded.classes) == {"favor", "against", "neutral"}
    before, after = model.predict_proba(feats[:3]), loaded.predict_proba(feats[:3])
    for a, b in zip(before, after):
        assert max(a, key=a.get) == max(b, key=b.get)
        assert all(abs(a[k] - b[k]) < 1e-2 for k in a)
    assert [max(p, key=p.get) for p in after] == ["favor", "against", "neutral"]


def test_model_file_holds_no_feature_names(tmp_path):
    feats, labels = _toy()
    path = tmp_path / "m.npz"
    PolarityModel.fit(feats, labels, name="toy").save(path)
    with zipfile.ZipFile(path) as archive:
        assert sorted(archive.namelist()) == ["classes.npy", "columns.npy", "intercept.npy", "name.npy", "weights.npy"]
    with np.load(path, allow_pickle=False) as data:
        assert data["columns"].dtype.kind == "i" and data["weights"].dtype == np.float16


def test_shipped_model_is_the_synthetic_one_and_the_override_wins(tmp_path, monkeypatch):
    if not SHIPPED_MODEL.exists():
        pytest.fail("the shipped stance model is missing")
    assert PolarityModel.load(SHIPPED_MODEL).name == "synthetic"
    assert stance_model.current_model().name == "synthetic"
    feats, labels = _toy()
    other = tmp_path / "other.npz"
    PolarityModel.fit(feats, labels, name="local-test").save(other)
    assert stance_model.current_model(other).name == "local-test"
    assert stance_model.current_model(tmp_path / "missing.npz") is None
    # which file: the configuration's (pipelines.extraction_settings), not pipelines.nlp's
    monkeypatch.setenv(extraction_settings.STANCE_MODEL_ENV, str(other))
    assert extraction_settings.stance_model_path() == other
    monkeypatch.delenv(extraction_settings.STANCE_MODEL_ENV)
    monkeypatch.setenv("CLAIMS_WAREHOUSE", str(tmp_path / "wh" / "warehouse.duckdb"))
    assert extraction_settings.stance_model_path() is None  # the shipped one
    local = tmp_path / "wh" / "models" / extraction_settings.LOCAL_STANCE_MODEL
    PolarityModel.fit(feats, labels, name="trained-here").save(local)
    assert extraction_settings.stance_model_path() == local
    assert extraction_settings.extractor_options()["stance_model"] == local