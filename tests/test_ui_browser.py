"""The Dagster UI as a user sees it: webserver up, everything registered, lineage page rendered in
headless Chromium (Debian's package; no browser download), screenshot under warehouse/reports/."""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

pytestmark = pytest.mark.integration  # the slow tier: `make test-fast` leaves it out

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
GRAPHQL = """
{ repositoriesOrError { ... on RepositoryConnection { nodes {
    name
    assetNodes { assetKey { path } groupName }
    sensors { name }
    schedules { name }
} } } }
"""
CHECKS = """
query($path: [String!]!) { assetNodeOrError(assetKey: {path: $path}) { ... on AssetNode {
    assetChecksOrError { ... on AssetChecks { checks { name } } } } } }
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _post(url, query, variables=None):
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


@pytest.fixture
def webserver(tmp_path):
    port = _free_port()
    env = dict(os.environ, DAGSTER_HOME=str(REPO_ROOT), CLAIMS_DAGSTER_STATE=str(tmp_path / "dh"),
               CLAIMS_DAGSTER_LOGS=str(tmp_path / "dh" / "logs"), DAGSTER_DISABLE_TELEMETRY="1",
               CLAIMS_WAREHOUSE=str(tmp_path / "wh" / "warehouse.duckdb"))
    (tmp_path / "dh").mkdir()
    binary = Path(sys.executable).parent / "dagster-webserver"
    proc = subprocess.Popen([str(binary), "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", str(port)],
                            cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(base + "/server_info", timeout=2).read()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("dagster-webserver did not come up")
                time.sleep(0.5)
        yield base
    finally:
        os.killpg(proc.pid, 15)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)


def test_every_asset_check_sensor_and_schedule_is_served(webserver):
    data = _post(webserver + "/graphql", GRAPHQL)["data"]["repositoriesOrError"]["nodes"]
    assets = {"/".join(n["assetKey"]["path"]) for repo in data for n in repo["assetNodes"]}
    sensors = {s["name"] for repo in data for s in repo["sensors"]}
    schedules = {s["name"] for repo in data for s in repo["schedules"]}
    assert {"articles", "entities", "quotations", "time_expressions", "claims", "stances", "timeline_views",
            "holder_reports"} <= assets
    assert "raw_inbox_sensor" in sensors
    assert "remote_sources_schedule" in schedules
    checks = _post(webserver + "/graphql", CHECKS, {"path": ["quotations"]})["data"]["assetNodeOrError"]
    names = {c["name"] for c in checks["assetChecksOrError"]["checks"]}
    assert names, "quotations has no asset checks"


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium); .ci/run installs it")
def test_lineage_page_renders_in_headless_chromium(webserver):
    playwright = pytest.importorskip("playwright.sync_api")
    shot = REPO_ROOT / "warehouse" / "reports" / "ui_lineage.png"
    shot.parent.mkdir(parents=True, exist_ok=True)
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        try:
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            page.goto(webserver + "/assets/stances?view=lineage", wait_until="load", timeout=90_000)
            page.wait_for_timeout(2000)
            skip = page.get_by_role("button", name="Skip")  # first-visit newsletter dialog
            if skip.count():
                skip.first.click()
            # Any other first-visit overlay (its backdrop would swallow clicks): Escape closes it.
            for _ in range(3):
                if not page.locator(".bp5-overlay-backdrop").count():
                    break
                page.keyboard.press("Escape")
                page.wait_for_timeout(500)
            names = ["articles", "quotations", "time_expressions", "claims", "stances", "timeline_views",
                     "holder_reports"]
            all_shown = "names => names.every(n => document.body.innerText.includes(n))"
            # On a loaded machine the graph's "All" (full depth) button can render after the first
            # look: press it again until the whole lineage shows, for up to a minute.
            for _ in range(30):
                show_all = page.get_by_role("button", name="All", exact=True)
                if show_all.count():
                    # dispatched to the button itself: a late overlay cannot intercept it
                    show_all.first.dispatch_event("click")
                if page.evaluate(all_shown, names):
                    break
                page.wait_for_timeout(2000)
            page.wait_for_function(all_shown, arg=names, timeout=10_000)
            page.wait_for_timeout(1000)
            page.screenshot(path=str(shot), full_page=False)
            content = page.inner_text("body")
        finally:
            browser.close()
    assert "stances" in content and "articles" in content
    assert shot.exists() and shot.stat().st_size > 10_000
