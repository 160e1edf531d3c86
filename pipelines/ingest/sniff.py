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


def decode_text(data: bytes) -> str | None:
    """Text in any encoding we can identify with confidence; None if it is not decodable.

    UTF-8 first (the overwhelming case), then charset detection for legacy encodings
    (Latin-1, Windows-1252, Shift-JIS ...), refused when the detector finds no coherent result.
    """
    text = decode_strict(data)
    if text is not None:
        return text
    try:
        from charset_normalizer import from_bytes
    except ImportError:
        return None
    best = from_bytes(data).best()
    if best is None or best.chaos > 0.25:
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
