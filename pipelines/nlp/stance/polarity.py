"""Target-aware polarity from a fine-tuned MiniLM shipped as int8 ONNX (issue 13).

The sentence is shown to the model with the target marked in context, ``left [TS] mention [TE]
right``, paired (second segment) with the mention text; the classifier reads the [CLS] vector
and the mean of the mention's token vectors. Three classes, negative / neutral / positive,
reported as against / neutral / favor with a signed score p(positive) - p(negative) in [-1, 1].

Run time needs ``onnxruntime``, ``tokenizers`` and numpy only: no torch, nothing downloaded.
Pure: no Dagster, no DuckDB, no environment reads. The files (``models/polarity_minilm/``) are
made by ``scripts/train_stance_onnx.py``; the encoding below is shared with that script so that
training and run time see identical inputs.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MODEL_DIR = Path(__file__).parent / "models" / "polarity_minilm"
MODEL_FILE = "model.int8.onnx"
TOKENIZER_FILE = "tokenizer.json"
CONFIG_FILE = "config.json"

STANCE_OF_LABEL = {"positive": "favor", "negative": "against", "neutral": "neutral"}
INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids", "target_mask")

Item = tuple[str, int, int]  # sentence text, target char start, target char end (exclusive)


@dataclass(frozen=True)
class EncodingSettings:
    """How a (sentence, target) pair becomes token ids; stored in the model's config.json."""

    max_length: int
    mention_max_tokens: int
    cls_id: int
    sep_id: int
    pad_id: int
    target_start_id: int
    target_end_id: int

    @classmethod
    def from_tokenizer(cls, tokenizer, max_length: int, mention_max_tokens: int,
                       target_start: str = "[TS]", target_end: str = "[TE]") -> "EncodingSettings":
        ids = {token: tokenizer.token_to_id(token) for token in ("[CLS]", "[SEP]", "[PAD]", target_start, target_end)}
        missing = [token for token, value in ids.items() if value is None]
        if missing:
            raise ValueError(f"tokenizer has no id for {missing}")
        return cls(max_length, mention_max_tokens, ids["[CLS]"], ids["[SEP]"], ids["[PAD]"],
                   ids[target_start], ids[target_end])


@dataclass(frozen=True)
class Encoded:
    input_ids: list[int]
    token_type_ids: list[int]
    target_positions: list[int]  # positions of the mention's tokens (the [TS] marker if it has none)


def split_item(item: Item) -> tuple[str, str, str]:
    text, start, end = item
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
        raise ValueError(f"target span [{start}, {end}) is outside the text of length {len(text)}")
    return text[:start], text[start:end], text[end:]


def build_ids(left: list[int], mention: list[int], right: list[int], settings: EncodingSettings) -> Encoded:
    """``[CLS] left [TS] mention [TE] right [SEP] mention [SEP]`` within max_length tokens.

    Truncation keeps the target: the mention (second segment capped at mention_max_tokens)
    stays whole when it fits, and the context is cut on both sides around it, each side
    getting half of what is left (a side with less gives its share to the other)."""
    second = mention[: settings.mention_max_tokens]
    budget = settings.max_length - 3 - len(second)  # [CLS], [SEP], [SEP]
    mention = mention[: max(0, budget - 2)]  # [TS] and [TE]
    rest = max(0, budget - 2 - len(mention))
    take_left = min(len(left), max(rest // 2, rest - len(right)))
    take_right = min(len(right), rest - take_left)
    left = left[len(left) - take_left:]
    right = right[:take_right]
    first = left + [settings.target_start_id] + mention + [settings.target_end_id] + right
    ids = [settings.cls_id] + first + [settings.sep_id] + second + [settings.sep_id]
    types = [0] * (len(first) + 2) + [1] * (len(second) + 1)
    ts = 1 + len(left)
    positions = list(range(ts + 1, ts + 1 + len(mention))) or [ts]
    return Encoded(ids, types, positions)


def encode(tokenizer, items: list[Item], settings: EncodingSettings) -> list[Encoded]:
    """Token ids for each item; the three pieces of every sentence are tokenized in one batch."""
    pieces = [piece for item in items for piece in split_item(item)]
    if not pieces:
        return []
    tokens = tokenizer.encode_batch(pieces, add_special_tokens=False)
    return [build_ids(tokens[i].ids, tokens[i + 1].ids, tokens[i + 2].ids, settings)
            for i in range(0, len(tokens), 3)]


def collate(batch: list[Encoded], pad_id: int = 0) -> dict[str, np.ndarray]:
    """Right-padded arrays for the ONNX inputs (int64 ids and masks, float32 target mask)."""
    width = max(len(encoded.input_ids) for encoded in batch)
    input_ids = np.full((len(batch), width), pad_id, dtype=np.int64)
    attention = np.zeros((len(batch), width), dtype=np.int64)
    types = np.zeros((len(batch), width), dtype=np.int64)
    target = np.zeros((len(batch), width), dtype=np.float32)
    for row, encoded in enumerate(batch):
        n = len(encoded.input_ids)
        input_ids[row, :n] = encoded.input_ids
        attention[row, :n] = 1
        types[row, :n] = encoded.token_type_ids
        target[row, encoded.target_positions] = 1.0
    return {"input_ids": input_ids, "attention_mask": attention, "token_type_ids": types, "target_mask": target}


def softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)


class TargetPolarityModel:
    """Polarity toward a target mention in a sentence, from the shipped int8 ONNX model.

    ``model_dir`` holds model.int8.onnx, tokenizer.json and config.json (default: the files
    shipped in this package). Files are loaded on first use. ``intra_op_threads`` is the
    onnxruntime thread count (1 by default: the pipeline parallelises across processes).
    ``batch_size`` items of similar length run together; int8 activations are quantized per
    batch, so a score can differ from the same item's score in another batch in the third
    decimal or so (a given list of items always gives the same scores). ``batch_size=1`` makes
    every item's score independent of the others.
    """

    def __init__(self, model_dir: Path | None = None, *, intra_op_threads: int = 1, batch_size: int = 8,
                 model_file: str = MODEL_FILE):
        self.model_dir = Path(model_dir) if model_dir is not None else MODEL_DIR
        self.intra_op_threads = intra_op_threads
        self.batch_size = max(1, int(batch_size))
        self.model_file = model_file
        self._lock = threading.Lock()
        self._session = None
        self._tokenizer = None
        self._settings: EncodingSettings | None = None
        self._labels: tuple[str, ...] = ()
        self._input_names: tuple[str, ...] = ()

    @staticmethod
    def available() -> bool:
        """Whether onnxruntime and tokenizers can be imported (the files are not checked)."""
        try:
            import onnxruntime  # noqa: F401
            import tokenizers  # noqa: F401
        except ImportError:
            return False
        return True

    def _load(self) -> None:
        if self._session is not None:
            return
        with self._lock:
            if self._session is not None:
                return
            import onnxruntime as ort
            from tokenizers import Tokenizer

            config = json.loads((self.model_dir / CONFIG_FILE).read_text(encoding="utf-8"))
            tokenizer = Tokenizer.from_file(str(self.model_dir / TOKENIZER_FILE))
            tokenizer.no_truncation()
            tokenizer.no_padding()
            special = config["special_tokens"]
            settings = EncodingSettings.from_tokenizer(
                tokenizer, int(config["max_length"]), int(config["mention_max_tokens"]),
                special["target_start"], special["target_end"])
            options = ort.SessionOptions()
            options.intra_op_num_threads = self.intra_op_threads
            options.inter_op_num_threads = 1
            options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
            session = ort.InferenceSession(str(self.model_dir / self.model_file), sess_options=options,
                                           providers=["CPUExecutionProvider"])
            self._labels = tuple(config["labels"])
            self._input_names = tuple(i.name for i in session.get_inputs())
            self._tokenizer, self._settings = tokenizer, settings
            self._session = session

    @property
    def labels(self) -> tuple[str, ...]:
        """The model's classes in output order (negative, neutral, positive)."""
        self._load()
        return self._labels

    def predict_proba(self, items: list[Item]) -> np.ndarray:
        """Class probabilities, shape (len(items), 3), columns in ``labels`` order."""
        self._load()
        if not items:
            return np.zeros((0, len(self._labels)), dtype=np.float32)
        encoded = encode(self._tokenizer, list(items), self._settings)
        # Similar lengths together (stable order, so the batches are the same for the same list).
        order = sorted(range(len(encoded)), key=lambda i: len(encoded[i].input_ids))
        probs = np.zeros((len(encoded), len(self._labels)), dtype=np.float32)
        for begin in range(0, len(order), self.batch_size):
            rows = order[begin: begin + self.batch_size]
            feed = collate([encoded[i] for i in rows], self._settings.pad_id)
            (logits,) = self._session.run(["logits"], {name: feed[name] for name in self._input_names})
            probs[rows] = softmax(logits.astype(np.float64)).astype(np.float32)
        return probs

    def predict(self, items: list[Item]) -> list[tuple[str, float]]:
        """(favor | against | neutral, p(positive) - p(negative)) for each (text, start, end)."""
        probs = self.predict_proba(items)
        if not len(probs):
            return []
        labels = self._labels
        pos, neg = labels.index("positive"), labels.index("negative")
        out = []
        for row in probs:
            label = labels[int(np.argmax(row))]
            out.append((STANCE_OF_LABEL[label], round(float(row[pos] - row[neg]), 6)))
        return out
