"""Plain-text cleaning: drop boilerplate lines and normalise whitespace.

Every reader ends here, so every article's text has the same shape:

    Title line
    <blank line>
    First paragraph
    <blank line>
    Second paragraph ...

Paragraphs are separated by exactly one blank line, whitespace runs inside a line are
collapsed to one space, no line has leading or trailing spaces.

The line filter removes whole lines that are page furniture rather than article text:
subscription prompts, newsletter sign-ups (and a newsletter name on the line right after
one), image credits, share buttons, "advertisement"/"continue reading" stubs and repeats of
the title. The patterns are deliberately anchored to whole short lines so that a sentence
of the article that merely mentions a newsletter or a photo is kept.
"""

import re
import unicodedata
from collections.abc import Iterable

# Boilerplate lines are short; a long line is article text even if it matches a pattern.
MAX_BOILERPLATE_CHARS = 220
# A newsletter name printed under a sign-up prompt ("The Diplomat Brief"): a few words, no sentence.
MAX_NEWSLETTER_NAME_WORDS = 6

_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_BLANK_LINES = re.compile(r"\n[ \t\u00a0]*\n")

# Patterns anchored at the line start are tried with match() and the few that may occur
# anywhere with search(): one alternation searched at every position cost most of the ingest.
_SIGN_UP_START = re.compile(
    r"(?:sign[\s-]?up|subscribe|register|join|get)\b.{0,80}\bnewsletters?\b"
    r"|(?:sign up|subscribe)\s+(?:now|today|here|for free)\b",
    re.IGNORECASE,
)
_SIGN_UP_ANYWHERE = re.compile(r"\bnewsletters?\b.{0,40}\b(?:sign up|sign-up|subscribe)\b", re.IGNORECASE)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_CLOCK = r"(?:[\s,|@-]*(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s*[a-z]{2,5})?)?"
_DATE_STAMP = (
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH + r"(?:,?\s+\d{4})?|" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?"
    r"|\d{4}-\d\d-\d\d(?:[t ]\d\d:\d\d(?::\d\d)?(?:z|[+-]\d\d:?\d\d)?)?|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})"
    + _CLOCK
)
_BOILERPLATE_START = re.compile(
    "|".join(
        [
            # subscription prompts and paywall nags
            r"^enjoying this (?:article|story|piece|post)\?",
            r"^(?:please\s+)?click here to (?:subscribe|sign up|register|read more|continue)",
            r"^subscribe (?:now|today|here)?\s*(?:to|for)\b.{0,60}\b(?:access|journalism|subscription|reading|digital)\b",
            r"^(?:already a subscriber|become a (?:subscriber|member)|support our journalism)\b",
            r"^(?:subscribe|log ?in|sign in|register)(?:\s*(?:/|\||or)\s*(?:subscribe|log ?in|sign in|register))*\s*[.!]?$",
            r"^you have \d+ free articles? (?:left|remaining)",
            # image credits and captions
            r"^(?:image|photo|photograph|picture|illustration|video|graphic)s?\s*(?:credit|courtesy|source)s?\b\s*[:\-–—]?",
            r"^(?:image|photo|photograph|picture|illustration)s?\s*(?:by|via)\s*[:\-–—]?\s*\S",
            r"^(?:image|photo|photograph|picture|illustration)s?\s*[:|]\s*\S",
            r"^credit\s*[:|]\s*\S",
            r"^\(?(?:photo|image|picture)s?\s*(?:credit)?\s*:?\s*(?:getty images|reuters|ap|afp|epa|shutterstock)\)?\s*$",
            # share buttons, ads, navigation stubs
            r"^(?:share|tweet|email|e-mail|print|save|pin)\s+(?:this|on|via|to)\b.{0,40}$",
            r"^(?:share|tweet|email|e-mail|print|save|pin|comments?|facebook|twitter|x|linkedin|whatsapp|reddit|telegram|copy link)"
            r"(?:\s*[|/·•,]?\s*(?:share|tweet|email|e-mail|print|save|pin|comments?|facebook|twitter|x|linkedin|whatsapp|reddit|telegram|copy link))*\s*$",
            r"^(?:advertisement|advertising|sponsored(?: content)?|ad)\s*$",
            r"^(?:continue reading|read more|read the full (?:article|story)|more on this story|related(?: articles| stories| coverage)?)\s*(?:[:.…]|\.\.\.)?\s*$",
            r"^continue reading\s*(?:\.\.\.|…)\s*$",
            r"^(?:related|read more|see also|recommended)\s*:\s*\S",
            # publication stamps printed above the body ("Published 14 July 2023, 10:02")
            r"^(?:(?:first |last )?(?:published|updated|posted)|date)\b(?: on| at)?\s*:?\s*" + _DATE_STAMP + r"$",
        ]
    ),
    re.IGNORECASE,
)
_BOILERPLATE_ANYWHERE = re.compile(r"\bjust \$\d+(?:\.\d\d)? (?:a|per) (?:month|week|year)\b", re.IGNORECASE)
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "′": "'", "“": '"', "”": '"', "„": '"', "″": '"'})
_TERMINAL = re.compile(r"[.!?:;,\"”’)]$")


def normalize_line(line: str) -> str:
    """One line with invisible characters removed and whitespace runs collapsed."""
    if not (line.isascii() and line.isprintable()):  # printable ASCII has neither to remove
        line = _INVISIBLE.sub("", line)
        line = _CONTROL.sub("", line)
    return " ".join(line.split())  # str.split() splits on exactly the characters \s matches


_NON_WORD_RUN = re.compile(r"[\W_]+")


def _comparable(text: str) -> str:
    if text.isascii():  # NFKC and the quote map change nothing in ASCII
        text = text.lower()
    else:
        text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return _NON_WORD_RUN.sub(" ", text).strip()


def is_boilerplate(line: str) -> bool:
    """A whole line that is page furniture (prompt, credit, share button...), not article text."""
    if len(line) > MAX_BOILERPLATE_CHARS:
        return False
    return bool(_BOILERPLATE_START.match(line) or _BOILERPLATE_ANYWHERE.search(line) or signs_up(line))


def signs_up(line: str) -> bool:
    """A newsletter sign-up prompt."""
    return bool(_SIGN_UP_START.match(line) or _SIGN_UP_ANYWHERE.search(line))


def _looks_like_newsletter_name(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= MAX_NEWSLETTER_NAME_WORDS and not _TERMINAL.search(line)


class LineFilter:
    """Stateful filter over the lines of one document (a sign-up line affects the next line)."""

    def __init__(self, title: str | None):
        self.title_key = _comparable(title) if title else None
        self.after_sign_up = False

    def keep(self, line: str) -> bool:
        if not line:
            return False
        if self.title_key and _comparable(line) == self.title_key:
            return False
        if len(line) <= MAX_BOILERPLATE_CHARS and signs_up(line):
            self.after_sign_up = True
            return False
        if self.after_sign_up:
            self.after_sign_up = False
            if _looks_like_newsletter_name(line):
                return False
        return not is_boilerplate(line)


def clean_paragraphs(paragraphs: Iterable[str], title: str | None) -> list[str]:
    """Filter and normalise paragraphs that are already one per item (HTML, feed entries)."""
    line_filter = LineFilter(title)
    kept = []
    for paragraph in paragraphs:
        line = normalize_line(paragraph)
        if line and line_filter.keep(line):
            kept.append(line)
    return kept


def split_plain_text(text: str, title: str | None) -> list[str]:
    """Paragraphs of a plain-text body, boilerplate lines removed.

    Blocks separated by blank lines are paragraphs, and the lines inside one block are a
    hard-wrapped paragraph (joined with a space). A text without any blank line has one
    paragraph per line (the usual shape of text copied from a web page).
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    line_filter = LineFilter(title)
    has_blank_lines = bool(_BLANK_LINES.search(text.strip()))
    paragraphs: list[str] = []
    for block in _BLANK_LINES.split(text) if has_blank_lines else [text]:
        kept = [line for line in (normalize_line(raw) for raw in block.split("\n")) if line_filter.keep(line)]
        if not kept:
            continue
        if has_blank_lines:
            paragraphs.append(" ".join(kept))
        else:
            paragraphs.extend(kept)
    return paragraphs


def compose_text(title: str | None, paragraphs: list[str]) -> str | None:
    """The article text (title line, blank line, paragraphs), or None when no body is left."""
    if not paragraphs:
        return None
    title_line = normalize_line(title) if title else ""
    blocks = ([title_line] if title_line else []) + paragraphs
    return "\n\n".join(blocks)


def body_of(text: str, title: str | None) -> str:
    """The article text without its title line (what body-extraction benchmarks score)."""
    title_line = normalize_line(title) if title else ""
    if title_line and text.startswith(title_line + "\n\n"):
        return text[len(title_line) + 2 :]
    return text
