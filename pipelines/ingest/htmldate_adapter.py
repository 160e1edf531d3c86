"""htmldate's internal stage functions, behind two calls: the one module that imports them.

Why not htmldate's public `find_date`: it returns a date but not where it found it, and the
warehouse records where (articles.published_source), in htmldate's own order of trust:
"metadata" (meta tags, JSON-LD, <time> in the header) before "url" (a /2019/11/05/ path)
before "text" (markup and text patterns, trafilatura's date). So the HTML reader runs the
stages one at a time: `header_date` (examine_header, then json_search), then `url_date`
(extract_url_date). Those functions and the options object they take (htmldate.utils.Extractor)
are internal to htmldate, pinned with it in constraints.txt; tests/test_ingest_htmldate_adapter.py
fails, naming the installed htmldate version, when a release moves or changes them. Until this
module is updated, every page's date then comes from trafilatura (published_source "text").
"""

from datetime import datetime
from importlib.metadata import version

HTMLDATE_VERSION = version("htmldate")
MIN_DATE = datetime(1995, 1, 1)  # htmldate's own floor: nothing older is a web page's date

try:
    from htmldate.core import examine_header, json_search
    from htmldate.extractors import extract_url_date
    from htmldate.utils import Extractor
except ImportError as exc:  # pragma: no cover - a future htmldate moved them
    examine_header = json_search = extract_url_date = Extractor = None
    IMPORT_ERROR: ImportError | None = exc
else:
    IMPORT_ERROR = None


def _options(date_format: str) -> "Extractor":
    # original: the publication date, not the last modification; no extensive (text) search here
    return Extractor(extensive=False, max=datetime.now(), min=MIN_DATE, original=True, format=date_format)


def header_date(tree, date_format: str) -> str | None:
    """The date of the page's metadata (meta tags, JSON-LD, <time> in the header), formatted
    with date_format; None when there is none, htmldate fails on the markup, or its stages moved."""
    if Extractor is None:
        return None
    options = _options(date_format)
    try:
        return examine_header(tree, options) or json_search(tree, options)
    except Exception:  # htmldate on hostile markup: the caller falls through to the other evidence
        return None


def url_date(url: str | None, date_format: str) -> str | None:
    """The date a URL's path carries (/2019/11/05/...), formatted with date_format; else None."""
    if Extractor is None or not url:
        return None
    return extract_url_date(url, _options(date_format))
