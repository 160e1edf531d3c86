"""Looking at raw bytes before parsing: binary or text, which encoding, which format."""

import re

SNIFF_BYTES = 8192
_BINARY_MAGIC = (
    b"%PDF",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"Rar!",
    b"\x7fELF",
    b"OggS",
    b"\x00\x00\x01\x00",
    b"SQLite format 3",
)
_UTF_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)
_HTML_ROOT = re.compile(rb"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)


def bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _UTF_BOMS:
        if data.startswith(bom):
            return encoding
    return None


def looks_binary(data: bytes) -> bool:
    """Magic numbers of common binary formats, NUL bytes, or many control bytes in the head."""
    head = data[:SNIFF_BYTES]
    if bom_encoding(head) in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        return False
    if head.startswith(_BINARY_MAGIC):
        return True
    if b"\x00" in head:
        return True
    return len(_CONTROL_BYTES.findall(head)) > max(8, len(head) // 100)


def decode_strict(data: bytes) -> str | None:
    """UTF-8 (or UTF-16/32 with a BOM); None if the bytes are not valid in that encoding."""
    encoding = bom_encoding(data) or "utf-8"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_LATIN_LETTERS = set("àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßœŒšŠžŽ"
                     "‘’“”–—…€ «»°£©")


def _reads_as_western(text: str) -> bool:
    """Every non-ASCII character a Western letter or mark, and few of them: Western-European
    text is mostly ASCII, while Cyrillic or Greek read as cp1252 is almost all accented letters."""
    letters = [ch for ch in text if ch.isalpha()]
    high = [ch for ch in text if ord(ch) > 127]
    return all(ch in _LATIN_LETTERS for ch in high) and len(high) <= 0.3 * max(1, len(letters))


def decode_text(data: bytes) -> str | None:
    """Text in the encoding the bytes show; None if it is not decodable.

    1. UTF-8 (or a BOM's encoding), strictly: the overwhelming case.
    2. Mostly UTF-8 (valid multi-byte sequences, a few bad bytes): UTF-8 with each bad byte
       replaced by U+FFFD, never the whole file re-read in a legacy codepage (that turns
       every curly quote into mojibake).
    3. Windows-1252 (which covers Latin-1's letters) when the text it gives reads as Western
       (_reads_as_western): short files give detectors too little evidence, and they would pick
       a Baltic or Cyrillic codepage for "crème".
    4. Another legacy encoding only where charset detection is confident.
    """
    text = decode_strict(data)
    if text is not None:
        return text
    bad = len(data.decode("utf-8", errors="replace").split("\ufffd")) - 1 if bom_encoding(data) is None else 0
    multibyte = len(_UTF8_SEQUENCE.findall(data))
    if multibyte and bad <= max(2, multibyte // 10):
        return data.decode("utf-8", errors="replace")
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and _reads_as_western(western):
        return western
    try:
        from charset_normalizer import from_bytes
    except ImportError:
        return None
    best = from_bytes(data).best()
    if best is None or best.chaos > 0.1:
        return None
    return str(best)


def sniff_format(data: bytes) -> str | None:
    """'feed', 'html' or 'json' from the first bytes, for files without a telling extension."""
    head = data[:SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n")
    if _FEED_ROOT.search(head):
        return "feed"
    if _HTML_ROOT.search(head):
        return "html"
    if head[:1] in (b"{", b"["):
        return "json"
    return None
