"""Name clean-up and the normalized name key that merges entities across documents."""

import re
import unicodedata

# Honorifics and offices stripped from person mentions ("Mr. Putin" -> "Putin").
TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "rev", "fr",
    "president", "vice", "prime", "minister", "sen", "senator", "rep", "representative", "gov",
    "governor", "mayor", "gen", "general", "col", "lt", "sgt", "capt", "adm", "judge", "justice",
    "secretary", "chairman", "chairwoman", "speaker", "king", "queen", "prince", "princess",
    "pope", "ambassador", "chancellor", "premier", "former", "the", "atty", "attorney",
}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_TOKEN = re.compile(r"[^\W_](?:[\w.'’-]*[^\W_])?\.?")


def clean_name(text: str, start: int, end: int) -> tuple[int, int, str]:
    """Trim a mention to its name: no leading "the", no possessive, no surrounding junk."""
    span = text[start:end]
    lead = len(span) - len(span.lstrip(" \t\n\"“”'‘’(-—"))
    start += lead
    span = span[lead:]
    m = _LEADING_THE.match(span)
    if m:
        start += m.end()
        span = span[m.end():]
    span = span.rstrip(" \t\n\"“”(),;:-—")
    m = _POSSESSIVE.search(span)
    if m and len(span) > m.end() - m.start():
        span = span[: m.start()]
    span = span.rstrip(" \t\n")
    if "\n" in span:  # the model sometimes runs a name over a headline break
        span = span.split("\n", 1)[0].rstrip()
    return start, start + len(span), span


def name_tokens(name: str) -> list[str]:
    """Words of a name without titles: "Mr. Vladimir V. Putin" -> ["Vladimir", "V.", "Putin"]."""
    tokens = _TOKEN.findall(name)
    # Titles go, but never the last word: "King" (a surname) and "Speaker" stay names.
    while len(tokens) > 1 and tokens[0].lower().rstrip(".") in TITLES:
        tokens = tokens[1:]
    return tokens


def _fold(value: str) -> str:
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def name_key(name: str, etype: str = "PERSON") -> str:
    """Lowercase, accent-free, punctuation-free; for persons no initials or suffixes, so that
    "Donald J. Trump" and "Donald Trump" share a key."""
    words = [re.sub(r"[^\w]", "", _fold(t)) for t in name_tokens(name)]
    words = [w for w in words if w]
    if etype == "PERSON":
        kept = [w for w in words if len(w) > 1 and w not in _SUFFIXES]
        words = kept or words
    return " ".join(words)


def author_keys(author: str | None, publisher: str | None) -> set[str]:
    """Name keys of an article's own voice (its authors, "; "-separated, and its publisher): never a
    quotation speaker or a stance holder."""
    keys = set()
    for value in (author, publisher):
        for part in (value or "").replace(" and ", ";").replace(",", ";").split(";"):
            part = part.strip()
            if part:
                keys.update({name_key(part, "PERSON"), name_key(part, "ORG")})
    return keys
