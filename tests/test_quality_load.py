"""The code location must not import Great Expectations when it loads (GX alone takes seconds);
load time itself is measured by scripts/bench_validation.py, not asserted here."""

import json
import subprocess
import sys

from tests.conftest import REPO_ROOT

PROBE = """
import json, sys
import pipelines.definitions as location
defs = location.defs()
graph = defs.get_repository_def().asset_graph
print(json.dumps({
    "gx_imported": any(name == "great_expectations" or name.startswith("great_expectations.")
                       for name in sys.modules),
    "n_checks": len(graph.asset_check_keys),
    "has_data_docs": any(k.to_user_string() == "data_docs" for k in graph.get_all_asset_keys()),
}))
"""


def test_code_location_loads_without_great_expectations():
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=REPO_ROOT, capture_output=True, text=True, check=True)
    loaded = json.loads(out.stdout.strip().splitlines()[-1])
    assert loaded["gx_imported"] is False
    assert loaded["n_checks"] > 0 and loaded["has_data_docs"]
