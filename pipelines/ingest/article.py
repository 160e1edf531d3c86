"""The records every reader produces: an Article, or a Rejection that goes to quarantine."""

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime

PUBLISHED_SOURCES = ("metadata", "url", "text", "front_matter", "feed", "unknown")


_WHITESPACE_RUN = re.compile(r"\s+")


def content_hash(text: str) -> str:
    """Hash of the clean text, insensitive to whitespace runs (same article, same hash)."""
    normalized = _WHITESPACE_RUN.sub(" ", text).strip()
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()


def bytes_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def make_article_id(canonical_url: str | None, source: str, text_hash: str) -> str:
    """Stable id: the URL identifies an article across versions; without one, the content does.

    `source` (path or feed URL) is only used as a namespace when there is no URL, so that
    the same text dropped twice under different names is still one article.
    """
    key = f"url:{canonical_url}" if canonical_url else f"content:{text_hash}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@dataclass
class Article:
    source: str  # raw path relative to the inbox, or the URL it was fetched from
    text: str  # clean text: title line, blank line, paragraphs separated by blank lines
    title: str | None = None
    canonical_url: str | None = None
    author: str | None = None
    publisher: str | None = None
    published_at: datetime | None = None
    published_source: str = "unknown"
    language: str | None = None
    source_item: str | None = None  # entry index / guid inside a multi-article file
    extra: dict = field(default_factory=dict)

    def __post_init__(self):
        # Every reader's byline goes through one cleaner: person names or nothing (byline.py).
        from pipelines.ingest.byline import byline_text

        if self.author is not None:
            cleaned = byline_text(self.author)
            if cleaned != self.author:
                self.extra = {**self.extra, "byline_as_given": self.author}
            self.author = cleaned

    @property
    def content_hash(self) -> str:
        # Memoised for the current text: dedup, versioning and ids ask for it several times.
        cached = self.__dict__.get("_content_hash")
        if cached is None or cached[0] is not self.text:
            cached = self.__dict__["_content_hash"] = (self.text, content_hash(self.text))
        return cached[1]

    @property
    def article_id(self) -> str:
        return make_article_id(self.canonical_url, self.source, self.content_hash)


@dataclass
class Rejection:
    """An input that could not become an article; it lands in the quarantine table."""

    source: str
    reason: str  # short machine-readable reason, e.g. "empty", "binary", "malformed_json"
    detail: str = ""
    content_hash: str | None = None
    source_item: str | None = None
    published: str | None = None  # a date found before the text was rejected (ISO), and where
    published_source: str | None = None


@dataclass
class ReadResult:
    articles: list[Article] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)

    def extend(self, other: "ReadResult") -> None:
        self.articles.extend(other.articles)
        self.rejections.extend(other.rejections)
