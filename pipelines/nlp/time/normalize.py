"""TIMEX3 values for the matches of the grammar (grammar.py).

Every rule has a handler returning a Norm. Relative expressions resolve against the
reference in the Context: the publication date, or a date mentioned earlier in the passage
for anaphoric ones ("two weeks later", "that year"). Without a usable reference they keep
their type with value None and a reason, never a guessed value.
"""

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from pipelines.nlp.time import calendar as cal
from pipelines.nlp.time.grammar import (
    MONTHS, NUMBER_WORDS, ORDINALS, PARTS_OF_DAY, SEASONS, VAGUE_QUANTITIES, WEEKDAYS,
)

NO_DCT = "no_publication_date"


@dataclass
class Norm:
    type: str
    value: str | None
    anchor: str | None = None  # publication | mention | None (absolute)
    reason: str | None = None
    relative: bool = False  # needed a reference date
    unit: str | None = None  # granularity of a resolved DATE, for later anaphora
    span: tuple[date, date] | None = None  # an anchored DURATION's days ("the past year": up to the reference)


@dataclass
class Context:
    dct: date | None
    dct_reason: str | None
    tense: object  # TenseOracle: tense(start, end) -> "past" | "present" | "future", and verb_is_past
    last_date: tuple[date, str] | None = None  # latest mentioned date and its unit
    last_quarter: tuple[int, int] | None = None  # (year, quarter) of the latest quarter mentioned
    last_date_pos: int = 0  # where last_date was mentioned
    text: str = ""
    notes: list = field(default_factory=list)


class Unresolvable(Exception):
    """A relative expression with no usable reference date."""


def _ref(ctx: Context) -> date:
    if ctx.dct is None:
        raise Unresolvable(ctx.dct_reason or NO_DCT)
    return ctx.dct


# ---------------------------------------------------------------- small parsers

_WS = re.compile(r"[\s-]+")
_UNIT_WORD = re.compile(
    r"(second|minute|hour|day|night|weekend|week|fortnight|month|quarter|year|decade|centur(?:y|ies))s?\b", re.I)


def norm_text(text: str) -> str:
    return _WS.sub(" ", text.lower()).strip()


def parse_quantity(words: str) -> float | None:
    """'two' -> 2, '2 1/2' -> 2.5, 'twenty five' -> 25, 'a' -> 1; None for vague ('several')."""
    words = norm_text(words)
    for vague in VAGUE_QUANTITIES:
        if words == vague or words.startswith(vague + " "):
            return None
    half = 0.5 if words.endswith(" and a half") or "1/2" in words else 0.0
    words = words.replace(" and a half", "").replace("1/2", "").strip()
    if re.fullmatch(r"\d+(\.\d+)?", words):
        return float(words) + half
    if words in NUMBER_WORDS:
        return NUMBER_WORDS[words] + half
    total = 0
    for w in words.split():
        if w in ("and",):
            continue
        if w == "hundred":
            total = max(total, 1) * 100
        elif w in NUMBER_WORDS:
            total += NUMBER_WORDS[w]
        else:
            return None
    return total + half if total else None


def _unit_of(text: str) -> str | None:
    m = _UNIT_WORD.search(text)
    if not m:
        return None
    unit = m.group(1).lower()
    return {"centuries": "century", "night": "day", "fortnight": "week"}.get(unit, unit)


def duration_value(n: float | None, unit: str) -> str:
    """P2Y, PT3H, PXM ... (TimeML); n None means an unspecified quantity."""
    small = unit in ("hour", "minute", "second")
    code = {"year": "Y", "month": "M", "week": "W", "day": "D", "hour": "H", "minute": "M",
            "second": "S", "quarter": "Q", "decade": "DE", "century": "CE", "weekend": "WE"}.get(unit, "X")
    prefix = "PT" if small else "P"
    if n is None:
        if unit == "decade":
            return "PXDE"
        return f"{prefix}X{code}"
    if unit == "decade":
        return "P1DE" if n == 1 else f"P{_fmt(n * 10)}Y"
    if unit == "century":
        return "P1CE" if n == 1 else f"P{_fmt(n * 100)}Y"
    whole, frac = int(n), n - int(n)
    if frac:
        lower = {"year": (12, "M"), "day": (24, "H"), "hour": (60, "M"), "minute": (60, "S"),
                 "month": (None, None), "week": (7, "D")}.get(unit, (None, None))
        if lower[0]:
            extra = _fmt(frac * lower[0])
            sep = "T" if unit == "day" else ""
            head = f"{whole}{code}" if whole else ""
            return f"{prefix}{head}{sep}{extra}{lower[1]}"
    return f"{prefix}{_fmt(n)}{code}"


def _fmt(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else str(n)


def _month_number(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def _year_from_text(text: str) -> int | None:
    m = re.search(r"(?<!\d)(1\d{3}|20\d{2})(?!\d)", text)
    if m:
        return int(m.group(1))
    spoken = _spoken_year(text)
    return spoken


_SPOKEN = re.compile(r"(nineteen|eighteen|twenty)[\s-]+([a-z]+(?:[\s-]+[a-z]+)?)|two\s+thousand(?:\s+and\s+([a-z]+))?", re.I)


def _spoken_year(text: str) -> int | None:
    m = _SPOKEN.search(text)
    if not m:
        return None
    if m.group(0).lower().startswith("two thousand"):
        rest = parse_quantity(m.group(3)) if m.group(3) else 0
        return 2000 + int(rest or 0)
    century = NUMBER_WORDS[m.group(1).lower()]
    rest = m.group(2).lower()
    if rest == "hundred":
        return century * 100
    tail = parse_quantity(rest)
    if tail is None or tail >= 100:
        return None
    return century * 100 + int(tail)


# ---------------------------------------------------------------- resolution helpers

def resolve_weekday(ref: date, weekday: int, direction: str) -> date:
    diff = weekday - ref.isoweekday()
    if direction == "past":
        if diff > 0:
            diff -= 7
    elif direction == "strict_past":
        if diff >= 0:
            diff -= 7
    elif direction == "future":
        if diff < 0:
            diff += 7
    elif direction == "strict_future":
        if diff <= 0:
            diff += 7
    else:  # present: the nearest such day
        if diff > 3:
            diff -= 7
        elif diff < -3:
            diff += 7
    return ref + timedelta(days=diff)


def resolve_month_year(ref: date, month: int, direction: str) -> int:
    if direction in ("past", "present"):
        return ref.year if month <= ref.month else ref.year - 1
    if direction == "strict_past":
        return ref.year if month < ref.month else ref.year - 1
    if direction == "future":
        return ref.year if month >= ref.month else ref.year + 1
    if direction == "strict_future":
        return ref.year if month > ref.month else ref.year + 1
    return ref.year


def _nearest_year(ref: date, month: int, day: int) -> int:
    """Year putting month/day nearest to ref (within six months)."""
    best = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        if not cal.valid_ymd(year, month, day):
            continue
        dist = abs((date(year, month, day) - ref).days)
        if best is None or dist < best[0]:
            best = (dist, year)
    return best[1] if best else ref.year


def _direction(ctx: Context, start: int, end: int) -> str:
    return ctx.tense(start, end)


# ---------------------------------------------------------------- handlers

def h_iso(text, start, end, ctx):
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?", text)
    y, mo, d = int(m[1]), int(m[2]), int(m[3])
    if not cal.valid_ymd(y, mo, d):
        return Norm("DATE", None, reason="invalid_date")
    if m[4]:
        if int(m[4]) > 24 or int(m[5]) > 59:
            return Norm("TIME", None, reason="invalid_time")
        return Norm("TIME", f"{y:04d}-{mo:02d}-{d:02d}T{m[4]}:{m[5]}", unit="day")
    return Norm("DATE", f"{y:04d}-{mo:02d}-{d:02d}", unit="day")


def h_slash(text, start, end, ctx):
    a, b, y = text.split("/")
    mo, d, y = int(a), int(b), int(y)
    if y < 100:
        y += 1900 if y >= 50 else 2000
    if not cal.valid_ymd(y, mo, d):
        if cal.valid_ymd(y, d, mo):  # day/month order
            mo, d = d, mo
        else:
            return Norm("DATE", None, reason="invalid_date")
    return Norm("DATE", f"{y:04d}-{mo:02d}-{d:02d}", unit="day")


_CLOCK24 = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")
_CLOCK = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?m\b\.?", re.I)


def _day_part_of(text, start, end, ctx) -> tuple[date | None, str | None, bool]:
    """The day a TIME phrase names (weekday, today..., month day); (day, reason, relative)."""
    low = text.lower()
    m = re.search(r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)", low)
    if m:
        ref = _ref(ctx)
        return resolve_weekday(ref, WEEKDAYS[m.group(1)], _weekday_direction(ctx, start, end)), None, True
    m = re.search(r"(today|yesterday|tomorrow|tonight)", low)
    if m:
        ref = _ref(ctx)
        return ref + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(m.group(1), 0)), None, True
    m = re.search(r"([a-z]+)\.?\s+(\d{1,2})", low)
    if m and _month_number(m.group(1)):
        mo, d = _month_number(m.group(1)), int(m.group(2))
        ref = _ref(ctx)
        y = _nearest_year(ref, mo, d)
        if not cal.valid_ymd(y, mo, d):
            return None, "invalid_date", True
        return date(y, mo, d), None, True
    return _ref(ctx), None, True


def h_clock(text, start, end, ctx):
    m = _CLOCK.search(text)
    if not m:
        m = _CLOCK24.search(text)  # "14:30 GMT"
        if not m:
            return Norm("TIME", None, reason="unparsed_time")
        hour, minute = int(m[1]), int(m[2])
    else:
        hour, minute = int(m[1]), int(m[2] or 0)
        if hour > 12 or minute > 59:
            return Norm("TIME", None, reason="invalid_time")
        if m[3].lower() == "p" and hour != 12:
            hour += 12
        elif m[3].lower() == "a" and hour == 12:
            hour = 0
    day, reason, _ = _day_part_of(text[m.end():], start, end, ctx)
    if day is None:
        return Norm("TIME", None, reason=reason)
    return Norm("TIME", f"{day.isoformat()}T{hour:02d}:{minute:02d}", anchor="publication", relative=True)


def h_noon(text, start, end, ctx):
    low = text.lower()
    day, reason, _ = _day_part_of(low.replace("noon", "").replace("midnight", ""), start, end, ctx)
    if day is None:
        return Norm("TIME", None, reason=reason)
    clock = "12:00" if "noon" in low else "24:00"
    return Norm("TIME", f"{day.isoformat()}T{clock}", anchor="publication", relative=True)


def h_season_year(text, start, end, ctx):
    low = text.lower()
    season = next(code for word, code in SEASONS.items() if word in low)
    year = _year_from_text(low.split(" of ", 1)[1])
    if year is None:
        return Norm("DATE", None, reason="unparsed_year")
    return Norm("DATE", f"{year:04d}-{season}", unit="season")


_MD = re.compile(r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?", re.I)
_DM = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?(?:,?\s+(\d{4}))?", re.I)


def _day_month(mo, d, y, start, end, ctx):
    if y is not None:
        if not cal.valid_ymd(y, mo, d):
            return Norm("DATE", None, reason="invalid_date")
        return Norm("DATE", f"{y:04d}-{mo:02d}-{d:02d}", unit="day")
    if not (1 <= d <= 31) or (mo == 2 and d > 29) or (mo in (4, 6, 9, 11) and d > 30):
        return Norm("DATE", None, reason="invalid_date")
    ref = _ref(ctx)
    y = _year_for_day(ref, mo, d, _direction(ctx, start, end))
    if not cal.valid_ymd(y, mo, d):
        return Norm("DATE", None, reason="invalid_date")
    return Norm("DATE", f"{y:04d}-{mo:02d}-{d:02d}", anchor="publication", relative=True, unit="day")


def _year_for_day(ref: date, month: int, day: int, direction: str) -> int:
    """Year of a month-day without a year: the last one before the reference, unless the
    clause is about the future or that one lies much further back than the next."""
    if month == 2 and day == 29:
        return _nearest_year(ref, month, day)
    past_year = ref.year if (month, day) <= (ref.month, ref.day) else ref.year - 1
    future_year = ref.year if (month, day) >= (ref.month, ref.day) else ref.year + 1
    if direction == "future":
        return future_year
    back = (ref - date(past_year, month, day)).days
    ahead = (date(future_year, month, day) - ref).days
    if back > 240 and ahead < 125:
        return future_year
    return past_year


_SIDE_PREFIX = re.compile(r"(last|next|this\s+past|this\s+coming)\s+", re.I)
_WEEKDAY_PREFIX = re.compile(r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+", re.I)


def h_mdy(text, start, end, ctx):
    side = _SIDE_PREFIX.match(text)
    body = _WEEKDAY_PREFIX.sub("", text[side.end():] if side else text)
    m = _MD.search(body)
    mo = _month_number(m[1])
    if side and not m[3]:
        # "last Oct. 23": the latest one before the publication date; "next March 5": the coming one
        ref, day = _ref(ctx), int(m[2])
        past = side[1].lower() in ("last", "this past")
        year = (ref.year if (mo, day) < (ref.month, ref.day) else ref.year - 1) if past else (
            ref.year if (mo, day) > (ref.month, ref.day) else ref.year + 1)
        if not cal.valid_ymd(year, mo, day):
            return Norm("DATE", None, reason="invalid_date")
        return Norm("DATE", f"{year:04d}-{mo:02d}-{day:02d}", anchor="publication", relative=True, unit="day")
    return _day_month(mo, int(m[2]), int(m[3]) if m[3] else None, start, end, ctx)


def h_dmy(text, start, end, ctx):
    body = _WEEKDAY_PREFIX.sub("", text)
    m = _DM.search(body)
    mo = _month_number(m[2])
    if mo is None:
        return Norm("DATE", None, reason="unparsed_date")
    return _day_month(mo, int(m[1]), int(m[3]) if m[3] else None, start, end, ctx)


def h_my(text, start, end, ctx):
    low = norm_text(text)
    words = low.replace(",", "").split()
    mo = next((_month_number(w) for w in words if _month_number(w)), None)
    year = _year_from_text(low)
    if year is None:
        ref = _ref(ctx)
        offset = -1 if "last year" in low else 1 if "next year" in low else 0
        return Norm("DATE", f"{ref.year + offset:04d}-{mo:02d}", anchor="publication", relative=True, unit="month")
    return Norm("DATE", f"{year:04d}-{mo:02d}", unit="month")


def _context_quarter(ctx: Context) -> tuple[int, int]:
    if ctx.last_quarter:
        return ctx.last_quarter
    ref = _ref(ctx) - timedelta(days=45)  # reports cover the quarter that just ended
    return ref.year, cal.quarter_of(ref)


_ORD = {w: n for w, n in ORDINALS.items() if n <= 4}


def h_quarter(text, start, end, ctx):
    low = norm_text(text)
    year_earlier = any(k in low for k in ("year earlier", "year ago", "corresponding", "last year", "same period last", "a year"))
    if "nine months" in low or "six months" in low:
        return Norm("DURATION", "P9M" if "nine" in low else "P6M")
    explicit_year = _year_from_text(low)
    if "half" in low:
        half = 1 if "first" in low else 2
        if explicit_year is None:
            ref = _ref(ctx)
            year = ref.year + (1 if "next year" in low else -1 if "last year" in low else 0)
            return Norm("DATE", f"{year:04d}-H{half}", anchor="publication", relative=True, unit="half")
        return Norm("DATE", f"{explicit_year:04d}-H{half}", unit="half")
    ordinal = next((n for w, n in _ORD.items() if re.search(rf"\b{w}\b|\bfiscal {w}\b", low)), None)
    if ordinal is not None:
        if explicit_year is not None:
            value_year = explicit_year
            relative = False
        else:
            ref = _ref(ctx)
            relative = True
            if "next year" in low:
                value_year = ref.year + 1
            elif "last year" in low or year_earlier:
                value_year = ref.year - 1
            else:
                value_year = ref.year
                if ordinal > cal.quarter_of(ref) and _direction(ctx, start, end) == "past":
                    value_year -= 1
        ctx.last_quarter = (value_year, ordinal)
        return Norm("DATE", f"{value_year:04d}-Q{ordinal}", anchor="publication" if relative else None,
                    relative=relative, unit="quarter")
    if explicit_year is not None:  # "the 1988 period"
        if ctx.last_quarter:
            return Norm("DATE", f"{explicit_year:04d}-Q{ctx.last_quarter[1]}", unit="quarter")
        return Norm("DATE", f"{explicit_year:04d}", unit="year")
    if "latest" in low:
        ref = _ref(ctx) - timedelta(days=45)
        year, quarter = ref.year, cal.quarter_of(ref)
    else:
        year, quarter = _context_quarter(ctx)
    if year_earlier:
        year -= 1
    elif re.search(r"\b(last|past|previous)\b", low):
        year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    return Norm("DATE", f"{year:04d}-Q{quarter}", anchor="publication", relative=True, unit="quarter")


def h_century(text, start, end, ctx):
    low = norm_text(text)
    if "this century" in low:
        ref = _ref(ctx)
        return Norm("DATE", f"{ref.year // 100:02d}", anchor="publication", relative=True, unit="century")
    m = re.search(r"(\d{1,2})(?:st|nd|rd|th)", low)
    n = int(m.group(1)) if m else next((v for w, v in ORDINALS.items() if w in low.split()), None)
    if not n:
        return Norm("DATE", None, reason="unparsed_century")
    return Norm("DATE", f"{n - 1:02d}", unit="century")


def h_decade(text, start, end, ctx):
    low = text.lower()
    m = re.search(r"'(\d)0s", low)
    if m:
        ref = ctx.dct
        century = (ref.year // 100) if ref else 19
        digit = int(m.group(1))
        if ref and century * 100 + digit * 10 > ref.year:
            century -= 1
        return Norm("DATE", f"{century:02d}{digit}", unit="decade")
    m = re.search(r"(\d{3})0s", low)
    if m:
        return Norm("DATE", m.group(1), unit="decade")
    digit = next(n for word, n in _DECADE_WORDS.items() if word in low)
    ref = ctx.dct or date(1999, 12, 31)
    century = ref.year // 100 if ref.year // 100 * 100 + digit * 10 <= ref.year else ref.year // 100 - 1
    # the last such decade before the reference: "the nineties" in 2024 is the 1990s
    return Norm("DATE", f"{century:02d}{digit}", anchor="publication" if ctx.dct else None,
                relative=ctx.dct is not None, unit="decade")


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}


def h_year(text, start, end, ctx):
    low = norm_text(text)
    m = re.search(r"year (\d+)$", low)
    if m and not re.search(r"(?<!\d)(1\d{3}|20\d{2})$", low):
        n = int(m.group(1))
        if not (1 <= n <= 9999):
            return Norm("DATE", None, reason="year_out_of_range")
        return Norm("DATE", f"{n:04d}", unit="year")
    year = _year_from_text(low)
    if year is None:
        return Norm("DATE", None, reason="unparsed_year")
    if "first half" in low:
        return Norm("DATE", f"{year:04d}-H1", unit="half")
    if "second half" in low or "last half" in low:
        return Norm("DATE", f"{year:04d}-H2", unit="half")
    return Norm("DATE", f"{year:04d}", unit="year")


ANAPHORA_WINDOW = 600  # characters back within which "that year", "two weeks later" refer to a mention


def _anaphoric_base(ctx: Context, unit: str, start: int) -> tuple[date, str]:
    if ctx.last_date is not None and start - ctx.last_date_pos <= ANAPHORA_WINDOW:
        return ctx.last_date[0], "mention"
    return _ref(ctx), "publication"


_AGO = re.compile(r"(.*?)[\s-]+(?:and\s+a\s+half\s+)?(seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|centuries|century)\b(.*)$", re.I)


def h_ago(text, start, end, ctx):
    low = norm_text(text)
    m = _AGO.match(low)
    qty_text = re.sub(r"^(about|nearly|almost|some|more than|less than|just|only|roughly|barely|over) ", "", m.group(1))
    n = parse_quantity(qty_text + (" and a half" if "and a half" in low else ""))
    unit = _unit_of(m.group(2))
    tail = m.group(3)
    sign = 1 if re.search(r"later|after|from now|hence", tail) else -1
    if unit in ("hour", "minute", "second"):
        return Norm("DURATION", duration_value(n, unit))
    if n is None:
        return Norm("DATE", "FUTURE_REF" if sign > 0 else "PAST_REF")
    if unit == "year" and n == 1 and ctx.last_quarter:
        # financial copy: "a year earlier/ago" compares with the quarter under discussion
        year, quarter = ctx.last_quarter
        return Norm("DATE", f"{year + sign:04d}-Q{quarter}", anchor="mention", relative=True, unit="quarter")
    if re.search(r"ago|from now|hence", tail):
        base, anchor = _ref(ctx), "publication"
    else:
        base, anchor = _anaphoric_base(ctx, unit, start)
    steps = int(round(n)) if n >= 1 else 0
    target = cal.shift(base, unit, sign * steps)
    out_unit = unit if unit != "decade" else "year"
    return Norm("DATE", cal.value_at(target, out_unit), anchor=anchor, relative=True, unit=unit)


_ANCHORED_HEAD = re.compile(r"^(?:(?:each|all|most|much|part|some|any|one) of )?(?:at least )?the "
                            r"(past|last|next|coming)\b")


def anchored_span(reference: date, unit: str, n: float | None, direction: str) -> tuple[date, date] | None:
    """The days a duration anchored on the reference covers: "the past two years" ends on the
    reference and starts two years before it; "the next six months" starts on it."""
    if n is None or n != int(n) or unit not in ("day", "week", "month", "quarter", "year", "decade", "century"):
        return None
    if direction == "past":
        return cal.shift(reference, unit, -int(n)) + timedelta(days=1), reference
    return reference, cal.shift(reference, unit, int(n)) - timedelta(days=1)


def _anchored(norm: Norm, low: str, unit: str, n: float | None, ctx: Context, start: int, end: int) -> Norm:
    head = _ANCHORED_HEAD.match(low)
    if head is None or ctx.dct is None or norm.value is None:
        return norm
    direction = "past" if head.group(1) in ("past", "last") else "future"
    if direction == "future" and _direction(ctx, start, end) == "past":
        return norm  # "The next two months were tough": after a narrated event, not after publication
    span = anchored_span(ctx.dct, unit, n, direction)
    if span is not None:
        norm.span, norm.anchor, norm.relative = span, "publication", True
    return norm


# "Islam will one day be...", "he hopes he one day follows...": some day ahead, not 24 hours
_SOME_DAY_BEFORE = re.compile(r"\b(?:will|would|could|might|may|can|should|must|shall|he|she|they|we|i|you|it)\s+$", re.I)


def h_duration(text, start, end, ctx):
    low = norm_text(text)
    unit = _unit_of(low)
    if unit is None:
        return Norm("DURATION", None, reason="unparsed_duration")
    if low == "one day" and _SOME_DAY_BEFORE.search(ctx.text[max(0, start - 12):start]):
        return Norm("DATE", "FUTURE_REF")
    if re.fullmatch(r"(a|per) (year|day|week|month|hour|quarter)", low):
        return Norm("SET", duration_value(1, unit))
    body = low
    body = re.sub(r"^(each|all|most|much|part|some|any|one) of ", "", body)
    body = re.sub(r"^(more|less|fewer) than |^(nearly|almost|about|around|approximately|roughly|some|up to|at least|at most|barely|well over) ", "", body)
    body = re.sub(r"^the (past|last|next|first|previous|coming|latest|final|remaining|same|preceding|following|ensuing|subsequent) ", "the ", body)
    body = re.sub(r"^at least ", "", body)
    body = re.sub(r"^the ", "", body)
    body = re.sub(r" (?:more|additional|extra)(?= \w+$)", "", body)  # "20 more years", "an additional year"
    m = re.match(r"(an? )?(.*?)[ -]?(?:and a half )?(?:to [\w ]+? )?(seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|centuries|century)\b", body)
    qty = m.group(2).strip() if m else ""
    qty = re.split(r" (?:or|to) ", qty)[0]
    if m and m.group(1) and qty in ("", "couple of"):
        n = 1 if qty == "" else 2
    else:
        n = parse_quantity(qty + (" and a half" if "and a half" in low else "")) if qty else (1 if m and m.group(1) else None)
    if "fortnight" in low and n is not None:
        n *= 2
    return _anchored(Norm("DURATION", duration_value(n, unit)), low, unit, n, ctx, start, end)


_REL_UNIT = re.compile(r"(fiscal year|year|month|weekend|week|decade|century|spring|summer|fall|autumn|winter|season|half|day|quarter)(?: or so)?$")


def h_rel(text, start, end, ctx):
    low = norm_text(text)
    m = _REL_UNIT.search(low)
    word = m.group(1)
    head = low[: m.start()].strip()
    unit = {"fiscal year": "year", "autumn": "fall"}.get(word, word)
    if unit == "year" and head in ("the", "the full", "the fiscal") and re.match(
            r"\s+(?:that\s+)?(?:ended|ending|ends|to\s+date)", ctx.text[end:end + 20]):
        return Norm("DURATION", "P1Y")
    if unit in ("spring", "summer", "fall", "winter", "season"):
        return _season(unit, head, start, end, ctx)
    if head in ("the past", "the last") and unit in ("year", "month", "week"):
        # the twelve months up to the reference, not the previous calendar year (TimeML: a
        # duration, anchored); "last year" without "the" stays the calendar year
        return _anchored(Norm("DURATION", duration_value(1, unit)), low, unit, 1, ctx, start, end)
    anaphoric = re.search(r"\b(that|the same|the following|the preceding)\b", head) or (
        unit in ("day", "year", "month", "week") and re.search(r"\bthe (next|previous)\b", head) and ctx.last_date is not None
        and unit == "day")
    if anaphoric:
        base, anchor = _anaphoric_base(ctx, unit, start)
    else:
        base, anchor = _ref(ctx), "publication"
    offset = 0
    if re.search(r"\b(last|past|previous|preceding)\b", head) and not re.search(r"\bthis past\b", head):
        offset = -1
    elif re.search(r"\b(next|coming|following)\b", head):
        offset = 1
    if re.search(r"\blatest\b", head) and unit == "year":
        offset = -1
    if unit == "weekend":
        if offset == 0 and not head.startswith("this"):
            direction = _direction(ctx, start, end)
            weekday = base.isoweekday()
            if direction == "future" and weekday < 6:
                offset = 0
            elif weekday < 6:
                offset = -1
        target = cal.shift(base, "week", offset)
        return Norm("DATE", cal.value_at(target, "weekend"), anchor=anchor, relative=True, unit="weekend")
    if unit == "day":
        target = base + timedelta(days=offset)
        return Norm("DATE", target.isoformat(), anchor=anchor, relative=True, unit="day")
    if unit == "quarter":
        target = cal.shift(base, "quarter", offset)
        ctx.last_quarter = (target.year, cal.quarter_of(target))
    elif unit == "half":
        target = cal.shift(base, "half", offset)
    else:
        target = cal.shift(base, unit, offset)
    return Norm("DATE", cal.value_at(target, unit), anchor=anchor, relative=True, unit=unit)


def _season(unit, head, start, end, ctx):
    ref = _ref(ctx)
    if unit == "season":
        return Norm("DATE", None, reason="unparsed_season")
    code = SEASONS[unit]
    cur_year, cur_code = cal.season_of(ref)
    order = ["WI", "SP", "SU", "FA"]
    # seasons as (year, index) on a line: winter counts with the year it starts in
    cur = cur_year * 4 + order.index(cur_code) if cur_code != "WI" else cur_year * 4 + 4
    def position(year):
        return year * 4 + (order.index(code) if code != "WI" else 4)
    if re.search(r"\b(last|past|previous)\b", head) and "this past" not in head:
        year = ref.year
        while position(year) >= cur:
            year -= 1
    elif re.search(r"\b(next|coming)\b", head) and "this coming" not in head:
        year = ref.year - 1
        while position(year) <= cur:
            year += 1
    elif head.startswith("this"):
        year = ref.year
    else:
        direction = _direction(ctx, start, end)
        if direction == "future":
            year = ref.year - 1
            while position(year) < cur:
                year += 1
        else:
            year = ref.year + 1
            while position(year) > cur:
                year -= 1
    return Norm("DATE", f"{year:04d}-{code}", anchor="publication", relative=True, unit="season")


def h_relday(text, start, end, ctx):
    low = norm_text(text)
    ref = _ref(ctx)
    offset = -1 if "yesterday" in low or low.startswith("last ") else 1 if "tomorrow" in low else 0
    day = ref + timedelta(days=offset)
    part = next((code for word, code in PARTS_OF_DAY.items() if word in low), None)
    if low == "overnight":
        return Norm("TIME", f"{day.isoformat()}TNI", anchor="publication", relative=True)
    if low.startswith("last ") and "night" in low:
        part = "NI"
    if part and low not in ("tonight",) or low == "tonight":
        return Norm("TIME", f"{day.isoformat()}T{part}", anchor="publication", relative=True, unit="day")
    return Norm("DATE", day.isoformat(), anchor="publication", relative=True, unit="day")


def _weekday_direction(ctx, start, end) -> str:
    return _direction(ctx, start, end)


def h_weekday(text, start, end, ctx):
    low = norm_text(text)
    m = re.search(r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(s?)", low)
    weekday = WEEKDAYS[m.group(1)]
    part = next((code for word, code in PARTS_OF_DAY.items() if word in low[m.end():]), None)
    if m.group(2) or re.search(rf"{m.group(1)} (?:{'|'.join(PARTS_OF_DAY)})s\b", low):
        return Norm("SET", f"XXXX-WXX-{weekday}" + (f"T{part}" if part else ""))
    ref = _ref(ctx)
    if low.startswith("last ") or low.startswith("this past"):
        direction = "strict_past"
    elif low.startswith("next ") or low.startswith("this coming"):
        direction = "strict_future"
    else:
        direction = _direction(ctx, start, end)
    day = resolve_weekday(ref, weekday, direction)
    value = day.isoformat() + (f"T{part}" if part else "")
    return Norm("TIME" if part else "DATE", value, anchor="publication", relative=True, unit="day")


_HOLIDAYS_FIXED = {"christmas eve": (12, 24), "christmas": (12, 25), "new year's eve": (12, 31), "new year's": (1, 1),
                   "independence": (7, 4), "valentine's": (2, 14), "halloween": (10, 31), "veterans": (11, 11)}


def _nth_weekday(year, month, weekday, n):
    first = date(year, month, 1)
    offset = (weekday - first.isoweekday()) % 7
    if n > 0:
        return first + timedelta(days=offset + 7 * (n - 1))
    last = cal.add_months(first, 1) - timedelta(days=1)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def h_holiday(text, start, end, ctx):
    low = norm_text(text)
    year = _year_from_text(low)
    relative = year is None
    if relative:
        ref = _ref(ctx)
    for key, (mo, d) in _HOLIDAYS_FIXED.items():
        if low.startswith(key):
            if relative:
                year = ref.year if _direction(ctx, start, end) != "past" or (mo, d) <= (ref.month, ref.day) else ref.year - 1
                if _direction(ctx, start, end) == "future" and (mo, d) < (ref.month, ref.day):
                    year = ref.year + 1
            return Norm("DATE", f"{year:04d}-{mo:02d}-{d:02d}", anchor="publication" if relative else None,
                        relative=relative, unit="day")
    rules = {"thanksgiving": (11, 4, 4), "labor": (9, 1, 1), "memorial": (5, 1, -1)}
    for key, (mo, weekday, n) in rules.items():
        if low.startswith(key):
            if relative:
                year = ref.year
                if _direction(ctx, start, end) == "past" and _nth_weekday(year, mo, weekday, n) > ref:
                    year -= 1
            day = _nth_weekday(year, mo, weekday, n)
            return Norm("DATE", day.isoformat(), anchor="publication" if relative else None, relative=relative, unit="day")
    return Norm("DATE", None, reason="movable_holiday")


def h_set(text, start, end, ctx):
    low = norm_text(text)
    simple = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
              "quarterly": "P3M", "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W", "semiannually": "P6M"}
    if low in simple:
        return Norm("SET", simple[low])
    m = re.search(r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)", low)
    if m:
        return Norm("SET", f"XXXX-WXX-{WEEKDAYS[m.group(1)]}")
    m = re.search(r"(january|february|march|april|may|june|july|august|september|october|november|december)", low)
    if m:
        return Norm("SET", f"XXXX-{MONTHS[m.group(1)]:02d}")
    part = next((code for word, code in PARTS_OF_DAY.items() if low.endswith(word)), None)
    if part:
        return Norm("SET", f"XXXX-XX-XXT{part}")
    season = next((code for word, code in SEASONS.items() if low.endswith(word)), None)
    if season:
        return Norm("SET", f"XXXX-{season}")
    unit = _unit_of(low)
    m = re.search(r"(?:every|each) (?:other )?(.*?) ?(seconds?|minutes?|hours?|days?|weeks?|months?|quarters?|years?|decades?|centur)", low)
    n = parse_quantity(m.group(1)) if m and m.group(1) else 1
    if "other" in low:
        n = 2
    return Norm("SET", duration_value(n or 1, unit or "day"))


_REFS = {"PRESENT_REF": ("now", "currently", "current", "nowadays", "presently", "right now", "these days", "the moment"),
         "PAST_REF": ("recently", "recent", "lately", "previously", "formerly", "past")}


def h_ref(text, start, end, ctx):
    low = norm_text(text)
    if re.search(r"(early|late|mid|this) (morning|afternoon|evening)", low):
        ref = _ref(ctx)
        part = PARTS_OF_DAY[low.split()[-1]]
        return Norm("TIME", f"{ref.isoformat()}T{part}", anchor="publication", relative=True)
    if low.startswith("recent "):
        return Norm("DATE", "PAST_REF")
    if "future" in low or low in ("soon", "shortly") or low.endswith(" term"):
        return Norm("DATE", "FUTURE_REF")
    if "past" in low or low in _REFS["PAST_REF"]:
        return Norm("DATE", "PAST_REF")
    return Norm("DATE", "PRESENT_REF")


_MONTH_WORD = re.compile(r"([a-z]+)\.?$")


MONTHS_BACK_UNLIKELY = 8


def h_month(text, start, end, ctx):
    low = norm_text(text)
    mo = _month_number(_MONTH_WORD.search(low).group(1))
    ref = _ref(ctx)
    if low.startswith("last ") or low.startswith("this past"):
        direction = "strict_past"
    elif low.startswith("next ") or low.startswith("this coming"):
        direction = "strict_future"
    elif low.startswith("this "):
        direction = "this"
    else:
        direction = _direction(ctx, start, end)
        if direction == "present":
            direction = "this"
        elif direction == "past" and (ref.month - mo) % 12 >= MONTHS_BACK_UNLIKELY and (mo - ref.month) % 12 <= 4 \
                and not ctx.tense.verb_is_past(start, end):
            # a bare month name eight or more months back is rarely meant; one within the next
            # four months is (a tense cue in a long sentence is often another clause's)
            direction = "future"
    year = resolve_month_year(ref, mo, direction)
    return Norm("DATE", f"{year:04d}-{mo:02d}", anchor="publication", relative=True, unit="month")


def h_adj(text, start, end, ctx):
    low = norm_text(text)
    if low in ("year earlier", "year ago"):
        if ctx.last_quarter:
            year, quarter = ctx.last_quarter
            return Norm("DATE", f"{year - 1:04d}-Q{quarter}", anchor="mention", relative=True, unit="quarter")
        ref = _ref(ctx)
        return Norm("DATE", f"{ref.year - 1:04d}", anchor="publication", relative=True, unit="year")
    ref = _ref(ctx)
    if "turn of the century" in low:
        return Norm("DATE", f"{ref.year // 100 * 100:04d}", anchor="publication", relative=True, unit="year")
    if "year end" in low or "year's end" in low:
        return Norm("DATE", f"{ref.year:04d}-12-31", anchor="publication", relative=True, unit="day")
    unit = _unit_of(low) or "year"
    return Norm("DATE", cal.value_at(ref, unit), anchor="publication", relative=True, unit=unit)


def h_vague(text, start, end, ctx):
    unit = _unit_of(text)
    return Norm("DURATION", duration_value(None, unit))


HANDLERS = {
    "iso": h_iso, "slash": h_slash, "clock": h_clock, "noon": h_noon, "season_year": h_season_year,
    "mdy": h_mdy, "dmy": h_dmy, "my": h_my, "quarter": h_quarter, "century": h_century, "decade": h_decade,
    "year": h_year, "ago": h_ago, "dur_the": h_duration, "rel": h_rel, "dur": h_duration, "relday": h_relday,
    "weekday": h_weekday, "holiday": h_holiday, "set": h_set, "ref": h_ref, "month": h_month, "adj": h_adj,
    "vague": h_vague, "plural": h_vague,
}

RELATIVE_TYPES = {"clock": "TIME", "noon": "TIME", "mdy": "DATE", "dmy": "DATE", "my": "DATE", "quarter": "DATE",
                  "ago": "DATE", "rel": "DATE", "relday": "DATE", "weekday": "DATE", "holiday": "DATE",
                  "month": "DATE", "adj": "DATE", "century": "DATE", "decade": "DATE"}
