"""The fast scanner finds exactly what the combined grammar's finditer finds, and each rule's
declared triggers (grammar.Rule.starts) cover every match of that rule."""

import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pipelines.nlp.time.scan as timex_scan
from pipelines.nlp.time.grammar import COMBINED, RULES, TRIGGER_CHARS, combine
from tests.conftest import shared_path

# Words that start rules, words that continue them, look-alikes and characters whose case
# folding is not ASCII (the Kelvin sign folds to "k", the long s to "s").
WORDS = [
    "the", "The", "THE", "a", "an", "in", "In", "for", "over", "within", "this", "last", "next", "that", "early",
    "late", "mid", "mid-", "end", "of", "year", "years", "year's", "month", "week", "quarter", "first", "second",
    "fiscal", "1987", "2010", "1630", "20.0", "'80s", "1990s", "3", "12", "3:30", "p.m.", "a.m.", "EST", "GMT",
    "March", "mar", "Mar.", "May", "may", "Tuesday", "tues", "today", "tonight", "now", "currently", "recent",
    "ago", "later", "earlier", "daily", "every", "each", "per", "half", "nineteen", "eighty-seven", "two",
    "thousand", "dozen", "several", "few", "century", "21st", "christmas", "day", "eve", "noon", "said", "and",
    "-", "'", ",", ".", "\n", "  ", "\u212a", "\u017f", "\u00e9t\u00e9", "\u0663", "sp\u0131ng", "\u2019s",
]

texts = st.one_of(
    st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join),
    st.lists(st.sampled_from(WORDS), max_size=80).map("".join),
    st.text(alphabet=st.sampled_from("atesymonrd19'- \n\u212a\u017f"), max_size=120),
    st.text(max_size=200),
)


def _found(matches):
    return [(m.lastgroup, m.span()) for m in matches]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_scan_equals_finditer_on_generated_text(text):
    assert _found(timex_scan.scan(text)) == _found(COMBINED.finditer(text))


def test_scan_equals_finditer_on_written_sentences():
    text = ("Last year, Russia joined the WTO. In 2010 it was the 10th-largest economy; by the mid-1990s, "
            "output had fallen for several years. The first quarter of 1987 ended on March 31, 1987 at 1630 EST, "
            "three weeks ago. Every Tuesday morning since the 1980s, and the year 2050, prices rose 20.0 pct.")
    found = _found(timex_scan.scan(text))
    assert found == _found(COMBINED.finditer(text))
    assert ("year", (text.index("2010"), text.index("2010") + 4)) in found


def test_every_rule_declares_triggers():
    for rule in RULES:
        assert rule.starts, f"rule {rule.name!r} declares no triggers: the scanner would never try it"
        for trigger in rule.starts:
            assert trigger == trigger.lower() and 0 < len(trigger) <= TRIGGER_CHARS and "\t" not in trigger, \
                f"rule {rule.name!r}: trigger {trigger!r} is not lower case, 1..{TRIGGER_CHARS} characters, blanks as ' '"
    assert timex_scan._pattern_for("sai") is None  # "said" begins no rule
    assert set(timex_scan._pattern_for("the").groupindex) < {rule.name for rule in RULES}


def _uncovered(rule, texts) -> list[str]:
    """Matches of the rule on its own (between the grammar's word boundaries) whose start its
    triggers do not cover. Starts with non-ASCII characters go to COMBINED and need no trigger."""
    alone, missed = combine([rule]), []
    for text in texts:
        for match in alone.finditer(text):
            key = timex_scan.trigger_key(text, match.start())
            if key.isascii() and not key.startswith(rule.starts):
                missed.append(match.group())
    return missed


def _varied_texts() -> list[str]:
    with open(shared_path("eval", "timex", "tbaq_dev.jsonl"), encoding="utf-8") as handle:
        docs = [json.loads(line)["text"] for line in handle]
    written = (
        "At about 3 p.m. EST, around 10:30 GMT, midnight Tuesday and noon today; the mid-1990s, the '80s, "
        "a-day, an hour ago, a couple of weeks later, several\tyears\nearlier, up to two years, at least\none "
        "month, well over a decade, the year 2050, fiscal 1987, the year nineteen eighty-four, two thousand "
        "and one. Early in the morning, the twenty-first century, the 21st century, 1st quarter, the same "
        "quarter a year ago, corresponding period last year, this year's first half, each of the past three "
        "years, every other Monday, per year, semiannually, Christmas Eve, Labor Day, New Year's, Valentine's "
        "Day, in years, within days, for months, right now, these days, year-end, the end of the decade, "
        "the coming weeks, June 5, 2010, 5 June 2010, the 5th of June, Wed., Sept. 3, early spring of 1990, "
        "2012-03-15T10:30, 3/15/2012 and 15/3/12."
    )
    return docs + [written, written.upper(), written.lower(), written.replace(" ", "\n")]


def test_triggers_cover_every_match_of_their_rule():
    texts = _varied_texts()
    for rule in RULES:
        assert any(combine([rule]).search(text) for text in texts), f"no text exercises rule {rule.name!r}"
        missed = _uncovered(rule, texts)
        assert not missed, (f"rule {rule.name!r} matches text its declared triggers {rule.starts} do not cover, "
                            f"e.g. {sorted(set(missed))[:5]}: add the missing prefixes to its `starts`")


def test_a_missing_trigger_is_caught():
    texts = _varied_texts()
    for name, dropped in (("noon", "mid"), ("dur", "a-"), ("year", "2"), ("clock", "at ")):
        rule = next(rule for rule in RULES if rule.name == name)
        weakened = rule._replace(starts=tuple(t for t in rule.starts if t != dropped))
        assert _uncovered(weakened, texts), f"dropping {dropped!r} from {name!r} went unnoticed"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_triggers_cover_generated_text(text):
    for rule in RULES:
        assert not _uncovered(rule, [text]), rule.name


def test_scan_equals_finditer_on_tbaq_dev():
    with open(shared_path("eval", "timex", "tbaq_dev.jsonl"), encoding="utf-8") as handle:
        docs = [json.loads(line)["text"] for line in handle]
    for text in docs:
        assert _found(timex_scan.scan(text)) == _found(COMBINED.finditer(text))
    # and with shifted case, where IGNORECASE does the work
    for text in docs[:40]:
        for variant in (text.upper(), text.lower(), re.sub(r"\s+", "  ", text)):
            assert _found(timex_scan.scan(variant)) == _found(COMBINED.finditer(variant))


def test_scores_and_product_years_are_not_years():
    from pipelines.nlp.time import tag_timexes

    def values(text):
        return [t.value for t in tag_timexes(text, "2019-11-20")]

    assert values("The new laptop scored 1061 in the single-core benchmark.") == []
    assert values("It has a Geekbench score of 2048 and a fast disk.") == []
    assert values("The new keyboard has more key travel than the 2016.") == []
    assert values("It scored well in 2015.") == ["2015"]
    assert values("The 2016 election was close.") == ["2016"]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_compiled_patterns_cover_every_key(text):
    # Workers fork after compile_patterns(): no word start may need a pattern compiled after it.
    timex_scan.compile_patterns()
    compiled = timex_scan._pattern_of_rules.cache_info().currsize
    for variant in (text, text.upper(), "Since January 3rd, the 1990s and next Tuesday: " + text):
        list(timex_scan.scan(variant))
    assert timex_scan._pattern_of_rules.cache_info().currsize == compiled
