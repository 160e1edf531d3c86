"""Benchmark figures under warehouse/reports/bench.json (each benchmark script owns its keys)."""

import json
import os
from pathlib import Path

from pipelines.config import Settings


def reports_dir() -> Path:
    path = Settings.from_env().reports_dir
    path.mkdir(parents=True, exist_ok=True)
    return path


def update_bench(figures: dict) -> Path:
    """Merge figures into warehouse/reports/bench.json (each benchmark owns its keys)."""
    path = reports_dir() / "bench.json"
    current = {}
    if path.exists():
        try:
            current = json.loads(path.read_text())
        except json.JSONDecodeError:
            current = {}
    current.update(figures)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(current, indent=2, sort_keys=True) + "\n")
    os.replace(tmp, path)
    return path
