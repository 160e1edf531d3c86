"""Plain text and Markdown articles, with optional YAML front matter.

    ---
    title: Putin's Grand Plan for Asia
    url: https://example.org/article        # canonical URL, only if known
    published: 2012-03-05                    # date, datetime, "2012-03" (month) or "2012"
    publisher: The Diplomat
    author: Jane Doe
    language: en
    ---
    Body text; paragraphs separated by blank lines.

Other front-matter keys are kept in Article.extra. Without a `title`, a first line that
looks like a headline (a Markdown heading, or a short line followed by a blank line) is used.
"""

import re

import yaml

from pipelines.ingest import safe_yaml
from pipelines.ingest.article import ReadResult, Rejection
from pipelines.ingest.cleaning import normalize_line, split_plain_text
from pipelines.ingest.records import build_article

FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
FRONT_MATTER_FIELDS = ("title", "url", "published", "publisher", "author", "language")
FIELD_ALIASES = {"canonical_url": "url", "link": "url", "date": "published", "lang": "language", "source": "publisher"}
MAX_HEADLINE_CHARS = 200
_MD_HEADING = re.compile(r"^#{1,6}\s+")


def split_front_matter(text: str) -> tuple[dict | None, str, str | None]:
    """(front matter dict or None, body, error). A malformed block is an error, not body text."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None, text.lstrip("\ufeff"), None
    try:
        meta = safe_yaml.load(match[1])
    except yaml.YAMLError as exc:
        return None, text, f"front matter is not valid YAML: {str(exc).splitlines()[0]}"
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        return None, text, "front matter is not a mapping of field: value"
    meta = {str(key).strip().lower(): value for key, value in meta.items()}
    for alias, field_name in FIELD_ALIASES.items():
        if alias in meta and field_name not in meta:
            meta[field_name] = meta.pop(alias)
    return meta, text[match.end() :], None


def _headline(body: str, markdown: bool) -> str | None:
    """The first line when it reads as a headline rather than as the first paragraph."""
    stripped = body.lstrip()
    first, _, rest = stripped.partition("\n")
    first = normalize_line(first)
    if markdown and _MD_HEADING.match(first):
        return _MD_HEADING.sub("", first) or None
    followed_by_blank = rest.startswith("\n") or rest.lstrip(" \t").startswith("\n")
    if first and len(first) <= MAX_HEADLINE_CHARS and followed_by_blank and rest.strip() and not first.endswith((".", ",", ";")):
        return first
    return None


def read_text(text: str, source: str, raw_hash: str | None = None, markdown: bool = False) -> ReadResult:
    """One article from a .txt / .md file's decoded text."""
    result = ReadResult()
    meta, body, error = split_front_matter(text)
    if error:
        result.rejections.append(Rejection(source, "malformed_front_matter", error, raw_hash))
        return result
    meta = meta or {}
    title = meta.get("title")
    if title is None:
        title = _headline(body, markdown)
    if markdown:
        body = "\n".join(_MD_HEADING.sub("", line) for line in body.split("\n"))
    extra = {key: str(value)[:500] for key, value in meta.items() if key not in FRONT_MATTER_FIELDS and value is not None}
    item = build_article(
        source=source,
        paragraphs=split_plain_text(body, title if isinstance(title, str) else None),
        title=title,
        raw_hash=raw_hash,
        canonical_url=meta.get("url"),
        author=meta.get("author"),
        publisher=meta.get("publisher"),
        published=meta.get("published"),
        published_source="front_matter",
        language=meta.get("language"),
        extra=extra,
    )
    if isinstance(item, Rejection):
        result.rejections.append(item)
    else:
        result.articles.append(item)
    return result
