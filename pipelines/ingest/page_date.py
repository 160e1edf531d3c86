"""A web page's publication date through htmldate's public API, and where it was found.

htmldate's `find_date` returns a date but not its evidence, and the warehouse records the
evidence (articles.published_source), so the documented calls are made in htmldate's own order:
  "url"       the date the page's URL (or canonical link) carries: find_date on an empty page with
              the URL (htmldate trusts a /2019/11/05/ path first; not /2023/10/3-fragen-..., a slug);
  "metadata"  the fast pass (extensive_search=False): meta tags, JSON-LD, <time> and other markup.
              When explicit publication markup (article:published_time, itemprop or JSON-LD
              datePublished) agrees with it, that settles it; otherwise an element other than
              <meta> marked itemprop="datePublished" (schema.org microdata) wins;
  "text"      then a date right after a publication label in the visible text ("Erschienen am",
              "Published", "Datum:"); else what only the extensive pass found in running text:
              weaker evidence.
original_date=True throughout: the publication date, not the last modification.
"""

import re
from datetime import datetime

from htmldate import find_date
from lxml.html import builder as E

MIN_DATE = datetime(1995, 1, 1)  # htmldate's own floor: nothing older is a web page's date
_EMPTY_PAGE = "<html><body></body></html>"
# a one-digit "day" glued to a slug word is no date: /2023/10/3-fragen-an-...
_SLUG_DAY = re.compile(r"\D(?:19|20)\d\d[/_-][01]?\d[/_-]\d[-_][^\W\d_]")
_PUBLISHED_META = {"article:published_time", "og:article:published_time", "og:published_time",
                   "article:published", "og:pubdate", "datepublished"}
_JSON_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')
_LABEL = (r"(?:erschienen|ver(?:ö|oe)ffentlicht|publiziert|erstellt|geschrieben|gepostet)(?:\s+am)?|"
          r"publi(?:shed|é|e|cado|cato)(?:\s+(?:on|le|el|il))?|posted(?:\s+on)?|written|"
          r"datum|date de publication|fecha de publicaci[oó]n|data di pubblicazione")
_MONTH_WORD = r"[^\W\d_]{3,12}\.?"
_DATE = (r"(\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2})(?!\d)|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4}|"
         rf"\d{{1,2}}\.?\s+(?:de\s+)?{_MONTH_WORD}\s+(?:de\s+)?\d{{4}}|"
         rf"{_MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})")
_LABELLED = re.compile(rf"(?<![^\W\d_])(?:{_LABEL})\s*:?\s*(?:[^\W\d_]{{2,10}},?\s+)?{_DATE}", re.I)
_VISIBLE_TEXT = "//body//text()[not(parent::script or parent::style)]"


def _one_date(text: str | None, options: dict) -> str | None:
    """htmldate's own reading of one date string: find_date on a one-paragraph page."""
    if not text or not text.strip():
        return None
    try:  # lxml refuses control characters; htmldate raises on some odd zone offsets
        page = E.HTML(E.BODY(E.P(text.strip()[:60], {"class": "date"})))
        return find_date(page, url="", extensive_search=False, **options)
    except Exception:
        return None


def _microdata_published(tree, options: dict) -> str | None:
    """The first element other than <meta> marked itemprop="datePublished" (htmldate reads only <meta>)."""
    for elem in tree.iterfind('.//*[@itemprop="datePublished"]'):
        if elem.tag != "meta":
            found = _one_date(elem.get("datetime") or elem.get("content") or elem.text_content(), options)
            if found:
                return found
    return None


def _published_days(tree, options: dict) -> set[str]:
    """The days that explicit publication markup gives: published-time <meta> tags and JSON-LD
    datePublished (a generic name="date" or a modification date is not such evidence)."""
    days = set()
    for meta in tree.iterfind(".//meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _PUBLISHED_META:
            found = _one_date(meta.get("content") or meta.get("datetime"), options)
            if found:
                days.add(found[:10])
    for script in tree.iterfind('.//script[@type="application/ld+json"]'):
        for value in _JSON_PUBLISHED.findall(script.text or ""):
            if found := _one_date(value, options):
                days.add(found[:10])
    return days


def _labelled_date(tree, options: dict) -> str | None:
    """The first date right after a publication label in the page's visible text."""
    text = " ".join(" ".join(tree.xpath(_VISIBLE_TEXT)).split())
    for match in _LABELLED.finditer(text):
        if found := _one_date(match[1], options):
            return found
    return None


def dated_url_is_trusted(url: str | None) -> bool:
    """False for a URL whose "day" is a one-digit slug start (/2023/10/3-questions-...)."""
    return not (url and _SLUG_DAY.search(url))


def page_date(tree, url: str | None, date_format: str) -> tuple[str | None, str]:
    """(date formatted with date_format, source) or (None, "unknown"); never raises."""
    if url is None and tree is not None:
        canonical = tree.find('.//link[@rel="canonical"]')
        url = canonical.get("href") if canonical is not None else None
    if not dated_url_is_trusted(url):
        url = ""  # "" keeps htmldate off both the URL and the canonical link
    options = {"original_date": True, "outputformat": date_format, "min_date": MIN_DATE, "max_date": datetime.now()}
    try:
        from_url = find_date(_EMPTY_PAGE, url=url, extensive_search=False, **options) if url else None
        fast = find_date(tree, url=url, extensive_search=False, **options)
        if fast and fast == from_url:
            return fast, "url"
        # Explicit publication markup that agrees with htmldate settles it; a page may carry a
        # second datePublished (a related item's) or a labelled date elsewhere.
        if fast and fast[:10] in _published_days(tree, options):
            return fast, "metadata"
        if marked := _microdata_published(tree, options):
            return marked, "metadata"
        # A labelled date the reader sees ("Published March 3, 2019") outranks what the fast pass
        # picked from generic markup.
        labelled = _labelled_date(tree, options)
        if labelled and labelled != fast:
            return labelled, "text"
        if fast:
            return fast, "metadata"
        found = find_date(tree, url=url, extensive_search=True, **options)
    except Exception:  # htmldate on hostile markup: the caller falls back to other evidence
        return None, "unknown"
    return (found, "text") if found else (None, "unknown")
