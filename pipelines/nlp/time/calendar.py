"""Calendar arithmetic on TIMEX3 values: shifting reference dates, and the interval a value covers."""

import calendar
import re
from datetime import date, timedelta

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
MIN_YEAR, MAX_YEAR = 1, 9999


def valid_ymd(year: int, month: int, day: int) -> bool:
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        return False
    return 1 <= day <= calendar.monthrange(year, month)[1]


def add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    year = max(MIN_YEAR, min(MAX_YEAR, year))
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def add_years(d: date, years: int) -> date:
    return add_months(d, 12 * years)


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def season_of(d: date) -> tuple[int, str]:
    """(season year, season code); December belongs to the winter that starts in it."""
    m = d.month
    if m in (3, 4, 5):
        return d.year, "SP"
    if m in (6, 7, 8):
        return d.year, "SU"
    if m in (9, 10, 11):
        return d.year, "FA"
    return (d.year, "WI") if m == 12 else (d.year - 1, "WI")


def week_value(d: date) -> str:
    iso_year, iso_week, _ = d.isocalendar()
    return f"{iso_year:04d}-W{iso_week:02d}"


def day_value(d: date) -> str:
    return d.isoformat()


def month_value(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def value_at(d: date, unit: str) -> str:
    """The TIMEX3 value of the unit-sized period containing d."""
    if unit == "day":
        return day_value(d)
    if unit == "week":
        return week_value(d)
    if unit == "weekend":
        return week_value(d) + "-WE"
    if unit == "month":
        return month_value(d)
    if unit == "quarter":
        return f"{d.year:04d}-Q{quarter_of(d)}"
    if unit == "half":
        return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
    if unit == "year":
        return f"{d.year:04d}"
    if unit == "decade":
        return f"{d.year // 10:03d}"
    if unit == "century":
        return f"{d.year // 100:02d}"
    if unit in ("season",):
        year, code = season_of(d)
        return f"{year:04d}-{code}"
    return f"{d.year:04d}"


def shift(d: date, unit: str, n: int) -> date:
    if unit == "day":
        return d + timedelta(days=n)
    if unit in ("week", "weekend"):
        return d + timedelta(weeks=n)
    if unit == "month":
        return add_months(d, n)
    if unit == "quarter":
        return add_months(d, 3 * n)
    if unit == "half":
        return add_months(d, 6 * n)
    if unit == "season":
        return add_months(d, 3 * n)
    if unit == "year":
        return add_years(d, n)
    if unit == "decade":
        return add_years(d, 10 * n)
    if unit == "century":
        return add_years(d, 100 * n)
    if unit in ("hour", "minute", "second"):
        return d
    return d


_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")


def interval_of(value: str | None) -> tuple[str | None, str | None, str | None]:
    """(start ISO date, end ISO date inclusive, granularity) of a DATE/TIME value, or Nones."""
    if not value:
        return None, None, None
    try:
        return _interval(value)
    except (ValueError, OverflowError):
        return None, None, None


def _interval(value: str):
    m = _DAY.match(value)
    if m:
        d = date(int(m[1]), int(m[2]), int(m[3]))
        clock = value.partition("T")[2]
        gran = "minute" if ":" in clock else "hour" if clock[:2].isdigit() else "day"  # TMO, TNI: parts of a day
        return d.isoformat(), d.isoformat(), gran
    m = _MONTH.match(value)
    if m:
        y, mo = int(m[1]), int(m[2])
        return date(y, mo, 1).isoformat(), date(y, mo, calendar.monthrange(y, mo)[1]).isoformat(), "month"
    m = _YEAR.match(value)
    if m:
        y = int(m[1])
        return date(y, 1, 1).isoformat(), date(y, 12, 31).isoformat(), "year"
    m = _WEEK.match(value)
    if m:
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return (monday + timedelta(days=5)).isoformat(), (monday + timedelta(days=6)).isoformat(), "day"
        return monday.isoformat(), (monday + timedelta(days=6)).isoformat(), "week"
    m = _QUARTER.match(value)
    if m:
        y, q = int(m[1]), int(m[2])
        first = date(y, 3 * q - 2, 1)
        last = add_months(first, 2)
        return first.isoformat(), date(y, last.month, calendar.monthrange(y, last.month)[1]).isoformat(), "quarter"
    m = _HALF.match(value)
    if m:
        y, h = int(m[1]), int(m[2])
        return (date(y, 1, 1) if h == 1 else date(y, 7, 1)).isoformat(), (
            date(y, 6, 30) if h == 1 else date(y, 12, 31)).isoformat(), "month"
    m = _SEASON.match(value)
    if m:
        y = int(m[1])
        first_month, last_month = SEASON_MONTHS[m[2]]
        end_year = y + 1 if m[2] == "WI" else y
        return date(y, first_month, 1).isoformat(), date(
            end_year, last_month, calendar.monthrange(end_year, last_month)[1]).isoformat(), "quarter"
    m = _DECADE.match(value)
    if m:
        y = int(m[1]) * 10
        return date(max(1, y), 1, 1).isoformat(), date(y + 9, 12, 31).isoformat(), "decade"
    m = _CENTURY.match(value)
    if m:
        y = int(m[1]) * 100
        return date(max(1, y), 1, 1).isoformat(), date(y + 99, 12, 31).isoformat(), "century"
    return None, None, None
