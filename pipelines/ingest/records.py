"""Turning the fields a reader found into an Article (or a Rejection when no text is left)."""

from pipelines.ingest.article import Article, Rejection
from pipelines.ingest.cleaning import compose_text, normalize_line
from pipelines.ingest.dates import parse_published, warehouse_precision

MAX_FIELD_CHARS = 500  # a title/author/publisher longer than this is not one


def text_field(value) -> str | None:
    """A short metadata string from str / list / {"name": ...} shapes; None when empty."""
    if value is None:
        return None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@name") or value.get("value") or value.get("title")
    if isinstance(value, (list, tuple)):
        parts = [text_field(item) for item in value]
        value = ", ".join(part for part in parts if part)
    if not isinstance(value, str):
        value = str(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None
    if not value:
        return None
    value = normalize_line(value)
    return value[:MAX_FIELD_CHARS] or None


def build_article(
    *,
    source: str,
    paragraphs: list[str],
    title=None,
    raw_hash: str | None = None,
    source_item: str | None = None,
    canonical_url=None,
    author=None,
    publisher=None,
    published=None,
    published_source: str = "unknown",
    language=None,
    extra: dict | None = None,
) -> Article | Rejection:
    """An Article whose text is title + cleaned paragraphs; a `no_text` Rejection when the body is empty.

    `paragraphs` must already be cleaned (see pipelines.ingest.cleaning); `published` is any
    value pipelines.ingest.dates.parse_published accepts.
    """
    title = text_field(title)
    text = compose_text(title, paragraphs)
    if text is None:
        return Rejection(
            source=source,
            reason="no_text",
            detail="no article text left after cleaning" + (f" (title: {title[:80]})" if title else ""),
            content_hash=raw_hash,
            source_item=source_item,
        )
    extra = dict(extra or {})
    published_date = parse_published(published)
    published_at = published_date.utc if published_date is not None else None
    if published_date is None:
        if published not in (None, ""):
            extra["published_raw"] = str(published)[:100]
        published_source = "unknown"
    else:
        extra["published_precision"] = warehouse_precision(published_date)
    if raw_hash:
        extra["raw_hash"] = raw_hash
    url = text_field(canonical_url)
    return Article(
        source=source,
        text=text,
        title=title,
        canonical_url=url if url and url.lower().startswith(("http://", "https://")) else None,
        author=text_field(author),
        publisher=text_field(publisher),
        published_at=published_at,
        published_source=published_source,
        language=_language_code(language),
        source_item=source_item,
        extra=extra,
    )


def _language_code(value) -> str | None:
    """'en' from 'en', 'en-US', 'en_GB', 'EN'; None for anything that is not a language tag."""
    value = text_field(value)
    if not value:
        return None
    code = value.replace("_", "-").split("-")[0].lower()
    return code if code.isalpha() and 2 <= len(code) <= 3 else None
