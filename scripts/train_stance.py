"""Train the target-aware stance polarity model (hashed features + logistic regression).

    .venv/bin/python scripts/train_stance.py --data synthetic --output pipelines/nlp/stance/models/stance_polarity.npz
    .venv/bin/python scripts/train_stance.py --data ../shared/eval/stance/train.jsonl \
        --output warehouse/models/stance_newsmtsc.npz      # research use only: never commit it

`synthetic` is the shipped model's training set: sentences generated from the templates in
scripts/stance_synthetic.py, written for this project (no third-party text). A JSONL file in
the NewsMTSC layout ({"text", "targets": [{"target_start", "target_end", "polarity"}]}) trains
on that data instead; only ship the result when the data's licence allows it. The model stores
hashed feature weights only, never the training text. Deterministic for a given input.
"""

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipelines.config import Settings  # noqa: E402
from pipelines.nlp.spacy_model import load_model  # noqa: E402
from pipelines.nlp.stance.features import pair_features  # noqa: E402
from pipelines.nlp.stance.model import PolarityModel  # noqa: E402
from pipelines.nlp.stance.rules import cue_frames, target_evidence  # noqa: E402
from pipelines.nlp.stance.targets import EntityIndex, sentence_mentions  # noqa: E402

WORD_PREFIXES = ("u:", "b:", "l:", "r:", "l1:", "l2:", "r1:", "r2:", "lb:", "rb:", "near_l_w:", "near_r_w:")
LABELS = {"positive": "favor", "negative": "against", "neutral": "neutral",
          "favor": "favor", "against": "against"}


def load_examples(source: str) -> list[dict]:
    if source == "synthetic":
        from stance_synthetic import generate  # scripts/ is on sys.path when run as a script

        return generate()
    with open(source, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def featurize(nlp, examples: list[dict]) -> tuple[list[dict], list[str]]:
    index = EntityIndex([])
    feats, labels = [], []
    texts = [example["text"] for example in examples]
    for example, doc in zip(examples, nlp.pipe(texts, batch_size=128)):
        for target in example["targets"]:
            span = doc.char_span(target["target_start"], target["target_end"], alignment_mode="expand")
            if span is None:
                continue
            sent = span.sent
            frames = cue_frames(sent)
            head = span.root
            spans = [(m.token_start, m.token_end) for m in sentence_mentions(sent, index)]
            feats.append(pair_features(sent, span.start, span.end, target_evidence(head, frames), spans))
            labels.append(LABELS[target["polarity"]])
    return feats, labels


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default="synthetic", help="'synthetic' or a NewsMTSC-layout JSONL file")
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--c", type=float, default=0.3, help="inverse regularization strength")
    parser.add_argument("--name", default=None, help="name stored in the model (default: the data source)")
    parser.add_argument("--no-words", action="store_true",
                        help="drop word n-gram features (templates would be memorized); keep lexicon, rule and syntax features")
    args = parser.parse_args()
    nlp = load_model(Settings.from_env().spacy_model)
    examples = load_examples(args.data)
    feats, labels = featurize(nlp, examples)
    if args.no_words:
        feats = [{k: v for k, v in f.items() if not k.startswith(WORD_PREFIXES)} for f in feats]
    name = args.name or (args.data if args.data == "synthetic" else Path(args.data).name)
    model = PolarityModel.fit(feats, labels, c=args.c, name=name)
    model.save(args.output)
    counts = {label: labels.count(label) for label in sorted(set(labels))}
    print(json.dumps({"examples": len(labels), "labels": counts, "weights": int(model.columns.size),
                      "output": str(args.output), "bytes": args.output.stat().st_size}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
