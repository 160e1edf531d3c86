"""Intervals covered by TIMEX3 values, and calendar shifts at month ends."""

from datetime import date

import pytest

from pipelines.nlp.time.calendar import add_months, interval_of, value_at


@pytest.mark.parametrize("value, expected", [
    ("2012-03-13", ("2012-03-13", "2012-03-13", "day")),
    ("2012-03-13T14:05", ("2012-03-13", "2012-03-13", "minute")),
    ("2012-03-13TNI", ("2012-03-13", "2012-03-13", "day")),
    ("2012-02", ("2012-02-01", "2012-02-29", "month")),
    ("2012-W11", ("2012-03-12", "2012-03-18", "week")),
    ("1990-W32-WE", ("1990-08-11", "1990-08-12", "day")),
    ("2011-Q4", ("2011-10-01", "2011-12-31", "quarter")),
    ("1998-WI", ("1998-12-01", "1999-02-28", "quarter")),
    ("199", ("1990-01-01", "1999-12-31", "decade")),
    ("19", ("1900-01-01", "1999-12-31", "century")),
    ("PAST_REF", (None, None, None)),
    ("XXXX-10", (None, None, None)),
    ("2011-02-30", (None, None, None)),
])
def test_intervals(value, expected):
    assert interval_of(value) == expected


def test_month_arithmetic_clamps_to_month_end():
    assert add_months(date(2012, 1, 31), 1) == date(2012, 2, 29)
    assert add_months(date(2012, 3, 31), -13) == date(2011, 2, 28)
    assert value_at(date(2012, 1, 1), "week") == "2011-W52"  # ISO week-numbering year
