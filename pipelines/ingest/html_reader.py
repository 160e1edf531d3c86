"""Web pages: main text and metadata with trafilatura, publication date with htmldate.

The page is parsed once; trafilatura's `bare_extraction` gives text and metadata together.
Extraction options were chosen on the article-extraction-benchmark pages
(scripts/bench_ingest.py): favor_precision=True, include_comments=False, tables kept.

published_source says where the date came from (page_date.py, htmldate's public API):
"url" (a /2019/11/05/ path), "metadata" (meta tags, JSON-LD, <time> and other markup),
"text" (found only in running text, the weakest evidence), "unknown". A page whose text is
rejected keeps its date on its quarantine row.
"""

import logging

import trafilatura

from pipelines.ingest.article import ReadResult, Rejection
from pipelines.ingest.cleaning import clean_paragraphs
from pipelines.ingest.page_date import dated_url_is_trusted, page_date
from pipelines.ingest.records import build_article

EXTRACTION_OPTIONS = {
    "favor_precision": True,
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
}
DATE_FORMAT = "%Y-%m-%dT%H:%M:%S"
# Below this, what trafilatura's fallback found is a menu label or a caption, not an article.
MIN_PAGE_TEXT_CHARS = 30

# trafilatura and htmldate log every odd page at WARNING/ERROR; a reader reports through Rejections.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


def _day_precise(date: str | None) -> str | None:
    """htmldate pads a bare day with midnight; keep the day precision honest."""
    return date[:10] if date and date.endswith("T00:00:00") else date


def read_html(
    data: bytes | str,
    source: str,
    raw_hash: str | None = None,
    url: str | None = None,
    source_item: str | None = None,
) -> ReadResult:
    """One article from an HTML page; a Rejection when the page cannot be parsed or has no text."""
    result = ReadResult()
    try:
        tree = trafilatura.load_html(data)
    except Exception as exc:  # lxml raises a zoo of errors on broken bytes
        tree = None
        detail = f"HTML parser failed: {type(exc).__name__}"
    else:
        detail = "not parseable as an HTML document"
    if tree is None:
        result.rejections.append(Rejection(source, "malformed_html", detail, raw_hash, source_item))
        return result
    date, date_source = page_date(tree, url, DATE_FORMAT)
    page_language = tree.get("lang") or tree.get("xml:lang")
    try:
        document = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            date_extraction_params={"extensive_search": False, "original_date": True, "outputformat": DATE_FORMAT},
            **EXTRACTION_OPTIONS,
        )
    except Exception as exc:
        result.rejections.append(
            Rejection(source, "malformed_html", f"extraction failed: {type(exc).__name__}: {exc}"[:300], raw_hash, source_item)
        )
        return result
    # A page whose text is rejected keeps its date on the quarantine row.
    dated = {"published": _day_precise(date), "published_source": date_source if date else None}
    if document is None or not (document.text or "").strip():
        result.rejections.append(Rejection(source, "no_text", "no main text found in the page", raw_hash, source_item,
                                           **dated))
        return result
    paragraphs = clean_paragraphs(document.text.split("\n"), document.title)
    if sum(len(p) for p in paragraphs) < MIN_PAGE_TEXT_CHARS:
        detail = f"only {sum(len(p) for p in paragraphs)} characters of main text after cleaning"
        result.rejections.append(Rejection(source, "no_text", detail, raw_hash, source_item, **dated))
        return result
    if date is None and document.date and dated_url_is_trusted(document.url or url):
        # trafilatura's own htmldate call: the date when page_date met markup it could not read
        date, date_source = document.date, "text"
    date = _day_precise(date)
    title = document.title
    item = build_article(
        source=source,
        paragraphs=paragraphs,
        title=title,
        raw_hash=raw_hash,
        source_item=source_item,
        canonical_url=document.url or url,  # the page's own canonical link wins over the fetched URL
        author=document.author,
        publisher=document.sitename,
        published=date,
        published_source=date_source,
        language=document.language or page_language,
        extra={"hostname": document.hostname} if document.hostname else None,
    )
    if isinstance(item, Rejection):
        result.rejections.append(item)
    else:
        result.articles.append(item)
    return result
