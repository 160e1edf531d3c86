"""The time-expression grammar: one combined, precompiled regular expression.

Each alternative is a named rule; Python's alternation takes the first alternative that
matches at a position, so longer, more specific rules come first. The normalizer
(normalize.py) re-reads the matched text of a rule with that rule's own small patterns.
Each rule also declares the first characters its matches can have (its triggers), which the
scanner (scan.py) uses to try only the rules that can start at a position.
"""

import re
from collections.abc import Iterable
from typing import NamedTuple

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
            "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6, "sun": 7}
NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a": 1, "an": 1, "a couple of": 2, "a couple": 2, "couple of": 2, "a dozen": 12, "dozen": 12,
    "half a": 0.5, "a half": 0.5,
}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
            "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
            "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
            "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
VAGUE_QUANTITIES = ("several", "a few", "few", "many", "some", "a number of", "dozens of", "a fairly lengthy",
                    "a lengthy", "a long", "a short", "hundreds of", "thousands of")
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
                "overnight": "NI"}


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))


_MONTH_FULL = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_MONTH_ABBR = r"(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
MONTH = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_SMALL = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
NUMW = rf"(?:{_TENS}(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|{_SMALL}|(?:a\s+|one\s+)?hundred)"
VAGUE = _alt(VAGUE_QUANTITIES)
NUM = rf"(?:\d+(?:\.\d+)?(?:\s+1/2)?|{NUMW}|a\s+couple\s+of|couple\s+of|a\s+dozen|an?|{VAGUE})"
UNIT = r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|centuries|century)"
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
YEAR4 = r"(?:1[0-9]{3}|20[0-9]{2})"
PART = r"(?:morning|afternoon|evening|night)"
SEASON = r"(?:spring|summer|fall|autumn|winter)"
TZ = r"(?:\s+(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|local\s+time))?"
AMPM = r"(?:a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b)"
REL_DAY = r"(?:today|yesterday|tomorrow|tonight)"
# "nineteen ninety-seven": a century word then a tens-ones compound is a year wherever it stands
SPOKEN_YEAR_COMPOUND = rf"(?:nineteen|eighteen|twenty)[\s-]+{_TENS}-(?:one|two|three|four|five|six|seven|eight|nine)"
SPOKEN_YEAR = rf"(?:(?:nineteen|eighteen|twenty)[\s-]+(?:{_TENS}(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)|two\s+thousand(?:\s+and\s+(?:one|two|three|four|five|six|seven|eight|nine|ten))?)"
DECADE_WORD = r"(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"
QUARTER_MOD = r"(?:fiscal|year-earlier|year-ago|latest|current|comparable|corresponding|same|first|second|third|fourth|final|last|past|previous|1st|2nd|3rd|4th|fiscal-first|fiscal-second|fiscal-third|fiscal-fourth|calendar)"

# ---------------------------------------------------------------- triggers

# Each rule declares how its matches can begin: lower-case prefixes of at most TRIGGER_CHARS
# characters, a blank standing for any whitespace. scan.py tries a rule only at word starts whose
# first characters begin with one of its triggers, so a trigger list must cover every match
# (tests/test_timex_scan.py checks that on varied text); a shorter trigger is only slower.
TRIGGER_CHARS = 3
DIGITS = tuple("0123456789")


class Rule(NamedTuple):
    name: str
    pattern: str
    starts: tuple[str, ...]  # triggers: how a match's first characters can look (lower case)


def starts(*words: str | Iterable[str]) -> tuple[str, ...]:
    """Triggers from the words or phrases a rule's matches begin with (a collection stands for
    its items: MONTHS is every month name and abbreviation)."""
    found = set()
    for item in words:
        for word in [item] if isinstance(item, str) else item:
            found.add(re.sub(r"\s+", " ", word.lower())[:TRIGGER_CHARS])
    return tuple(sorted(found))


def _words(alternation: str) -> list[str]:
    """The words of a plain "(?:one|two|...)" pattern."""
    words = re.fullmatch(r"\(\?:([\w'|-]+)\)", alternation)
    if words is None:
        raise ValueError(f"not a plain alternation of words: {alternation!r}")
    return words[1].split("|")


_NUM_STARTS = DIGITS + starts(_words(_TENS), _words(_SMALL), "a ", "a-", "an", "one", "hundred", "couple", VAGUE_QUANTITIES)
_SPOKEN_YEAR_STARTS = starts("nineteen", "eighteen", "twenty", "two thousand")
_QUARTER_MODS = _words(QUARTER_MOD)

RULES: list[Rule] = [
    Rule("iso", r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?)?(?!\d)",
         starts=DIGITS),
    Rule("slash", r"(?<![\d/])\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?![\d/])",
         starts=DIGITS),
    Rule("clock", rf"(?:(?:around|about|approximately|at\s+about)\s+)?\d{{1,2}}(?:[:.]\d{{2}})?\s*{AMPM}{TZ}"
              rf"(?:,?\s+(?:{REL_DAY}|{WEEKDAY}|{MONTH}\s+{DAYNUM}))?"
              rf"|(?:[01]?\d|2[0-3]):[0-5]\d\s*(?:UTC|GMT|CET|CEST|BST|EST|EDT|CST|CDT|PST|PDT|local\s+time)"
              rf"(?:,?\s+(?:{REL_DAY}|{WEEKDAY}|{MONTH}\s+{DAYNUM}))?",
         starts=DIGITS + starts("around", "about", "approximately", "at about")),
    Rule("noon", rf"(?:noon|midnight)(?:,?\s+(?:{REL_DAY}|{WEEKDAY}))?",
         starts=starts("noon", "midnight")),
    Rule("season_year", rf"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?{SEASON}\s+of\s+(?:{YEAR4}|{SPOKEN_YEAR})",
         starts=starts("the", "early", "late", "mid", SEASONS)),
    Rule("mdy", rf"(?:(?:last|next|this\s+past|this\s+coming)\s+)?(?:{WEEKDAY},?\s+)?{MONTH}\s+{DAYNUM}"
                rf"(?:,?\s+{YEAR4}(?!\d))?",
         starts=starts(WEEKDAYS, MONTHS, "last", "next", "this past", "this coming")),
    Rule("dmy", rf"(?:{WEEKDAY},?\s+)?(?:the\s+)?{DAYNUM}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR4}(?!\d))?",
         starts=DIGITS + starts(WEEKDAYS, "the")),
    Rule("my", rf"(?:(?:early|late|mid)[\s-]+)?{MONTH},?\s+(?:of\s+)?(?:{YEAR4}(?!\d)|{SPOKEN_YEAR_COMPOUND}|(?:this|last|next)\s+year)",
         starts=starts("early", "late", "mid", MONTHS)),
    Rule("quarter", rf"(?:(?:this|last|next)\s+year's\s+|the\s+)?(?:{QUARTER_MOD}[\s-]+){{1,3}}(?:quarter|half|period)"
                rf"(?:\s+of\s+(?:{YEAR4}(?!\d)|fiscal\s+{YEAR4}|(?:this|last|next|the)\s+year|the\s+'\d0s))?"
                rf"|(?:(?:this|last|next)\s+year's\s+|the\s+)?(?:{QUARTER_MOD}[\s-]+){{1,3}}(?:nine|six)\s+months"
                rf"|the\s+(?:{YEAR4}\s+(?:(?:first|second|third|fourth|fiscal)[\s-]+)?|(?:year-earlier|year-ago)\s+(?:fiscal\s+)?)(?:quarter|period|nine\s+months)"
                rf"|the\s+(?:fiscal\s+)?quarter|(?:the\s+)?(?:corresponding|same|comparable)\s+(?:period|quarter)\s+(?:last|a)\s+year",
         starts=starts("this", "last", "next", "the", _QUARTER_MODS, "nine", "six", "corresponding", "same", "comparable")),
    Rule("century", rf"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?:\d{{1,2}}(?:st|nd|rd|th)|{_alt(ORDINALS)})[\s-]+century|this\s+century",
         starts=DIGITS + starts("the", "early", "late", "mid", ORDINALS, "this")),
    Rule("decade", rf"(?:the\s+)?(?:(?:early|late|mid)[\s-]*)?(?:'\d0s|1[0-9]{{2}}0s|20[0-9]0s)(?![\w])"
               rf"|the\s+(?:last|first|second)\s+half\s+of\s+the\s+'\d0s"
               rf"|the\s+(?:(?:early|late|mid)[\s-]+)?(?:{DECADE_WORD})",
         starts=starts("the", "early", "late", "mid", "'", "1", "2")),
    Rule("year", rf"(?:(?:the\s+)?(?:(?:early|late|mid)[\s-]*|(?:end|beginning|start|middle|first\s+half|second\s+half|last\s+half)\s+of\s+))?"
             rf"(?:(?:fiscal|calendar|model|school)\s+(?:year\s+)?|the\s+year\s+)?(?<![\d$#.,])(?:{YEAR4}|{SPOKEN_YEAR_COMPOUND}|{SPOKEN_YEAR}(?=\s*[,.;]|\s+(?:and|when|to)\b))(?![\d%])(?!,\d)(?!\.\d)"
             rf"|the\s+year\s+{SPOKEN_YEAR}|(?:the\s+)?year\s+\d{{1,9}}(?![\d,])(?!\.\d)",
         starts=starts("the", "early", "late", "mid", "end", "beginning", "start", "middle", "first half", "second half",
                         "last half", "fiscal", "calendar", "model", "school", "1", "2", _SPOKEN_YEAR_STARTS, "year")),
    Rule("ago", rf"(?:(?:about|nearly|almost|some|more\s+than|less\s+than|just|only|roughly|barely|over)\s+)?{NUM}[\s-]+(?:and\s+a\s+half\s+)?{UNIT}(?:\s+and\s+a\s+half)?(?:\s+or\s+so)?\s+(?:ago|earlier|later|from\s+now|hence)",
         starts=starts("about", "nearly", "almost", "some", "more than", "less than", "just", "only", "roughly", "barely", "over")
                  + _NUM_STARTS),
    Rule("dur_the", rf"(?:(?:each|all|most|much|part|some|any|one)\s+of\s+)?(?:at\s+least\s+)?the\s+(?:(?:past|last|next|first|previous|coming|latest|final|remaining|same|preceding|following|ensuing|subsequent)\s+)?{NUM}(?:\s+or\s+{NUM})?[\s-]+(?:to\s+{NUM}\s+)?{UNIT}(?:\s+or\s+so)?",
         starts=starts("each", "all", "most", "much", "part", "some", "any", "one", "at least", "the")),
    Rule("rel", rf"(?:(?:earlier|later)\s+(?:this|in\s+the|that|last|next)\s+|(?:early|late)\s+(?:this|last|next)\s+|(?:the\s+)?(?:end|beginning|start|middle|rest)\s+of\s+(?:the\s+|this\s+|last\s+|next\s+)|(?:early|late|mid)[\s-]*(?=next|last|this)|"
            rf"last\s+|this\s+(?:past\s+|coming\s+)?|next\s+|that\s+|the\s+(?:past|last|previous|coming|next|current|following|same|preceding|latest)\s+(?:fiscal\s+)?|the\s+(?:early\s+|late\s+)?(?={SEASON}|weekend|fiscal\s+year)|the\s+(?:full\s+)?(?=year\b))"
            rf"(?:year|month|week|weekend|decade|century|{SEASON}|fiscal\s+year|season|half|day|quarter)(?:\s+or\s+so)?(?![\w-])",
         starts=starts("earlier", "later", "early", "late", "the", "end", "beginning", "start", "middle", "rest", "mid", "last",
                        "this", "next", "that")),
    Rule("dur", rf"(?:(?:more|less|fewer)\s+than\s+|(?:nearly|almost|about|around|approximately|roughly|some|up\s+to|at\s+least|at\s+most|barely|well\s+over)\s+)?"
            rf"(?:{NUM}[\s-]+(?:and\s+a\s+half[\s-]+)?(?:to\s+{NUM}[\s-]+)?(?:more\s+|additional\s+|extra\s+)?{UNIT}(?:\s+and\s+a\s+half)?(?:\s+or\s+so)?"
            rf"|an?\s+(?:\d+|{NUMW})-(?:year|month|week|day|hour|minute)\s+period)",
         starts=starts("more than", "less than", "fewer than", "nearly", "almost", "about", "around", "approximately", "roughly",
                        "some", "up to", "at least", "at most", "barely", "well over") + _NUM_STARTS),
    Rule("relday", rf"(?:(?:early|late|earlier|later)\s+)?{REL_DAY}(?:\s+{PART})?|(?:this|last|tomorrow|yesterday)\s+{PART}|(?:later|earlier)\s+this\s+{PART}"
               rf"|mid-?\s?(?:morning|afternoon|day)(?:\s+(?:{REL_DAY}|{WEEKDAY}))?|overnight",
         starts=starts("early", "late", "earlier", "later", "today", "yesterday", "tomorrow", "tonight", "this", "last", "mid",
                           "overnight")),
    Rule("weekday", rf"(?:(?:last|this|next|early|late|earlier|later|this\s+past|this\s+coming)\s+)?{WEEKDAY}s?(?:\s+{PART}s?)?",
         starts=starts("last", "this", "next", "early", "late", "earlier", "later", WEEKDAYS)),
    Rule("holiday", r"(?:(?:christmas|new\s+year's|thanksgiving|easter|valentine's|halloween|hanukkah|ramadan)(?:\s+(?:day|eve))?|(?:independence|labor|memorial|veterans|election)\s+day)(?:,?\s+" + YEAR4 + r")?",
         starts=starts("christmas", "new year's", "thanksgiving", "easter", "valentine's", "halloween", "hanukkah", "ramadan",
                            "independence", "labor", "memorial", "veterans", "election")),
    Rule("set", rf"(?:daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|semiannually)(?![\w-])"
            rf"|(?:every|each)\s+(?:other\s+)?(?:(?:\d+|{NUMW})\s+)?(?:{UNIT}|{WEEKDAY}|{PART}|{SEASON}|{_MONTH_FULL})"
            rf"|(?:a|per)\s+(?:year|day|week|month|hour|quarter)(?![\w-])",
         starts=starts("daily", "weekly", "monthly", "annually", "yearly", "hourly", "nightly", "biweekly", "semiannually", "every",
                        "each", "a ", "per")),
    Rule("ref", r"right\s+now|now|currently|current|nowadays|recently|recent\s+(?:years|months|weeks|days|times)|lately|"
            r"the\s+(?:distant\s+|recent\s+|near\s+|immediate\s+)?(?:past|future)(?!\s+(?:tense|perfect))|these\s+days|"
            r"the\s+(?:near|short|long)(?:er)?\s+term|"
            r"(?:the\s+)?(?:early|late|mid|this)[\s-]+(?:morning|afternoon|evening)",
         starts=starts("right now", "now", "currently", "current", "nowadays", "recently", "recent", "lately", "the", "these days",
                        "early", "late", "mid", "this")),
    Rule("month", rf"(?:(?:early|late|mid)[\s-]+|(?:last|this|next|this\s+past|this\s+coming)\s+|(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+)?{MONTH}(?!\w)",
         starts=starts("early", "late", "mid", "last", "this", "next", "the", "end", "beginning", "start", "middle", MONTHS)),
    Rule("adj", r"year-earlier|year-ago|year-end|year's\s+end|(?:the\s+)?end\s+of\s+the\s+(?:year|month|quarter|week|decade|century)|the\s+turn\s+of\s+the\s+century",
         starts=starts("year-earlier", "year-ago", "year-end", "year's end", "the", "end")),
    Rule("plural", r"(?:the\s+)?(?:coming|next|past|last|previous|following|ensuing)\s+(?:few\s+|several\s+)?(?:years|months|weeks|days|decades|quarters|centuries)(?![\w-])",
         starts=starts("the", "coming", "next", "past", "last", "previous", "following", "ensuing")),
    Rule("vague", r"(?:for|within|over|in)\s+(?:years|months|weeks|decades|centuries|days|hours)(?![\w-])",
         starts=starts("for", "within", "over", "in ")),
]

def combine(rules: list[Rule]) -> re.Pattern:
    """The rules as one pattern, each a named group, between word boundaries (scan.py combines
    subsets of RULES the same way)."""
    return re.compile(
        r"(?<![\w'-])(?:" + "|".join(f"(?P<{rule.name}>{rule.pattern})" for rule in rules) + r")(?![\w-])",
        re.IGNORECASE,
    )


COMBINED = combine(RULES)

# Cheap pre-screen: a text without any of these stems has no time expression.
TRIGGER = re.compile(
    r"\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|day|week|month|year|quarter|decade|centur|"
    r"now|current|recent|past|future|soon|short|late|ago|tonight|morning|noon|night|hour|minute|second|"
    r"spring|summer|fall|autumn|winter|christmas|easter|thanksgiving|annual|period|lately|season|dail|tomorrow|"
    r"hallow|hanuk|ramadan|valentine|half|evening|nineteen|twenty|ties\b|term\b",
    re.IGNORECASE,
)
