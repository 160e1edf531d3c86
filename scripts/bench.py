#!/usr/bin/env python3
"""`make bench`: every benchmark script in turn; each merges its figures into warehouse/reports/bench.json."""

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# Order matters little; each script skips cleanly when ../shared is absent.
SCRIPTS = ["bench_ingest.py", "bench_timex.py", "bench_extract.py", "bench_pipeline.py", "bench_validation.py",
           "bench_run.py"]


def main() -> int:
    failed = []
    for name in SCRIPTS:
        path = REPO / "scripts" / name
        if not path.exists():
            continue
        print(f"\n== {name}", flush=True)
        if subprocess.run([sys.executable, str(path)], cwd=REPO).returncode != 0:
            failed.append(name)
    bench = REPO / "warehouse" / "reports" / "bench.json"
    if bench.exists():
        print("\n== warehouse/reports/bench.json")
        print(json.dumps(json.loads(bench.read_text()), indent=2, sort_keys=True))
    if failed:
        print(f"failed: {failed}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
