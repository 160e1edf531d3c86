"""Time expressions: spans, TIMEX3 values, intervals, anchoring and bad input (tagger without a parse)."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.nlp.time import parse_publication_date, tag_timexes

PUBLISHED = "2012-03-15"  # a Thursday


def only(text, published=PUBLISHED, doc=None):
    found = tag_timexes(text, published, doc)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    timex = found[0]
    assert text[timex.start:timex.end] == timex.text
    return timex


@pytest.mark.parametrize(
    "text, span, type_, value",
    [
        ("The treaty was signed on March 26, 1996 in Paris.", "March 26, 1996", "DATE", "1996-03-26"),
        ("Prices fell in July 1997.", "July 1997", "DATE", "1997-07"),
        ("Inflation was high in the 1970s.", "the 1970s", "DATE", "197"),
        ("She was born in the 20th century.", "the 20th century", "DATE", "19"),
        ("He served for two years.", "two years", "DURATION", "P2Y"),
        ("The talks lasted 16 hours.", "16 hours", "DURATION", "PT16H"),
        ("The paper is published daily.", "daily", "SET", "P1D"),
        ("Results for the third quarter of 1990 were weak.", "the third quarter of 1990", "DATE", "1990-Q3"),
        ("It happened in the winter of 1994.", "the winter of 1994", "DATE", "1994-WI"),
        ("The data came out on 2011-09-02.", "2011-09-02", "DATE", "2011-09-02"),
    ],
)
def test_absolute_expressions(text, span, type_, value):
    timex = only(text)
    assert (timex.text, timex.type, timex.value) == (span, type_, value)
    assert timex.anchor is None


@pytest.mark.parametrize(
    "text, span, value, interval",
    [
        ("Last year, Russia joined the East Asian Summit.", "Last year", "2011", ("2011-01-01", "2011-12-31")),
        ("The minister resigned yesterday.", "yesterday", "2012-03-14", ("2012-03-14", "2012-03-14")),
        ("Sales rose last week.", "last week", "2012-W10", ("2012-03-05", "2012-03-11")),
        ("Exports grew last month.", "last month", "2012-02", ("2012-02-01", "2012-02-29")),
        ("The vote is due next year.", "next year", "2013", ("2013-01-01", "2013-12-31")),
        ("Output fell six weeks ago.", "six weeks ago", "2012-W05", ("2012-01-30", "2012-02-05")),
        ("The group earned more in the fourth quarter.", "the fourth quarter", "2011-Q4", ("2011-10-01", "2011-12-31")),
    ],
)
def test_relative_expressions_resolve_against_publication(text, span, value, interval):
    timex = only(text)
    assert (timex.text, timex.value) == (span, value)
    assert (timex.interval_start, timex.interval_end) == interval
    assert timex.anchor == "publication"


def test_present_reference():
    timex = only("Prices are now falling.")
    assert (timex.type, timex.value) == ("DATE", "PRESENT_REF")


@pytest.mark.parametrize(
    "text, value",
    [
        ("The ministers met on Tuesday.", "2012-03-13"),
        ("The ministers will meet on Tuesday.", "2012-03-20"),
        ("The deal was signed in October.", "2011-10"),
        ("The deal will be signed in October.", "2012-10"),
        ("He left last Thursday.", "2012-03-08"),
    ],
)
def test_tense_decides_direction_without_parse(text, value):
    found = [t for t in tag_timexes(text, PUBLISHED) if t.type == "DATE"]
    assert [t.value for t in found] == [value]


def test_tense_from_parse(nlp):
    for text, value in (("The ministers met on Tuesday.", "2012-03-13"),
                        ("The ministers will meet on Tuesday.", "2012-03-20"),
                        ("The offer, announced Friday, would pay holders in cash.", "2012-03-09")):
        doc = nlp(text)
        assert [t.value for t in tag_timexes(text, PUBLISHED, doc)] == [value]



@pytest.mark.parametrize("text, value", [
    # an arranged event lies ahead whatever the arranging verb's tense
    ("The attorney has scheduled a news conference Friday.", "2012-03-16"),
    ("Protesters planned a large demonstration on Saturday.", "2012-03-17"),
    # ... but a service planned for Saturday that was canceled is in the past
    ("A memorial service planned for Saturday was canceled.", "2012-03-10"),
    # "until" looks ahead, except from a past perfect
    ("Until Tuesday, they had not called him a suspect.", "2012-03-13"),
    ("The offer is open until Tuesday.", "2012-03-20"),
    # an infinitive under a noun or as a subject takes its clause's tense
    ("Among the first countries to join on Tuesday were Poland and Hungary.", "2012-03-13"),
])
def test_tense_of_arranged_events_until_and_infinitives(nlp, text, value):
    assert [t.value for t in tag_timexes(text, PUBLISHED, nlp(text))] == [value]

def test_anchored_to_an_earlier_mention():
    text = "The war began on March 3, 1999. Two weeks later, the capital fell."
    first, later = tag_timexes(text, PUBLISHED)
    assert first.value == "1999-03-03"
    assert (later.text, later.value, later.anchor) == ("Two weeks later", "1999-W11", "mention")
    text = "The company was founded in 1998. That year it hired 40 people."
    assert [t.value for t in tag_timexes(text, PUBLISHED)] == ["1998", "1998"]


def test_no_publication_date_keeps_relative_expressions_unresolved():
    text = "Last year the firm moved; on March 26, 1996 it was founded."
    relative, absolute = tag_timexes(text, None)
    assert (relative.text, relative.type, relative.value, relative.unanchored) == ("Last year", "DATE", None, True)
    assert relative.reason == "no_publication_date"
    assert (absolute.value, absolute.unanchored) == ("1996-03-26", False)


@pytest.mark.parametrize("published, reason", [
    ("not a date", "unparseable_publication_date"),
    ("2012-02-30", "invalid_publication_date"),
    ("2150-01-01", "publication_date_in_future"),
    ("9999-01-01", "implausible_publication_date"),
    ("", "no_publication_date"),
])
def test_unusable_publication_dates(published, reason):
    assert parse_publication_date(published, today=date(2026, 11, 29)) == (None, reason)
    timex = only("The plant closed yesterday.", published=published)
    assert timex.value is None and timex.unanchored and timex.reason == reason


def test_absurd_dates_are_kept_without_a_value():
    timex = only("The contract ends on February 30, 2011.")
    assert timex.value is None and timex.reason == "invalid_date"
    timex = only("It is set in the year 99999.")
    assert timex.value is None and timex.reason == "year_out_of_range"


def test_quantities_are_not_years():
    assert tag_timexes("The government sent 2000 troops to the border.", PUBLISHED) == []
    assert tag_timexes("It costs $1990 and weighs 1,500 tons.", PUBLISHED) == []
    assert [t.value for t in tag_timexes("The 1990 elections were close.", PUBLISHED)] == ["1990"]


def test_verb_may_is_not_a_month():
    assert tag_timexes("The bank may raise rates. It did so in May.", PUBLISHED)[0].text == "May"
    assert len(tag_timexes("The bank may raise rates. It did so in May.", PUBLISHED)) == 1


def test_ranges_give_two_expressions():
    values = [t.value for t in tag_timexes("during his terms as president (2000 to 2008).", PUBLISHED)]
    assert values == ["2000", "2008"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(list("0123456789 -/.,:'adefhilmnorstuwyAJMOT\n") + [
    "May ", "year ", "last ", "ago ", "Friday ", "quarter ", "1999 ", "30 ", "February ", "the ", "two "]),
    max_size=40).map("".join))
def test_never_crashes_and_spans_are_exact(text):
    for published in (PUBLISHED, None, "garbage"):
        for timex in tag_timexes(text, published):
            assert text[timex.start:timex.end] == timex.text
            assert timex.type in ("DATE", "TIME", "DURATION", "SET")
            assert timex.value is not None or timex.reason is not None or timex.type in ("DURATION", "SET")


def test_clock_times():
    text = "The quake struck at 14:30 GMT. Police arrived at 3:15 p.m. yesterday. The score was 3:2."
    found = [(t.text, t.type, t.value) for t in tag_timexes(text, PUBLISHED)]
    assert found == [("14:30 GMT", "TIME", "2012-03-15T14:30"), ("3:15 p.m. yesterday", "TIME", "2012-03-14T15:15")]


@pytest.mark.parametrize("text, expression", [
    ("We met this evening to talk.", "this evening"),
    ("Sales rose in the first half.", "the first half"),
    ("He was born in nineteen sixty-one.", "nineteen sixty-one"),
])
def test_texts_whose_only_time_expression_has_no_digit_or_month_are_still_tagged(text, expression):
    # the cheap pre-screen must not skip them (it once did)
    assert expression in [t.text for t in tag_timexes(text, "2020-06-15")]


@pytest.mark.parametrize("text", [
    "on trades entered by 1000 London time, designed to work",
    "between 1700 and 2100 hrs central U.S. time",
    "until 1500 (1400 GMT) because the call took longer",
    "from 1115 to 1300 local time (0315 to 0500 GMT)",
])
def test_wire_clock_times_are_not_years(text):
    # the GX checks found these as "years" before 1800 in the Reuters corpus
    assert [t.text for t in tag_timexes(text, "1987-04-07") if t.type == "DATE"] == []


@pytest.mark.parametrize("text", ["up from last's year 421.9 mln", "(1985 full year 20.0)", "tax rate for year 45.9 pct"])
def test_year_followed_by_decimals_is_a_figure_not_a_year(text):
    assert not any(t.value and t.value.startswith("0") for t in tag_timexes(text, "1987-04-07"))


def test_years_next_to_clock_like_numbers_are_kept():
    values = [t.value for t in tag_timexes("He was elected in 1985, and by 2010 sales had doubled.", "2012-01-01")]
    assert values == ["1985", "2010"]


@pytest.mark.parametrize(
    "text, span, value, interval",
    [
        # "the past year" is the twelve months up to the publication date, not the previous
        # calendar year ("last year"); the interval says which days
        ("Hate groups grew over the past year.", "the past year", "P1Y", ("2011-03-16", "2012-03-15")),
        ("Prices rose in the past two months.", "the past two months", "P2M", ("2012-01-16", "2012-03-15")),
        ("Sales will grow over the next six months.", "the next six months", "P6M", ("2012-03-15", "2012-09-14")),
    ],
)
def test_durations_anchored_on_the_publication_date_cover_the_days_up_to_or_from_it(text, span, value, interval):
    timex = only(text)
    assert (timex.text, timex.type, timex.value) == (span, "DURATION", value)
    assert (timex.interval_start, timex.interval_end, timex.anchor) == (*interval, "publication")


def test_a_free_duration_has_no_interval():
    timex = only("He served for two years.")
    assert (timex.value, timex.interval_start, timex.anchor) == ("P2Y", None, None)


@pytest.mark.parametrize(
    "text, expected",
    [
        ('James Baker, speaking on ABC News\' "This Week," said the request was fair.', []),  # a show
        ("This is VOA Today.", []),
        ("It showed a picture of Gary Cooper from the film High Noon.", []),
        ("This week the council met.", [("This week", "2012-W11")]),
        ("Islam will one day be the second largest religion.", [("one day", "FUTURE_REF")]),
        ("He stayed one day in Paris.", [("one day", "P1D")]),
        ("Hate group numbers dropped through the nineties.", [("the nineties", "199")]),
        ("Highs will be in the fifties on Monday.", [("Monday", "2012-03-19")]),
        ("In nineteen ninety-one Charles Keating was convicted.", [("nineteen ninety-one", "1991")]),
        ("The base stays for at least 20 more years.", [("at least 20 more years", "P20Y")]),
        ("The loan may be extended for an additional year.", [("an additional year", "P1Y")]),
        ("Over the next couple of years we expect growth.", [("the next couple of years", "P2Y")]),
        ("We don't minimize the challenges of the near term.", [("the near term", "FUTURE_REF")]),
        ("The long term plan was approved.", []),
    ],
)
def test_titles_vague_futures_decade_words_and_extended_durations(text, expected):
    assert [(t.text, t.value) for t in tag_timexes(text, PUBLISHED)] == expected


@pytest.mark.parametrize(
    "text, published, value",
    [
        # a bare month eight or more months back is rarely meant; the coming one is
        ("The company said it announced a plan to acquire the bank in January.", "1989-10-30", "1990-01"),
        ("Final guidelines published in early November will decide.", "1989-10-30", "1989-11"),
        ("Prices fell in April.", "1989-10-30", "1989-04"),
        ("The deal is scheduled to close Monday.", "1989-11-02", "1989-11-06"),
    ],
)
def test_bare_months_and_days_prefer_the_near_side(text, published, value):
    (timex,) = [t for t in tag_timexes(text, published) if t.type == "DATE"]
    assert timex.value == value


@pytest.mark.parametrize(
    "text, published, value",
    [
        # a past verb the month modifies outweighs the near-side preference
        ("She replaces Ann Cole, who retired as chief executive in March for family reasons.", "1989-11-02",
         "1989-03"),
        ("Since Acme bought Zenith in February for $2 billion, it has agreed to sell two plants.", "1989-10-30",
         "1989-02"),
        # ... but not through a limit, an infinitive, an arranged event or a noun
        ("Banks extended the firm $40 million in credit through January.", "1989-10-30", "1990-01"),
        ("The bank announced an agreement to acquire the company in January.", "1989-11-02", "1990-01"),
        ("The official said that the merger was planned for early March.", "1999-02-10", "1999-03"),
        ("The critic went in search of remarkable stories about the town and from October onward they will be "
         "released as a series.", "2018-09-15", "2018-10"),
        ("Norway told British, Danish and Dutch gas buyers of a 10-15 percent cut in its gas supply "
         "in September.", "1990-08-16", "1990-09"),
    ],
)
def test_a_past_verb_governing_a_bare_month_puts_it_behind(nlp, text, published, value):
    (timex,) = [t for t in tag_timexes(text, published, nlp(text)) if t.type == "DATE"]
    assert timex.value == value


@pytest.mark.parametrize(
    "text, value",
    [
        ("She was injured last Oct. 23 at her farm.", "2011-10-23"),
        ("The vote was held last March 2.", "2012-03-02"),
        ("The plant reopens next March 5.", "2013-03-05"),
        ("The plant reopens next April 5.", "2012-04-05"),
    ],
)
def test_last_and_next_before_a_month_and_day_pick_the_side(text, value):
    assert only(text).value == value


def test_the_next_months_of_a_past_narrative_are_not_anchored_on_publication():
    timex = only("After the surgery she was not thrilled. The next two months were tough.")
    assert (timex.value, timex.interval_start, timex.anchor) == ("P2M", None, None)
