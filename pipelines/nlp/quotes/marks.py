"""Quoted spans found from quotation marks alone, in one linear pass over the text.

Handles straight and curly double quotes, doubled apostrophes (''...'' as in some wire copy),
guillemets, nesting, single-quote quotations that are not apostrophes, quotes that run over
several paragraphs (the opening mark is not closed and the next paragraph reopens), and
unbalanced marks (an unclosed quote ends with its paragraph).
"""

import re
from dataclasses import dataclass

_DOUBLE_MARKS = re.compile(r"''|``|[\"“”«»„‟]")
_OPENERS = {"“", "«", "„", "‟", "``"}
_CLOSERS = {"”", "»"}
_SYMMETRIC = {'"', "''"}
_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[{—–-]))[‘'](?=[^\W_])")
_SINGLE_CLOSE = re.compile(r"(?<=[^\s‘'])[’'](?![^\W_])")
# An apostrophe-like closer that is really a plural possessive ("voters’ rights") is too rare
# inside a single-quoted stretch to matter; the window keeps any mismatch local.
_SINGLE_MAX_CHARS = 400
_OPEN_CONTEXT = set(" \t\n([{—–-/") | {""}


@dataclass
class QuotedSpan:
    start: int  # offset of the opening mark
    end: int  # offset after the closing mark (or after the paragraph's last char when unclosed)
    style: str  # "double" | "single"
    closed: bool = True
    continues: bool = False  # unclosed and the next paragraph reopens: the same quotation
    group: int = -1  # spans of one multi-paragraph quotation share a group id


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line; a line break always ends a quotation's paragraph."""
    out = []
    pos = 0
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        if text[pos:end].strip():
            out.append((pos, end))
        pos = end + 1
    return out


def _direction(text: str, start: int, end: int, mark: str) -> str:
    """'open', 'close' or 'either' from the glyph and the characters around the mark."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    open_context = before in _OPEN_CONTEXT or before in _OPENERS or before == "‘"
    close_context = after == "" or after.isspace() or after in ".,;:!?)]}—–-’'" or after in _CLOSERS
    if mark in _OPENERS:
        # A curly opener used as a closer ("word“ ") appears in badly converted text.
        return "close" if (not open_context and close_context and not after.isalnum()) else "open"
    if mark in _CLOSERS:
        return "open" if (open_context and not close_context) else "close"
    if open_context and not close_context:
        return "open"
    if close_context and not open_context:
        return "close"
    return "either"


def _double_spans(text: str, para_start: int, para_end: int) -> tuple[list[QuotedSpan], int | None]:
    """Outermost double-quoted spans of one paragraph and the offset of an unclosed opener."""
    spans = []
    nested: list[QuotedSpan] = []  # curly pairs closed inside a still-open straight mark
    stack: list[tuple[int, str]] = []
    for m in _DOUBLE_MARKS.finditer(text, para_start, para_end):
        mark = m.group()
        direction = _direction(text, m.start(), m.end(), mark)
        if stack:
            top_mark = stack[-1][1]
            same_symmetric = mark in _SYMMETRIC and mark == top_mark
            if direction == "close" or (direction == "either" and (same_symmetric or len(stack) > 1)) or (
                same_symmetric and direction != "open"
            ):
                open_pos, open_mark = stack.pop()
                if not stack:
                    spans.append(QuotedSpan(open_pos, m.end(), "double"))
                    nested = []
                elif len(stack) == 1 and stack[0][1] == '"' and open_mark in _OPENERS:
                    nested.append(QuotedSpan(open_pos, m.end(), "double"))
                continue
            if same_symmetric and direction == "open" and len(stack) == 1:
                # '"a" "b"' with a lost closer: a second straight opener most likely closes.
                open_pos, _ = stack.pop()
                spans.append(QuotedSpan(open_pos, m.start(), "double", closed=False))
                stack.append((m.start(), mark))
                continue
            stack.append((m.start(), mark))
        elif direction != "close":
            stack.append((m.start(), mark))
        # A stray closer with nothing open is ignored here; the caller may treat it as the end
        # of a quotation continued from the previous paragraph without a reopening mark.
    if len(stack) == 1 and nested:
        # '"The first time ... labeled “medical problem,” a doctor typed “homicidal ideation.”' with
        # no straight closer: the straight mark is the typography of an excerpt, the curly pairs
        # inside it are the quotations.
        return spans + nested, None
    return spans, (stack[0][0] if stack else None)


def _single_spans(text: str, para_start: int, para_end: int, taken: list[QuotedSpan]) -> list[QuotedSpan]:
    """‘…’ or '…' quotations outside double quotes; apostrophes never open or close one."""
    closers = [m.start() for m in _SINGLE_CLOSE.finditer(text, para_start, para_end)]
    if not closers:
        return []
    spans = []
    ci = 0
    ti = 0
    last_end = para_start
    for m in _SINGLE_OPEN.finditer(text, para_start, para_end):
        start = m.start()
        if start < last_end:
            continue
        while ti < len(taken) and taken[ti].end <= start:
            ti += 1
        if ti < len(taken) and taken[ti].start <= start:
            continue  # inside a double-quoted span: nested, part of that quotation
        while ci < len(closers) and closers[ci] <= start:
            ci += 1
        if ci >= len(closers):
            break
        close = closers[ci]
        if close - start > _SINGLE_MAX_CHARS:
            continue
        if ti < len(taken) and taken[ti].start < close:
            continue
        spans.append(QuotedSpan(start, close + 1, "single"))
        last_end = close + 1
    return spans


def _first_mark(text: str, para_start: int, para_end: int) -> str | None:
    pos = para_start
    while pos < para_end and text[pos].isspace():
        pos += 1
    if pos >= para_end:
        return None
    if text.startswith("''", pos) or text.startswith("``", pos):
        return text[pos : pos + 2]
    return text[pos] if text[pos] in "\"“«„‟" else None


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """All outermost quoted spans in document order; multi-paragraph quotations share a group."""
    result: list[QuotedSpan] = []
    paras = paragraphs(text)
    group_id = 0
    last_double: QuotedSpan | None = None
    for index, (ps, pe) in enumerate(paras):
        spans, unclosed = _double_spans(text, ps, pe)
        if unclosed is not None:
            reopener = _first_mark(text, *paras[index + 1]) if index + 1 < len(paras) else None
            # a quotation runs on into the next paragraph only when that one reopens it in kind
            next_reopens = reopener is not None and _same_kind(reopener, text[unclosed])
            spans.append(QuotedSpan(unclosed, _rstrip(text, unclosed, pe), "double", closed=False,
                                    continues=next_reopens))
        spans.extend(_single_spans(text, ps, pe, spans))
        spans.sort(key=lambda s: s.start)
        for span in spans:
            span.group = group_id
            group_id += 1
        # A paragraph that reopens a quotation left open by the previous one continues it.
        if spans and last_double is not None and last_double.continues and spans[0].style == "double" \
                and spans[0].start == _skip_space(text, ps):
            spans[0].group = last_double.group
        doubles = [s for s in spans if s.style == "double"]
        last_double = doubles[-1] if doubles else None
        result.extend(spans)
    return result


def _same_kind(mark: str, opener: str) -> bool:
    """Straight marks reopen straight quotations, curly ones curly: '"Kevin was snoring.' followed
    by '“Here he is, babe,” she said.' is a stray mark, then a new quotation."""
    return (mark[:1] in "\"'`") == (opener in "\"'`")


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
