"""RSS and Atom feeds: one article per entry (its content, else its summary).

Hostile XML is refused before feedparser sees the bytes: any entity declaration (the
"billion laughs" expansion bomb and external entities both need one) or an external
reference found by defusedxml. A feed that is merely not well-formed (Latin-1 bytes without
an XML declaration, a stray "&") is left to feedparser, which recovers what it can; only when
nothing usable comes out is it quarantined as malformed.

Entry -> Article: title, link (canonical URL), author, published (else updated) date with
published_source "feed", the feed's title as publisher, the entry's or feed's language,
source_item = the entry's guid/id, else its index. HTML in entries is converted to text.
"""

import io
import re
import xml.etree.ElementTree as StdElementTree

import defusedxml.ElementTree as SafeElementTree
import feedparser
from defusedxml import DefusedXmlException

from pipelines.ingest.article import ReadResult, Rejection, bytes_hash
from pipelines.ingest.cleaning import clean_paragraphs
from pipelines.ingest.htmltext import html_to_paragraphs, looks_like_html
from pipelines.ingest.records import build_article
from pipelines.ingest.sniff import bom_encoding

_ENTITY_DECLARATION = re.compile(r"<!ENTITY", re.IGNORECASE)
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def hostile_xml_reason(data: bytes) -> str | None:
    """Why this XML must not be parsed (entity declarations, external references), or None."""
    encoding = bom_encoding(data)
    head = data.decode(encoding, errors="replace") if encoding else data.decode("latin-1")
    if _ENTITY_DECLARATION.search(head):
        return "XML declares entities (entity expansion / external entity attack surface)"
    try:
        SafeElementTree.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        return f"defusedxml refused it: {type(exc).__name__}"
    except (StdElementTree.ParseError, ValueError, UnicodeError):
        return None  # not well-formed: feedparser may still recover it
    return None


def _entry_html_or_text(value: str, content_type: str | None) -> list[str]:
    if (content_type or "").lower() in _HTML_TYPES or looks_like_html(value):
        return html_to_paragraphs(value)
    return [line for line in value.split("\n") if line.strip()]


def _entry_body(entry) -> tuple[str, str | None]:
    """The longest content block, else the summary, with its MIME type."""
    contents = [c for c in entry.get("content", []) if c.get("value")]
    if contents:
        best = max(contents, key=lambda c: len(c["value"]))
        return best["value"], best.get("type")
    detail = entry.get("summary_detail") or {}
    return entry.get("summary", "") or "", detail.get("type")


def _entry_title(entry) -> str | None:
    title = entry.get("title")
    if not title:
        return None
    detail = entry.get("title_detail") or {}
    if (detail.get("type") or "").lower() in _HTML_TYPES:
        return " ".join(html_to_paragraphs(title)) or None
    return title


def read_feed(data: bytes, source: str, raw_hash: str | None = None) -> ReadResult:
    """Articles from an RSS/Atom document's bytes; Rejections for hostile, malformed or empty feeds."""
    result = ReadResult()
    hostile = hostile_xml_reason(data)
    if hostile:
        result.rejections.append(Rejection(source, "hostile_xml", hostile, raw_hash))
        return result
    try:
        # A stream, never raw bytes/str: feedparser treats strings as URLs or file names.
        parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=False)
    except Exception as exc:  # feedparser is defensive, but a parser bug must not escape a reader
        result.rejections.append(Rejection(source, "malformed_xml", f"feed parser failed: {type(exc).__name__}", raw_hash))
        return result
    feed = parsed.get("feed", {})
    entries = parsed.get("entries", [])
    if not entries:
        if parsed.get("bozo"):
            reason, detail = "malformed_xml", f"not a readable feed: {parsed.get('bozo_exception')}"
        elif parsed.get("version"):
            reason, detail = "empty", "feed has no entries"
        else:
            reason, detail = "malformed_xml", "XML is not an RSS or Atom feed"
        result.rejections.append(Rejection(source, reason, detail[:300], raw_hash))
        return result
    publisher = feed.get("title")
    feed_language = feed.get("language")
    for index, entry in enumerate(entries):
        guid = entry.get("id") or entry.get("guid")
        item_key = str(guid) if guid else str(index)
        title = _entry_title(entry)
        body, content_type = _entry_body(entry)
        item_hash = bytes_hash(f"{item_key}\n{title}\n{body}".encode("utf-8", "replace"))
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        item = build_article(
            source=source,
            paragraphs=clean_paragraphs(_entry_html_or_text(body, content_type), title),
            title=title,
            raw_hash=item_hash,
            source_item=item_key,
            canonical_url=entry.get("link"),
            author=entry.get("author"),
            publisher=publisher,
            published=published,
            published_source="feed",
            language=entry.get("language") or feed_language,
            extra={"feed_index": index},
        )
        if isinstance(item, Rejection):
            result.rejections.append(item)
        else:
            result.articles.append(item)
    return result
