"""JSON and JSON Lines articles: one article per object.

A `.json` file holds one object, a list of objects, or an object with the list under
"articles" / "items" / "entries" / "data" / "results" / "documents". A `.jsonl` file holds one
object per line; a broken line is quarantined on its own and the other lines still load.

Field names (first one found wins; matching ignores case, "-" and "_"):

    text       text, body, content, articleBody, article_body, full_text, fulltext,
               maintext, main_text, story, article
    title      title, headline, heading
    url        url, canonical_url, link, href, permalink, uri
    published  published, published_at, pubDate, datePublished, date, publish_date,
               pub_date, date_published, isoDate, created_at, timestamp, time
    author     author, authors, byline, creator, dc:creator, writer
    publisher  publisher, source, site_name, sitename, outlet, publication, site
    language   language, lang, inLanguage, language_code, locale
    id         id, guid, doc_id, _id, uuid   (becomes Article.source_item)

A body that carries HTML markup is converted to text first. The Reuters-21578 line shape
{"id", "url", "title", "published", "source", "text"} is one of these.
"""

import json
import re

from pipelines.ingest.article import ReadResult, Rejection, bytes_hash
from pipelines.ingest.cleaning import clean_paragraphs, split_plain_text
from pipelines.ingest.htmltext import html_to_paragraphs, looks_like_html
from pipelines.ingest.records import build_article, text_field

FIELD_ALIASES = {
    "text": ("text", "body", "content", "articlebody", "fulltext", "maintext", "story", "article"),
    "title": ("title", "headline", "heading"),
    "url": ("url", "canonicalurl", "link", "href", "permalink", "uri"),
    "published": (
        "published", "publishedat", "pubdate", "datepublished", "date", "publishdate",
        "isodate", "createdat", "timestamp", "time",
    ),
    "author": ("author", "authors", "byline", "creator", "dccreator", "writer"),
    "publisher": ("publisher", "source", "sitename", "outlet", "publication", "site"),
    "language": ("language", "lang", "inlanguage", "languagecode", "locale"),
    "id": ("id", "guid", "docid", "uuid"),
}
LIST_KEYS = ("articles", "items", "entries", "data", "results", "documents")
_KEY_NOISE = re.compile(r"[\s_\-:@]")


def _normalized_keys(obj: dict) -> dict:
    keys = {}
    for key in obj:
        keys.setdefault(_KEY_NOISE.sub("", str(key)).lower(), key)
    return keys


def _field(obj: dict, keys: dict, name: str):
    for alias in FIELD_ALIASES[name]:
        key = keys.get(alias)
        if key is not None and obj[key] not in (None, "", [], {}):
            return obj[key]
    return None


def _body_paragraphs(body, title: str | None) -> list[str]:
    if isinstance(body, dict):  # {"text": ...} or {"html": ...} wrappers
        body = body.get("text") or body.get("html") or body.get("value") or body.get("content")
    if isinstance(body, list):
        body = "\n\n".join(str(part) for part in body if isinstance(part, (str, int, float)))
    if not isinstance(body, str):
        return []
    if looks_like_html(body):
        return clean_paragraphs(html_to_paragraphs(body), title)
    return split_plain_text(body, title)


def article_from_object(obj, source: str, source_item: str, item_hash: str | None) -> object:
    """An Article or a Rejection from one decoded JSON value."""
    if not isinstance(obj, dict):
        return Rejection(source, "not_an_article", f"expected a JSON object, got {type(obj).__name__}", item_hash, source_item)
    keys = _normalized_keys(obj)
    identifier = text_field(_field(obj, keys, "id"))
    title = text_field(_field(obj, keys, "title"))
    body = _field(obj, keys, "text")
    if body is None:
        return Rejection(
            source, "no_text", "object has no text field (text, body, content, articleBody ...)", item_hash,
            identifier or source_item,
        )
    publisher = _field(obj, keys, "publisher")
    return build_article(
        source=source,
        paragraphs=_body_paragraphs(body, title),
        title=title,
        raw_hash=item_hash,
        source_item=identifier or source_item,
        canonical_url=_field(obj, keys, "url"),
        author=_field(obj, keys, "author"),
        publisher=publisher,
        published=_field(obj, keys, "published"),
        published_source="metadata",
        language=_field(obj, keys, "language"),
    )


def _collect(result: ReadResult, item) -> None:
    if isinstance(item, Rejection):
        result.rejections.append(item)
    else:
        result.articles.append(item)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _loads(text: str):
    """json.loads, with lone surrogates ("\\ud800", valid JSON but not text) replaced by U+FFFD:
    they cannot be encoded as UTF-8, so DuckDB (and any writer) would fail on them later."""
    data = json.loads(text)
    return _without_surrogates(data) if "\\u" in text.lower() else data


def _without_surrogates(value):
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_without_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {_without_surrogates(k): _without_surrogates(v) for k, v in value.items()}
    return value


def read_json(text: str, source: str, raw_hash: str | None = None) -> ReadResult:
    """Articles from a whole-document JSON file."""
    result = ReadResult()
    try:
        data = _loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        result.rejections.append(Rejection(source, "malformed_json", f"invalid JSON: {exc}"[:300], raw_hash))
        return result
    if isinstance(data, dict) and not _field(data, _normalized_keys(data), "text"):
        for key in LIST_KEYS:
            if isinstance(data.get(key), list):
                data = data[key]
                break
    if isinstance(data, dict):
        _collect(result, article_from_object(data, source, None, raw_hash))
        return result
    if not isinstance(data, list):
        result.rejections.append(Rejection(source, "not_an_article", "JSON value is neither an object nor a list", raw_hash))
        return result
    if not data:
        result.rejections.append(Rejection(source, "empty", "JSON list is empty", raw_hash))
        return result
    for index, obj in enumerate(data):
        item_hash = bytes_hash(json.dumps(obj, sort_keys=True, ensure_ascii=False).encode("utf-8"))
        _collect(result, article_from_object(obj, source, str(index), item_hash))
    return result


def read_jsonl(text: str, source: str, raw_hash: str | None = None) -> ReadResult:
    """Articles from a JSON Lines file; each bad line is its own Rejection (source_item = line number)."""
    result = ReadResult()
    for line_number, line in enumerate(text.split("\n"), start=1):
        line = line.strip()
        if not line:
            continue
        item_hash = bytes_hash(line.encode("utf-8"))
        try:
            obj = _loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            result.rejections.append(
                Rejection(source, "malformed_json", f"line {line_number}: {exc}"[:300], item_hash, f"line {line_number}")
            )
            continue
        _collect(result, article_from_object(obj, source, f"line {line_number}", item_hash))
    if not result.articles and not result.rejections:
        result.rejections.append(Rejection(source, "empty", "no JSON lines", raw_hash))
    return result
