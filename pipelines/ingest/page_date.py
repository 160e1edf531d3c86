"""A web page's publication date through htmldate's public API, and where it was found.

htmldate's `find_date` returns a date but not its evidence, and the warehouse records the
evidence (articles.published_source), so the documented calls are made in htmldate's own order:
  "url"       the date the page's URL (or canonical link) carries: find_date on an empty page with
              the URL (htmldate trusts a /2019/11/05/ path first);
  "metadata"  the fast pass (extensive_search=False): meta tags, JSON-LD, <time> and other markup;
  "text"      only the extensive pass found it, in running text: weaker evidence.
original_date=True throughout: the publication date, not the last modification.
"""

from datetime import datetime

from htmldate import find_date

MIN_DATE = datetime(1995, 1, 1)  # htmldate's own floor: nothing older is a web page's date
_EMPTY_PAGE = "<html><body></body></html>"


def page_date(tree, url: str | None, date_format: str) -> tuple[str | None, str]:
    """(date formatted with date_format, source) or (None, "unknown"); never raises."""
    if url is None and tree is not None:
        canonical = tree.find('.//link[@rel="canonical"]')
        url = canonical.get("href") if canonical is not None else None
    options = {"original_date": True, "outputformat": date_format, "min_date": MIN_DATE, "max_date": datetime.now()}
    try:
        from_url = find_date(_EMPTY_PAGE, url=url, extensive_search=False, **options) if url else None
        fast = find_date(tree, url=url, extensive_search=False, **options)
        if fast:
            return fast, "url" if fast == from_url else "metadata"
        found = find_date(tree, url=url, extensive_search=True, **options)
    except Exception:  # htmldate on hostile markup: the caller falls back to other evidence
        return None, "unknown"
    return (found, "text") if found else (None, "unknown")
