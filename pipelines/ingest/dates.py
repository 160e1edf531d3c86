"""Publication dates from the many shapes inputs give them in, as one typed value.

Everything becomes a PublicationDate (pipelines.nlp.types, the type extraction reads too); its
`utc` is the naive UTC datetime the warehouse stores (TIMESTAMP without zone): a value without
a zone (e.g. Reuters' "1987-03-17T06:52:40") is kept as written. The precision says how much of
the value was really given; the warehouse records it as "year", "month", "day" or "time".
"""

import re
import time
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

from pipelines.nlp.types import PublicationDate

# A publication date is plausible from 1800 to the day after the article is read; the articles
# check (sql/queries/quality/articles.sql, published_at_plausible) applies the same rule to
# last_seen, so the reader never keeps a date the check would flag.
MIN_YEAR = 1800
FUTURE_GRACE = timedelta(days=1)

_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_YEAR = re.compile(r"^(\d{4})$")
_HAS_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


def warehouse_precision(published: PublicationDate) -> str:
    """year | month | day | time (articles.published_precision)."""
    return published.precision if published.precision in ("year", "month", "day") else "time"


def _timestamp(value: datetime, text: str | None = None) -> PublicationDate:
    """A full date and time, with the zone it carries (none: kept as written)."""
    return PublicationDate(value.replace(tzinfo=None), "second", value.utcoffset(), text)


def plausible(value: PublicationDate | None, now: datetime | None = None) -> PublicationDate | None:
    """The value when it is a plausible publication date (see MIN_YEAR, FUTURE_GRACE), else None."""
    if value is None or value.utc.year < MIN_YEAR:
        return None
    if value.utc > (now or datetime.now(timezone.utc).replace(tzinfo=None)) + FUTURE_GRACE:
        return None
    return value


def parse_published(value) -> PublicationDate | None:
    """From a string, number, date, datetime or struct_time; None if unusable."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return plausible(_timestamp(value))
    if isinstance(value, date):
        return plausible(PublicationDate(datetime(value.year, value.month, value.day), "day"))
    if isinstance(value, time.struct_time):
        return plausible(PublicationDate(datetime(*value[:6]), "second"))
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        seconds = value / 1000 if value > 1e11 else value  # epoch milliseconds are common in JSON
        try:
            moment = datetime.fromtimestamp(seconds, tz=timezone.utc).replace(tzinfo=None)
        except (OverflowError, OSError, ValueError):
            return None
        return plausible(PublicationDate(moment, "second", timedelta(0)))
    if not isinstance(value, str):
        return None
    return _parse_string(value.strip())


def _parse_string(text: str) -> PublicationDate | None:
    if not text:
        return None
    if match := _YEAR_MONTH.match(text):
        year, month = int(match[1]), int(match[2])
        if 1 <= month <= 12:
            return plausible(PublicationDate(datetime(year, month, 1), "month", text=text))
        return None
    if match := _YEAR.match(text):
        return plausible(PublicationDate(datetime(int(match[1]), 1, 1), "year", text=text))
    try:  # a trailing Z was read as UTC here before Python read it: keep doing so, e.g. "2012-03-15Z"
        return plausible(PublicationDate.from_isoformat(text[:-1] + "+00:00" if text.endswith("Z") else text))
    except ValueError:
        pass
    try:
        return plausible(_timestamp(parsedate_to_datetime(text), text))
    except (TypeError, ValueError, IndexError):
        pass
    if not _HAS_YEAR.search(text):
        return None  # dateutil would invent a year for "March 5"
    try:
        from dateutil import parser as date_parser

        parsed = date_parser.parse(text, default=datetime(2000, 1, 1))  # missing day -> 1st, not today
    except (ValueError, OverflowError, ImportError):
        return None
    if re.search(r"\d:\d\d", text):
        return plausible(_timestamp(parsed, text))
    return plausible(PublicationDate(parsed.replace(tzinfo=None), "day", parsed.utcoffset(), text))
