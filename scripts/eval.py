#!/usr/bin/env python3
"""`make eval`: run `claims extract` on every dev set in ../shared/eval and print each scorer's figures.

Skips (exit 0, with a message) when ../shared/eval is absent, as on a user's fresh clone.
"""

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval"
CLAIMS = [sys.executable, "-m", "pipelines.cli"]

# (name, dev file, scorer, extra scorer arguments)
RUNS = [
    # Direct view: recalled on direct quotes, not penalised in precision for mixed/indirect hits.
    ("quotes (direct view)", "quotes/polnear_dev.jsonl", "quotes/score.py",
     ["--kinds", "direct", "--p-kinds", "direct", "mixed", "indirect"]),
    ("quotes (speech view)", "quotes/polnear_dev.jsonl", "quotes/score.py",
     ["--kinds", "direct", "mixed", "indirect_speech", "--p-kinds", "direct", "mixed", "indirect"]),
    # PolNeAR train: the rules are tuned on it; a train/dev gap shows a rule fitted to dev.
    ("quotes train (direct view)", "quotes/polnear_train.jsonl", "quotes/score.py",
     ["--kinds", "direct", "--p-kinds", "direct", "mixed", "indirect"]),
    ("quotes train (speech view)", "quotes/polnear_train.jsonl", "quotes/score.py",
     ["--kinds", "direct", "mixed", "indirect_speech", "--p-kinds", "direct", "mixed", "indirect"]),
    ("timex", "timex/tbaq_dev.jsonl", "timex/score.py", []),
    # NewsMTSC scores polarity toward a given mention whoever holds it: the per-mention view.
    ("stance (NewsMTSC dev_mt)", "stance/dev_mt.jsonl", "stance/score.py", []),
    ("stance (NewsMTSC dev_rw)", "stance/dev_rw.jsonl", "stance/score.py", []),
    ("stance triples", "stance/triples_dev.jsonl", "stance/score_triples.py", []),
    ("claims (ClaimBuster dev)", "claims/dev.jsonl", "claims/score.py", []),
]

MENTION_SENTIMENT_KITS = {"stance/dev_mt.jsonl", "stance/dev_rw.jsonl"}


def headline(figures: dict) -> str:
    seg = figures.get("seg@0.5")
    if seg:
        e2e = seg.get("end2end_content+speaker", {}).get("F1")
        return (f"seg@0.5 P/R/F1 {seg['P']}/{seg['R']}/{seg['F1']}, speaker acc {seg.get('speaker_acc_on_matched')}, "
                f"end-to-end F1 {e2e}")
    if "value_F1" in figures:
        return f"value F1 {figures['value_F1']}, relaxed F1 {figures['relaxed_F1']}, strict F1 {figures['strict_F1']}"
    if "strict" in figures:
        strict = figures["strict"]
        return (f"strict P/R/F1 {strict['P']}/{strict['R']}/{strict['F1']}, rows/doc {figures['rows_per_doc']} "
                f"(annotators {figures['gold_per_doc']})")
    if "F1m" in figures:
        return f"F1m {figures['F1m']}, accuracy {figures['accuracy']}"
    if "reader" in figures:
        reader = figures["reader"]
        return (f"accuracy {reader['accuracy']}, precision {reader['precision']}, coverage {reader['coverage']}, "
                f"{figures['reader_pages_per_second']} pages/s")
    if "average_precision" in figures:
        return f"P/R/F1 {figures['precision']}/{figures['recall']}/{figures['F1']}, AP {figures['average_precision']}"
    return json.dumps(figures)[:200]


def main() -> int:
    if not EVAL.exists():
        print("../shared/eval not present: nothing to evaluate (the dev sets live outside the repo).")
        return 0
    out_dir = Path(tempfile.mkdtemp(prefix="claims-eval-"))
    extracted: dict[str, Path] = {}
    results = {}
    for name, dev, scorer, extra in RUNS:
        gold = EVAL / dev
        if not gold.exists():
            print(f"{name}: {dev} missing, skipped")
            continue
        if dev not in extracted:
            pred = out_dir / (gold.stem + ".out.jsonl")
            started = time.perf_counter()
            flags = ["--mention-sentiment"] if dev in MENTION_SENTIMENT_KITS else []
            subprocess.run([*CLAIMS, "extract", "--input", str(gold), "--output", str(pred), "--quiet", *flags],
                           check=True, cwd=REPO)
            print(f"extracted {dev} in {time.perf_counter() - started:.1f}s", file=sys.stderr)
            extracted[dev] = pred
        proc = subprocess.run([sys.executable, str(EVAL / scorer), str(gold), str(extracted[dev]), *extra],
                              capture_output=True, text=True)
        try:
            figures = json.loads(proc.stdout)
        except json.JSONDecodeError:
            figures = {"error": proc.stdout + proc.stderr}
        results[name] = figures
        print(f"\n== {name}: python3 ../shared/eval/{scorer} ../shared/eval/{dev} OUT {' '.join(extra)}")
        print(json.dumps(figures)[:3000])
    dates = subprocess.run([sys.executable, str(REPO / "scripts" / "eval_dates.py"), "--json"], capture_output=True,
                           text=True, cwd=REPO)
    try:
        results["publication dates (htmldate dev)"] = json.loads(dates.stdout.strip().splitlines()[-1])
        print("\n== publication dates: scripts/eval_dates.py on ../shared/data/dates/htmldate_eval_default.jsonl.gz")
        print(dates.stdout.strip().splitlines()[-1])
    except (json.JSONDecodeError, IndexError):
        print("publication dates: not evaluated (" + (dates.stdout + dates.stderr).strip()[:200] + ")")
    print("\n== headline figures (dev sets; targets in the issues)")
    for name, figures in results.items():
        print(f"  {name:<28} {headline(figures)}")
    (REPO / "warehouse" / "reports").mkdir(parents=True, exist_ok=True)
    (REPO / "warehouse" / "reports" / "eval.json").write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
