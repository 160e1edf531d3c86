"""Per-document lookup tables built once, so that each quotation costs O(log n), never O(n)."""

from bisect import bisect_left, bisect_right

import numpy as np
from spacy.attrs import IDX, LENGTH

from pipelines.nlp.quotes.marks import QuotedSpan, paragraphs
from pipelines.nlp.doc_cache import doc_sentences, doc_text


class DocIndex:
    def __init__(self, doc, quoted: list[QuotedSpan]):
        self.doc = doc
        self.text = doc_text(doc)
        # read as arrays: iterating the Doc would create a Token object per token
        offsets = doc.to_array([IDX, LENGTH]) if len(doc) else np.zeros((0, 2), dtype=np.uint64)
        self.token_starts = offsets[:, 0].tolist()
        self.token_ends = (offsets[:, 0] + offsets[:, 1]).tolist()
        self.sent_id = [0] * len(doc)
        self.sent_bounds: list[tuple[int, int]] = []  # token index ranges
        for k, sent in enumerate(doc_sentences(doc)):
            self.sent_bounds.append((sent.start, sent.end))
            for i in range(sent.start, sent.end):
                self.sent_id[i] = k
        self.paras = paragraphs(self.text)
        self.para_starts = [p[0] for p in self.paras]
        # Token -> index of the double-quoted span containing it (-1 outside any).
        self.quoted = [q for q in quoted if q.style == "double"]
        self.quote_starts = [q.start for q in self.quoted]
        self.in_quote = [-1] * len(doc)
        for qi, q in enumerate(self.quoted):
            for i in range(self.first_token(q.start), self.last_token(q.end) + 1):
                if i < len(doc):
                    self.in_quote[i] = qi

    def first_token(self, char: int) -> int:
        """Index of the first token ending after char."""
        return bisect_right(self.token_ends, char)

    def last_token(self, char_end: int) -> int:
        """Index of the last token starting before char_end."""
        return bisect_left(self.token_starts, char_end) - 1

    def para_of(self, char: int) -> int:
        return max(0, bisect_right(self.para_starts, char) - 1)

    def para_bounds(self, char: int) -> tuple[int, int]:
        if not self.paras:
            return 0, len(self.text)
        return self.paras[self.para_of(char)]

    def quoted_alnum(self, start: int, end: int) -> int:
        """Letters and digits of text[start:end] that sit inside double quotes."""
        total = 0
        i = max(0, bisect_right(self.quote_starts, start) - 1)
        while i < len(self.quoted) and self.quoted[i].start < end:
            q = self.quoted[i]
            a, b = max(start, q.start), min(end, q.end)
            if a < b:
                total += sum(1 for ch in self.text[a:b] if ch.isalnum())
            i += 1
        return total

    def quotes_overlapping(self, start: int, end: int) -> list[int]:
        """Indices of double-quoted spans overlapping [start, end)."""
        out = []
        i = max(0, bisect_right(self.quote_starts, start) - 1)
        while i < len(self.quoted) and self.quoted[i].start < end:
            if self.quoted[i].end > start:
                out.append(i)
            i += 1
        return out
