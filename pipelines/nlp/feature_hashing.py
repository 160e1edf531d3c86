"""Feature hashing at inference without scikit-learn.

The shipped models were trained on scikit-learn's FeatureHasher / HashingVectorizer indices:
signed 32-bit MurmurHash3 of the UTF-8 feature name, seed 0, absolute value modulo the number
of features. Computing the same indices with `mmh3` keeps the trained weights valid while
avoiding sklearn's import (seconds per worker process) and its per-call validation and sparse
matrix overhead, which cost more than the features themselves on one document's sentences.
tests/test_feature_hashing.py checks the indices and scores against scikit-learn.
"""

import re

import mmh3
import numpy as np

_INT32_MIN = -(2**31)

# HashingVectorizer(analyzer="word", lowercase=True, token_pattern=...) tokenisation
WORD_TOKEN = re.compile(r"(?u)\b\w+\b|[$%]")
_WHITE_SPACES = re.compile(r"\s\s+")


def feature_index(name: str, n_features: int) -> int:
    h = mmh3.hash(name, 0, signed=True)
    if h == _INT32_MIN:  # abs() would overflow in 32 bits; sklearn maps it like this
        return (2147483647 - (n_features - 1)) % n_features
    return abs(h) % n_features


def feature_indices(names: list[str], n_features: int) -> np.ndarray:
    # mmh3.hash defaults: seed 0, signed; map() avoids a Python frame per n-gram
    hashes = np.fromiter(map(mmh3.hash, names), dtype=np.int64, count=len(names))
    indices = np.abs(hashes) % n_features
    indices[hashes == _INT32_MIN] = (2147483647 - (n_features - 1)) % n_features
    return indices


def word_ngrams(text: str, max_n: int = 2) -> list[str]:
    """Lower-cased word 1..max_n-grams, as HashingVectorizer(analyzer="word") yields them."""
    tokens = WORD_TOKEN.findall(text.lower())
    grams = list(tokens)
    for n in range(2, min(max_n, len(tokens)) + 1):
        grams.extend(" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1))
    return grams


def char_wb_ngrams(text: str, min_n: int = 2, max_n: int = 5) -> list[str]:
    """Lower-cased character n-grams inside word boundaries, as analyzer="char_wb" yields them."""
    grams = []
    append = grams.append
    for word in _WHITE_SPACES.sub(" ", text.lower()).split():
        padded = " " + word + " "
        length = len(padded)
        for n in range(min_n, max_n + 1):
            if length <= n:
                append(padded)  # a word no longer than n counts once, and no longer n-grams follow
                break
            for offset in range(length - n + 1):
                append(padded[offset:offset + n])
    return grams


class CharNgramIndices:
    """Hashed char_wb n-gram indices of a text, word by word: a word's n-grams never depend on
    its neighbours, so each distinct word is split and hashed once and then looked up (news
    vocabulary is Zipfian; the memo is cleared when it grows past MEMO_LIMIT words, which keeps
    each worker's memo to a few MB)."""

    MEMO_LIMIT = 50_000

    def __init__(self, n_features: int, min_n: int = 2, max_n: int = 5):
        self.n_features, self.min_n, self.max_n = n_features, min_n, max_n
        self.memo: dict[str, np.ndarray] = {}

    def word(self, word: str) -> np.ndarray:
        indices = self.memo.get(word)
        if indices is None:
            indices = feature_indices(char_wb_ngrams(word, self.min_n, self.max_n), self.n_features)
            indices = indices.astype(np.int32)  # < 2**31 by construction; half the memory
            # Figures ("4.5", "1987,") are mostly seen once: memoising them would only fill the memo.
            if not (word[0].isdigit() or word[-1].isdigit()):
                if len(self.memo) >= self.MEMO_LIMIT:
                    self.memo.clear()
                self.memo[word] = indices
        return indices

    def text(self, text: str) -> np.ndarray:
        words = text.lower().split()  # split() already treats any whitespace run as one break
        if not words:
            return np.zeros(0, dtype=np.int32)
        memo, word_indices = self.memo, self.word
        return np.concatenate([memo[word] if word in memo else word_indices(word) for word in words])
