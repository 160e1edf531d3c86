"""Make arbitrary text safe to parse without moving a single offset."""

import re
import unicodedata

# Control and format characters confuse the tokenizer; replace each by one space so that
# every offset into the prepared text is an offset into the original.
_KEEP = {"\n", "\t"}


# A full stop, question or exclamation mark or ellipsis, perhaps inside closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")


def ends_a_sentence(text: str) -> bool:
    """Whether the text ends like a sentence (a headline or a caption line does not)."""
    return bool(_SENTENCE_END.search(text))


# "VIENNA —", "WASHINGTON (Reuters) -", "NEW YORK, Nov 5 (AP) —", "BEIRUT, Lebanon —": the
# place (and wire) that opens a news story's first paragraph
_DATELINE = re.compile(
    r"[A-Z][A-Z.'’ -]{1,30}[A-Z.](?:, [A-Z][a-z.]+(?: [A-Z][a-z.]+)?)?(?:,? [A-Z][a-z]{2,8}\.? \d{1,2})?"
    r"(?: \([A-Za-z .]{2,20}\))? ?(?:—|–|--?) ?(?=[A-Z\"“‘'])"  # a new sentence follows, not an aside
)


def dateline_end(text: str, start: int) -> int:
    """The offset after a dateline that opens text at start, else start."""
    match = _DATELINE.match(text, start)
    return match.end() if match else start


# The ASCII control characters other than \n and \t (\r is handled first).
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def sanitize(text: str) -> str:
    if text.isascii():  # most news text: one C-level pass instead of a Python loop per character
        if text.isprintable():
            return text
        return _ASCII_CONTROL.sub(" ", text.replace("\r", "\n"))
    out = []
    for ch in text:
        if ch in _KEEP:
            out.append(ch)
        elif ch == "\r":
            out.append("\n")
        elif unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn"):
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


_PARA_BREAK = re.compile(r"\n\s*\n")


def segment(text: str, max_chars: int) -> list[tuple[int, int]]:
    """Contiguous (start, end) segments covering text, cut at paragraph, then sentence,
    then whitespace boundaries, each at most max_chars long (hard cut as the last resort)."""
    if len(text) <= max_chars:
        return [(0, len(text))]
    segments = []
    start = 0
    n = len(text)
    while start < n:
        end = min(start + max_chars, n)
        if end < n:
            window = text[start:end]
            cut = -1
            for pattern in (_PARA_BREAK, re.compile(r"[.!?][\"'”’)]*\s"), re.compile(r"\s")):
                matches = [m.end() for m in pattern.finditer(window) if m.end() > max_chars // 4]
                if matches:
                    cut = matches[-1]
                    break
            if cut > 0:
                end = start + cut
        segments.append((start, end))
        start = end
    return segments
