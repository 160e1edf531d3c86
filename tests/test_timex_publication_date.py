"""A publication date is parsed once, into a PublicationDate, and every reader of it (ingest,
the time expressions' reference date, claims' stated_at, stances) reads that value."""

from datetime import date, datetime, timedelta, timezone

import pytest

from pipelines.ingest.dates import parse_published, warehouse_precision
from pipelines.nlp.claims.claims import _stated_at
from pipelines.nlp.time import parse_publication_date
from pipelines.nlp.types import DocInput, PublicationDate, UnusableDate, parse_publication

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize("text, day, precision, stated_at", [
    # the eval contract's forms
    ("2012-03-15", date(2012, 3, 15), "day", "2012-03-15"),
    ("2012-03-15T10:30", date(2012, 3, 15), "minute", "2012-03-15T10:30"),
    ("1987-02-26T15:01:01", date(1987, 2, 26), "second", "1987-02-26T15:01:01"),
    # blanks, a space for the T, fractions and zones: the day and time as written, the zone not applied
    (" 2012-03-15 ", date(2012, 3, 15), "day", "2012-03-15"),
    ("2012-03-15 10:30:05.25", date(2012, 3, 15), "second", "2012-03-15T10:30:05"),
    ("2012-03-15T23:30:00-05:00", date(2012, 3, 15), "second", "2012-03-15T23:30:00"),
    ("2012-03-15T10:30Z", date(2012, 3, 15), "minute", "2012-03-15T10:30"),
    ("2012-03-15T10:30:00 +0100", date(2012, 3, 15), "second", "2012-03-15T10:30:00"),
    ("2012-03-15T10:30:00.1234567Z", date(2012, 3, 15), "second", "2012-03-15T10:30:00"),
    ("2012-03-15T25:99", date(2012, 3, 15), "day", "2012-03-15"),  # not a time: the day stands
    # other ISO 8601 forms Python reads
    ("20120315", date(2012, 3, 15), "day", "2012-03-15"),
    ("2012-03-15T10:30:00,5", date(2012, 3, 15), "second", "2012-03-15T10:30:00"),
])
def test_usable_dates_are_read_once_as_written(text, day, precision, stated_at):
    published = DocInput("d", "", published=text).published
    assert isinstance(published, PublicationDate)
    assert (published.day, published.precision, published.text) == (day, precision, text)
    assert parse_publication_date(published, today=TODAY) == (day, None)
    assert _stated_at(published) == stated_at


@pytest.mark.parametrize("text, problem", [
    ("not a date", "unparseable_publication_date"),
    ("2012-03-15 10:00:00 UTC", "unparseable_publication_date"),
    ("2012-02-30", "invalid_publication_date"),
])
def test_unusable_dates_keep_their_text_and_why(text, problem):
    published = parse_publication(text)
    assert published == UnusableDate(text, problem)
    assert parse_publication_date(published) == (None, problem)
    assert _stated_at(published) is None


def test_blank_is_no_date():
    assert parse_publication("") is None and parse_publication(" \t") is None
    assert DocInput("d", "", published="  ").published is None
    assert parse_publication_date(None) == (None, "no_publication_date")


def test_plausibility_is_the_reader_s_policy():
    assert parse_publication_date("0001-01-01", today=TODAY) == (None, "implausible_publication_date")
    assert parse_publication_date("2150-01-01", today=TODAY) == (None, "publication_date_in_future")
    assert parse_published("1750-01-01") is None  # ingest keeps 1800..2100


@pytest.mark.parametrize("value, utc, precision", [
    ("2012-03", datetime(2012, 3, 1), "month"),
    ("2012", datetime(2012, 1, 1), "year"),
    ("2012-03-15", datetime(2012, 3, 15), "day"),
    ("2012-03-15Z", datetime(2012, 3, 15), "time"),
    ("1987-03-17T06:52:40", datetime(1987, 3, 17, 6, 52, 40), "time"),  # no zone: kept as written
    ("2012-03-15T23:30:00-05:00", datetime(2012, 3, 16, 4, 30), "time"),
    ("Tue, 10 Jun 2003 04:00:00 +0200", datetime(2003, 6, 10, 2, 0), "time"),
    ("March 5, 2012", datetime(2012, 3, 5), "day"),
    (datetime(2012, 3, 15, 10, tzinfo=timezone(timedelta(hours=2))), datetime(2012, 3, 15, 8), "time"),
    (date(2012, 3, 15), datetime(2012, 3, 15), "day"),
    (1331805600, datetime(2012, 3, 15, 10), "time"),
])
def test_ingest_reads_every_shape_into_the_same_type(value, utc, precision):
    published = parse_published(value)
    assert isinstance(published, PublicationDate)
    assert (published.utc, warehouse_precision(published)) == (utc, precision)


def test_ingest_rejects_what_is_not_a_date():
    for value in ("March 5", "soon", True, "2012-13"):
        assert parse_published(value) is None
