"""Shared fixtures: an isolated warehouse, inbox and Dagster home per test that needs them."""

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or a clean skip when this checkout has no ../shared beside it."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared/{'/'.join(parts)} not present (evaluation data lives outside the repo)")
    return path


@pytest.fixture
def isolated_env(tmp_path, monkeypatch):
    """Point every setting at tmp_path: inbox, warehouse, reports, Dagster state."""
    raw = tmp_path / "raw"
    raw.mkdir()
    monkeypatch.setenv("CLAIMS_RAW_DIR", str(raw))
    monkeypatch.setenv("CLAIMS_WAREHOUSE", str(tmp_path / "warehouse" / "warehouse.duckdb"))
    monkeypatch.setenv("CLAIMS_REPORTS_DIR", str(tmp_path / "warehouse" / "reports"))
    monkeypatch.setenv("CLAIMS_SOURCES", str(tmp_path / "sources.yaml"))
    monkeypatch.setenv("DAGSTER_HOME", str(REPO_ROOT))
    monkeypatch.setenv("CLAIMS_DAGSTER_STATE", str(tmp_path / "dagster_home"))
    monkeypatch.setenv("CLAIMS_DAGSTER_LOGS", str(tmp_path / "dagster_home" / "logs"))
    monkeypatch.setenv("DAGSTER_DISABLE_TELEMETRY", "1")
    (tmp_path / "dagster_home").mkdir()
    return tmp_path


@pytest.fixture(scope="session")
def nlp():
    from pipelines.nlp.spacy_model import load_model

    return load_model()


@pytest.fixture(scope="session")
def extractor():
    from pipelines.nlp.extract import Extractor

    return Extractor()
