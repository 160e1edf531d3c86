"""Publication dates from the many shapes inputs give them in.

Everything becomes a naive datetime in UTC (the warehouse stores TIMESTAMP without zone);
a value without a zone (e.g. Reuters' "1987-03-17T06:52:40") is kept as written.
The precision ("year", "month", "day", "time") says how much of the value was really given.
"""

import re
import time
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime

MIN_YEAR = 1800
MAX_YEAR = 2100

_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_YEAR = re.compile(r"^(\d{4})$")
_HAS_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


def _to_naive_utc(value: datetime) -> datetime:
    if value.tzinfo is not None:
        value = value.astimezone(timezone.utc).replace(tzinfo=None)
    return value


def _plausible(value: datetime | None) -> datetime | None:
    if value is None or not MIN_YEAR <= value.year <= MAX_YEAR:
        return None
    return value


def parse_published(value) -> tuple[datetime | None, str | None]:
    """(datetime, precision) from a string, number, date, datetime or struct_time; (None, None) if unusable."""
    if value is None or value == "":
        return None, None
    if isinstance(value, datetime):
        return _plausible(_to_naive_utc(value)), "time"
    if isinstance(value, date):
        return _plausible(datetime(value.year, value.month, value.day)), "day"
    if isinstance(value, time.struct_time):
        return _plausible(datetime(*value[:6])), "time"
    if isinstance(value, bool):
        return None, None
    if isinstance(value, (int, float)):
        seconds = value / 1000 if value > 1e11 else value  # epoch milliseconds are common in JSON
        try:
            return _plausible(datetime.fromtimestamp(seconds, tz=timezone.utc).replace(tzinfo=None)), "time"
        except (OverflowError, OSError, ValueError):
            return None, None
    if not isinstance(value, str):
        return None, None
    return _parse_string(value.strip())


def _parse_string(text: str) -> tuple[datetime | None, str | None]:
    if not text:
        return None, None
    if match := _YEAR_MONTH.match(text):
        year, month = int(match[1]), int(match[2])
        if 1 <= month <= 12:
            return _plausible(datetime(year, month, 1)), "month"
        return None, None
    if match := _YEAR.match(text):
        return _plausible(datetime(int(match[1]), 1, 1)), "year"
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
        precision = "day" if len(text) <= 10 else "time"
        return _plausible(_to_naive_utc(parsed)), precision
    except ValueError:
        pass
    try:
        return _plausible(_to_naive_utc(parsedate_to_datetime(text))), "time"
    except (TypeError, ValueError, IndexError):
        pass
    if not _HAS_YEAR.search(text):
        return None, None  # dateutil would invent a year for "March 5"
    try:
        from dateutil import parser as date_parser

        parsed = date_parser.parse(text, default=datetime(2000, 1, 1))  # missing day -> 1st, not today
    except (ValueError, OverflowError, ImportError):
        return None, None
    has_time = bool(re.search(r"\d:\d\d", text))
    return _plausible(_to_naive_utc(parsed)), "time" if has_time else "day"
