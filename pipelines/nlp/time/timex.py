"""Time expressions (issue 4): TIMEX3 DATE / TIME / DURATION / SET with spans, values and intervals.

One pass of a combined, precompiled grammar (grammar.py) finds candidates left to right;
filters reject look-alikes ("2000 troops", the verb "may"); normalize.py resolves each
against the publication date, the tense of its clause (tense.py) and the dates mentioned
earlier in the passage. Pure Python, no network; a spaCy Doc is used when given but not needed.
"""

import re
from datetime import date, timedelta

from pipelines.nlp.time.calendar import interval_of
from pipelines.nlp.time.grammar import TRIGGER
from pipelines.nlp.time.scan import scan
from pipelines.nlp.time.normalize import (
    HANDLERS, RELATIVE_TYPES, Context, Norm, Unresolvable,
)
from pipelines.nlp.time.tense import TenseOracle
from pipelines.nlp.types import PublicationDate, Timex, UnusableDate, parse_publication

EXTRACTOR_VERSION = "timex-1.9"

MAX_FUTURE_DAYS = 2  # a publication date further ahead of the clock than this is not trusted


def parse_publication_date(published: PublicationDate | UnusableDate | str | None,
                           today: date | None = None) -> tuple[date | None, str | None]:
    """(date, None) when usable as the reference, else (None, reason). The date is the day as
    written (DocInput parses it once; a str from a caller without a DocInput is parsed here)."""
    if isinstance(published, str):
        published = parse_publication(published)
    if published is None:
        return None, "no_publication_date"
    if isinstance(published, UnusableDate):
        return None, published.problem
    parsed = published.day
    if not (1000 <= parsed.year <= 2200):
        return None, "implausible_publication_date"
    today = today or date.today()
    if parsed > today + timedelta(days=MAX_FUTURE_DAYS):
        return None, "publication_date_in_future"
    return parsed, None


# ---------------------------------------------------------------- look-alike filters

_CAPITALIZED_RULES = {"mdy", "dmy", "my", "month", "weekday", "holiday", "season_year"}
_NAME_WORD = re.compile(
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|christmas|"
    r"thanksgiving|easter|independence|labor|memorial|veterans|valentine's|halloween|hanukkah|ramadan",
    re.IGNORECASE)
_MONTH_CONTEXT = {"in", "since", "by", "until", "till", "through", "from", "to", "of", "during", "before", "after",
                  "for", "between", "and", "or", "early", "late", "mid", "last", "this", "next", "each", "every",
                  "throughout", "around", "about", "past", "into", "on", "as", "than", "within", "that", "a", "the",
                  "only", "until", "till", "over"}
_PREV_WORD = re.compile(r"([A-Za-z]+)\W*$")
_NEXT_WORD = re.compile(r"^\W{0,2}([A-Za-z']+)")
_YEAR_FOLLOW_OK = {"as", "was", "is", "has", "this", "its", "his", "always", "perhaps", "us", "thus", "plus",
                   "levels", "figures", "results", "elections", "election", "census", "budget", "season", "series",
                   "model", "models", "olympics", "games", "campaign", "law", "act"}
_YEAR_PREV_OK = {"in", "since", "of", "by", "until", "till", "from", "to", "during", "before", "after", "the", "and",
                 "or", "fiscal", "through", "year", "early", "late", "mid", "between", "around", "circa", "for",
                 "than", "its", "their", "his", "her", "a", "an", "until", "on", "at", "as", "while", "about"}
_NUMERIC_CONTEXT = re.compile(r"\d|\b(?:million|billion|trillion|percent|cents?|dollars?|times|twice|thrice|once|"
                              r"hundreds?|thousands?|dozens?|tons?|barrels?|one|two|three|four|five|six|seven|"
                              r"eight|nine|ten|twenty|fifty|hundred)\b", re.IGNORECASE)
_TRIM_PREP = re.compile(r"^(?:for|within|over|in)\s+", re.IGNORECASE)


def _prev_word(text: str, start: int) -> str:
    m = _PREV_WORD.search(text[max(0, start - 30):start])
    return m.group(1).lower() if m else ""


def _next_word(text: str, end: int) -> str:
    m = _NEXT_WORD.match(text[end:end + 30])
    return m.group(1) if m else ""


def _names_capitalized(matched: str, upper_text: bool) -> bool:
    if upper_text:
        return True
    for m in _NAME_WORD.finditer(matched):
        word = m.group(0)
        before = matched[m.start() - 1] if m.start() else " "
        if before.isalpha():
            continue
        if word[0].islower():
            return False
    return True


_CLOCK_FOLLOWERS = {"EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "GMT", "UTC", "BST", "CET", "CEST", "JST",
                    "HKT", "SGT", "AEST", "AEDT", "IST", "MSK", "Z"}
_OLD_YEAR_PREV = {"in", "since", "year", "circa", "from", "until", "till", "by", "during", "before", "after",
                  "between", "of", "around"}


# A time-zone or clock word shortly after a number, within its clause.
_CLOCK_NEARBY = re.compile(r"[^.;\n]{0,30}?\b(?:hrs|hours|(?:GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|UTC)\b|"
                           r"(?:local|[A-Z][a-z]+)\s+time\b)")


# A score, rating or benchmark figure just before or after a four-digit number.
_SCORE_BEFORE = re.compile(r"\b(?:scor(?:e|es|ed|ing)|benchmarks?|geekbench|rat(?:ing|ed)|points?|elo|"
                           r"clocked|tallied|racked\s+up)\b[\s:]*(?:(?:of|at|about|around|over|under|nearly|almost|"
                           r"just|only|a|an)\s+)?$", re.IGNORECASE)
_SCORE_AFTER = re.compile(r"\s*(?:points?|pts|on\s+(?:geekbench|the\s+benchmark)|in\s+(?:geekbench|"
                          r"the\s+(?:single|multi)[\w-]*\s+(?:core\s+)?(?:benchmark|test)))\b", re.IGNORECASE)
_NO_WORD_AFTER = re.compile(r"\s*(?:[.,;:!?)\]\n]|$)")


def _hhmm(digits: str) -> bool:
    return int(digits[:2]) <= 23 and int(digits[2:]) <= 59


def _plausible_year(text: str, start: int, end: int) -> bool:
    """Reject four-digit quantities ("2000 troops", "$1990", "1,500") that look like years."""
    before = text[max(0, start - 2):start]
    if "$" in before or "#" in before:
        return False
    after = text[end:end + 12]
    if re.match(r"\s*(?:%|percent|per\s*cent)", after, re.IGNORECASE):
        return False
    nxt = _next_word(text, end)
    prev = _prev_word(text, start)
    if nxt.upper() in _CLOCK_FOLLOWERS or nxt.lower() in ("hrs", "hours", "local"):
        return False  # a 24-hour clock time, as wire copy writes it: "at 1630 EST"
    if _hhmm(text[start:end]) and _CLOCK_NEARBY.match(text, end):
        return False  # "between 1700 and 2100 hrs", "until 1500 (1400 GMT)", "by 1000 London time"
    if _SCORE_BEFORE.search(text[max(0, start - 40):start]) or _SCORE_AFTER.match(text, end):
        return False  # "scored 1061 in Geekbench", "a rating of 1500", "2048 points": a score
    if prev == "the" and _NO_WORD_AFTER.match(text, end):
        return False  # "more key travel than the 2016.": an elliptical product name, not the year
    if int(text[start:end]) < 1800 and prev not in _OLD_YEAR_PREV:
        return False  # "1600 Pennsylvania Avenue", "(1000)": an old year needs a clear cue
    if nxt and nxt.islower() and nxt.endswith("s") and not nxt.endswith("'s") and nxt not in _YEAR_FOLLOW_OK:
        return prev in _YEAR_PREV_OK and prev not in ("about", "than", "a", "an", "and", "or", "to")
    if prev in ("about", "some", "nearly", "almost", "approximately", "over", "than") and nxt and nxt.islower() \
            and nxt not in ("and", "to", "when", "as", "after", "before", "the", "in", "at", "on"):
        return False
    return True


def _month_context_ok(text: str, start: int, end: int, matched: str) -> bool:
    low = matched.lower()
    if re.match(r"(?:early|late|mid|last|this|next|the|end|beginning|start|middle)\b", low):
        return True
    after = text[end:end + 8]
    if after.startswith("'s") or after.startswith("’s"):
        return True
    prev = _prev_word(text, start)
    if text[max(0, start - 3):start].rstrip() in ("'s", "’s"):
        return True  # "Putin's October trip"
    if low.startswith("may"):
        return prev in _MONTH_CONTEXT - {"that", "a", "the", "as", "to", "and", "or", "than", "only"}
    return prev in _MONTH_CONTEXT or text[max(0, start - 2):start].strip() in ("", ",", "(") and _next_word(text, end) in ("", ",")


# Relative expressions written in title case mid-sentence name a show, a paper or a film ("ABC's
# "This Week"", "VOA Today", "High Noon"), not a time.
_TITLE_CASE_RULES = {"rel", "relday", "noon", "ref", "adj", "plural", "dur", "dur_the", "set", "ago"}
_SENTENCE_OPENERS = set(".!?:;\n\"'`(\u201c\u2018[-\u2014_")


def _opens_sentence(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_OPENERS


def _is_title(text: str, start: int, matched: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'-]*", matched)
    if not words:
        return False
    later_capitalized = any(w[0].isupper() and not _NAME_WORD.fullmatch(w) for w in words[1:])
    first_capitalized = words[0][0].isupper() and not _NAME_WORD.fullmatch(words[0])
    return later_capitalized or (first_capitalized and not _opens_sentence(text, start))


# "highs in the fifties", "in the nineties percent": temperatures and figures, not decades
_NOT_A_DECADE = re.compile(r"\b(?:temperatures?|degrees|highs?|lows?|percent|mph|scores?|mid|upper|lower|low)\b",
                           re.IGNORECASE)


def _decade_word_ok(text: str, start: int, end: int, matched: str) -> bool:
    if re.search(r"\d", matched):
        return True
    return not (_NOT_A_DECADE.search(text[max(0, start - 40):start])
                or re.match(r"\s+(?:degrees|percent|fahrenheit|celsius)", text[end:end + 12], re.IGNORECASE))


def _accept(rule: str, text: str, start: int, end: int, matched: str, upper_text: bool) -> bool:
    if rule == "decade" and not _decade_word_ok(text, start, end, matched):
        return False
    if rule in _TITLE_CASE_RULES and not upper_text and _is_title(text, start, matched):
        return False
    if rule in _CAPITALIZED_RULES and not _names_capitalized(matched, upper_text):
        return False
    if rule == "month" and not _month_context_ok(text, start, end, matched):
        return False
    if rule == "year" and re.fullmatch(r"\d{4}", matched) and not _plausible_year(text, start, end):
        return False
    if rule in ("set", "dur") and re.fullmatch(r"(?:a|per)\s+\w+", matched, re.IGNORECASE):
        if matched.lower().startswith("per"):
            return True
        if rule == "set":
            return bool(_NUMERIC_CONTEXT.search(text[max(0, start - 40):start]))
    if rule == "dur" and re.fullmatch(r"an?\s+seconds?", matched, re.IGNORECASE):
        return False
    if rule in ("dur", "dur_the") and (re.match(r"[\s-]old\b", text[end:end + 5]) or re.search(r"-quarters?$", matched)):
        return False  # ages ("a 6-year-old") and fractions ("three-quarters") are not time expressions
    if rule == "month" and re.search(r"\b(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)$", matched, re.IGNORECASE):
        return False  # a bare abbreviation without its period
    if rule == "ref":
        low = matched.lower()
        if low.endswith("term") and _prev_word(text, start) not in ("in", "over", "for", "during", "within", "of"):
            return False  # "the long term plan": an adjective, not a time
        if low == "past":
            return False
        if low == "current" and _next_word(text, end).lower() in ("account", "accounts", "assets", "liabilities",
                                                                 "affairs", "events", "flows", "flow"):
            return False
    if rule == "rel" and re.match(r"the\s+(?:early\s+|late\s+)?(?:spring|summer|fall|autumn|winter)$", matched, re.I):
        if text[end:end + 4].lower() == " of ":
            return False
    return True


# ---------------------------------------------------------------- tagging

_ANAPHORA_RULES = {"iso", "slash", "mdy", "dmy", "my", "year", "weekday", "relday", "holiday", "month"}
_VALUE_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def _value_date(value: str) -> date | None:
    m = _VALUE_DATE.match(value)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        return None


def tag_timexes(text, published, doc=None) -> list[Timex]:
    """TIMEX3 time expressions of text; relative ones resolved against `published`."""
    if not text or not TRIGGER.search(text):
        return []
    dct, dct_reason = parse_publication_date(published)
    ctx = Context(dct=dct, dct_reason=dct_reason, tense=TenseOracle(text, doc), text=text)
    upper_text = text.isupper()
    out: list[Timex] = []
    for m in scan(text):
        rule = m.lastgroup
        start, end = m.span()
        matched = m.group(0)
        if not _accept(rule, text, start, end, matched, upper_text):
            continue
        if rule == "vague":
            trim = _TRIM_PREP.match(matched)
            start += trim.end()
            matched = text[start:end]
        out.append(_normalize(rule, matched, start, end, ctx))
    return out


def _normalize(rule: str, matched: str, start: int, end: int, ctx: Context) -> Timex:
    unanchored = False
    try:
        norm = HANDLERS[rule](matched, start, end, ctx)
    except Unresolvable as exc:
        norm = Norm(RELATIVE_TYPES.get(rule, "DATE"), None, reason=str(exc), relative=True)
        unanchored = True
    except (ValueError, OverflowError, AttributeError, KeyError, IndexError, TypeError) as exc:
        norm = Norm(RELATIVE_TYPES.get(rule, "DATE"), None, reason=f"normalization_error:{type(exc).__name__}")
    if norm.value and norm.type == "DATE" and norm.unit in ("day", "month", "year") and rule in _ANAPHORA_RULES:
        anchor_date = _value_date(norm.value)
        if anchor_date is not None:
            ctx.last_date = (anchor_date, norm.unit)
            ctx.last_date_pos = start
    interval_start = interval_end = granularity = None
    if norm.type in ("DATE", "TIME") and norm.value:
        interval_start, interval_end, granularity = interval_of(norm.value)
    elif norm.span is not None:  # an anchored duration: the days it covers
        interval_start, interval_end, granularity = norm.span[0].isoformat(), norm.span[1].isoformat(), "day"
    return Timex(
        start=start, end=end, text=matched, type=norm.type, value=norm.value,
        interval_start=interval_start, interval_end=interval_end, granularity=granularity,
        anchor=norm.anchor if norm.relative else None, unanchored=unanchored, reason=norm.reason,
    )
