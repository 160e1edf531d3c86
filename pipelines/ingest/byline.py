"""Bylines as a clean list of person names, or none.

Page metadata delivers bylines garbled: "Mike Wuerthele; Malcolm Owen Monday; November",
"Condé Nast; Molly Wood", "Admin", "By JANE DOE, Staff Writer". The author is never a
quotation speaker or a stance holder, and the article's own voice is attributed to them, so
a wrong name here spreads: only parts that look like a person's name are kept.
"""

import re

_SEPARATORS = re.compile(r"\s*(?:;|,|\||/|\n|\band\b|&|\bwith\b)\s*", re.IGNORECASE)
_LEADING_BY = re.compile(r"^(?:by|written\s+by|words\s+by|story\s+by|reporting\s+by)\s+", re.IGNORECASE)
_IN_PLACE = re.compile(r"\s+(?:in|from|at|for)\s+[A-Z].*$")
_DATE_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "today",
    "yesterday", "updated", "published", "am", "pm", "et", "gmt", "utc",
}
_ROLE_WORDS = {
    "staff", "writer", "reporter", "editor", "editors", "correspondent", "contributor", "columnist", "senior",
    "chief", "political", "national", "business", "special", "guest", "freelance", "photographer", "producer",
}
# Words that make a part an organization or a placeholder, not a person.
_NOT_A_PERSON = {
    "admin", "administrator", "staff", "newsroom", "desk", "team", "editorial", "board", "press", "news", "media",
    "inc", "llc", "ltd", "corp", "company", "nast", "group", "network", "agency", "times", "post", "daily",
    "journal", "reuters", "afp", "ap", "bloomberg", "associated", "wire", "wires", "service", "services",
    "online", "digital", "magazine", "tribune", "herald", "gazette", "guardian", "unknown", "anonymous", "user",
    "international", "radio", "tv", "television", "channel", "broadcasting", "weekly", "sputnik", "foundation",
}
_PARTICLES = {"de", "da", "del", "della", "van", "von", "der", "den", "bin", "al", "la", "le", "di", "du", "dos",
              "y", "ibn", "st.", "mc", "o'"}
_WORD = re.compile(r"^[A-ZÀ-Ý][\w.'’-]*$|^[a-z]+$")


def clean_byline(raw: str | None) -> list[str]:
    """The person names in a byline, in order, without duplicates."""
    if not raw or not isinstance(raw, str):
        return []
    names: list[str] = []
    for part in _SEPARATORS.split(raw):
        part = _IN_PLACE.sub("", _LEADING_BY.sub("", part.strip()))  # "David Smith in Washington"
        name = _person_name(part)
        if name and name not in names:
            names.append(name)
    return names


def _person_name(part: str) -> str | None:
    words = part.split()
    while words and (words[-1].lower().strip(".,") in _DATE_WORDS | _ROLE_WORDS or any(c.isdigit() for c in words[-1])):
        words.pop()  # "Malcolm Owen Monday", "Jane Doe Staff Writer", "Jane Doe 10:30"
    while words and words[0].lower().strip(".,") in _ROLE_WORDS:
        words.pop(0)
    if not 2 <= len(words) <= 4:
        return None
    lowered = [w.lower().strip(".,") for w in words]
    if any(w in _NOT_A_PERSON or w in _DATE_WORDS for w in lowered):
        return None
    if any(not _WORD.match(w) or (w.islower() and w not in _PARTICLES) for w in words):
        return None
    if words[0].islower() or words[-1].islower() or words[0].lower() == "the":
        return None
    if all(w.isupper() and len(w) > 1 for w in words):  # "JANE DOE" as some sites print it
        words = [w.capitalize() for w in words]
    return " ".join(words)


def byline_text(raw: str | None) -> str | None:
    """The names joined with "; " (how the author column holds several), or None."""
    names = clean_byline(raw)
    return "; ".join(names) if names else None
