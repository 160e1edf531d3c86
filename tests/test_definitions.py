"""The code location loads, holds every asset, sensor and schedule, and validates with Dagster's CLI."""

import os
import subprocess
import sys

from tests.conftest import REPO_ROOT

EXPECTED_ASSETS = {"articles", "entities", "quotations", "time_expressions", "claims", "stances",
                   "timeline_views", "holder_reports"}


def test_definitions_load_with_every_asset_sensor_and_schedule():
    import pipelines.definitions as location

    repo = location.defs().get_repository_def()
    keys = {key.to_user_string() for key in repo.asset_graph.get_all_asset_keys()}
    assert EXPECTED_ASSETS <= keys
    assert "raw_inbox_sensor" in {s.name for s in repo.sensor_defs}
    assert "remote_sources_schedule" in {s.name for s in repo.schedule_defs}
    for key in ("articles", "quotations", "stances"):
        node = repo.asset_graph.get(__import__("dagster").AssetKey(key))
        assert node.pools == {"duckdb_write"}


def test_loading_the_code_location_does_not_import_heavy_libraries():
    code = ("import sys, pipelines.definitions as m; m.defs(); "
            "print(sorted(x for x in ('great_expectations', 'spacy', 'trafilatura') if x in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO_ROOT, check=True)
    assert out.stdout.strip() == "[]"


def test_dagster_definitions_validate(tmp_path):
    env = dict(os.environ, DAGSTER_HOME=str(REPO_ROOT), CLAIMS_DAGSTER_STATE=str(tmp_path),
               CLAIMS_DAGSTER_LOGS=str(tmp_path / "logs"), DAGSTER_DISABLE_TELEMETRY="1")
    dagster = os.path.join(os.path.dirname(sys.executable), "dagster")
    out = subprocess.run([dagster, "definitions", "validate", "-m", "pipelines.definitions"],
                         capture_output=True, text=True, cwd=REPO_ROOT, env=env)
    assert out.returncode == 0, out.stdout + out.stderr
