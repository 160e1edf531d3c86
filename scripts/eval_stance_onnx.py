"""Score the int8 ONNX polarity model on the stance kit's dev sets, and time it on one thread.

    python scripts/eval_stance_onnx.py [--model-dir pipelines/nlp/stance/models/polarity_minilm]
        [--kit ../shared/eval/stance] [--out-dir build/stance_onnx_eval] [--threads 1]

Needs onnxruntime, tokenizers and numpy only (no torch). For dev_rw.jsonl and dev_mt.jsonl it
writes contract-style outputs (one line per document: {"doc_id", "stances": [{"target_start",
"target_end", "target", "polarity", "score"}]}) with the gold target spans as the predicted
targets, as the kit README's baselines do, runs the kit's score.py on them and prints F1m and
accuracy. Speed: every dev_rw target through TargetPolarityModel.predict (tokenizing included),
after one warm-up pass, best of three runs; targets/s and sentences/s (documents/s).
The output files hold offsets, labels and scores only (no sentence text).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipelines.nlp.stance.polarity import MODEL_DIR, TargetPolarityModel  # noqa: E402

DEV_SETS = ("dev_rw", "dev_mt")


def default_kit() -> Path:
    return REPO.parent / "shared" / "eval" / "stance"


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def predict_documents(model: TargetPolarityModel, docs: list[dict]) -> list[dict]:
    items = [(doc["text"], t["target_start"], t["target_end"]) for doc in docs for t in doc["targets"]]
    predictions = iter(model.predict(items))
    out = []
    for doc in docs:
        stances = []
        for target in doc["targets"]:
            polarity, score = next(predictions)
            stances.append({"target_start": target["target_start"], "target_end": target["target_end"],
                            "target": target.get("target"), "polarity": polarity, "score": score})
        out.append({"doc_id": doc["doc_id"], "stances": stances})
    return out


def speed(model: TargetPolarityModel, docs: list[dict], runs: int = 3) -> dict:
    items = [(doc["text"], t["target_start"], t["target_end"]) for doc in docs for t in doc["targets"]]
    model.predict(items)  # warm-up (and loading)
    best = min(_timed(model, items) for _ in range(runs))
    return {"targets_per_s": round(len(items) / best, 1), "sentences_per_s": round(len(docs) / best, 1),
            "targets": len(items), "sentences": len(docs), "seconds": round(best, 3)}


def _timed(model, items) -> float:
    started = time.perf_counter()
    model.predict(items)
    return time.perf_counter() - started


def evaluate(model_dir: Path, kit: Path, out_dir: Path, threads: int = 1, batch_size: int = 8) -> dict:
    model = TargetPolarityModel(model_dir, intra_op_threads=threads, batch_size=batch_size)
    out_dir.mkdir(parents=True, exist_ok=True)
    figures: dict = {}
    for name in DEV_SETS:
        gold_path = kit / f"{name}.jsonl"
        docs = read_jsonl(gold_path)
        out_path = out_dir / f"{name}.out.jsonl"
        with open(out_path, "w", encoding="utf-8") as handle:
            for row in predict_documents(model, docs):
                handle.write(json.dumps(row) + "\n")
        result = subprocess.run([sys.executable, str(kit / "score.py"), str(gold_path), str(out_path)],
                                capture_output=True, text=True, check=True)
        scored = json.loads(result.stdout)
        figures[name] = {key: scored[key] for key in ("F1m", "accuracy", "nonneutral_precision",
                                                       "nonneutral_recall", "coverage") if key in scored}
        print(f"{name} (kit score.py, int8 ONNX): F1m {scored['F1m']:.4f} accuracy {scored['accuracy']:.4f}")
    figures["speed_one_thread"] = speed(model, read_jsonl(kit / "dev_rw.jsonl"))
    print(f"speed ({threads} thread(s), batch {batch_size}): {figures['speed_one_thread']}")
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model-dir", type=Path, default=MODEL_DIR)
    parser.add_argument("--kit", type=Path, default=default_kit())
    parser.add_argument("--out-dir", type=Path, default=REPO / "build" / "stance_onnx_eval")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=8)
    args = parser.parse_args()
    if not (args.kit / "score.py").exists():
        print(f"{args.kit} has no score.py: nothing to evaluate (the dev sets live outside the repo).")
        return 0
    if not TargetPolarityModel.available():
        print("onnxruntime / tokenizers are not installed")
        return 1
    print(json.dumps(evaluate(args.model_dir, args.kit, args.out_dir, args.threads, args.batch_size), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
