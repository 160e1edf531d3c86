"""Surprising but possible dates warn, never stop a run; the reader and the articles check share
one rule for a plausible publication date (issue 15, finding 4)."""

import json
from datetime import datetime

from pipelines.ingest.dates import parse_published, plausible
from pipelines.ingest.json_reader import read_jsonl
from pipelines.quality.rules import WARNING
from pipelines.quality.suites import SUITES, BatchStats


def test_a_far_future_publication_date_is_dropped_by_the_reader_and_the_article_kept():
    lines = [json.dumps({"title": f"Item {i}", "text": "The mayor said the budget would pass on Monday.",
                         "published": "2099-12-31" if i == 0 else "2019-11-05"}) for i in range(3)]
    result = read_jsonl("\n".join(lines), "batch.jsonl")
    assert len(result.articles) == 3 and not result.rejections
    assert sorted(str(a.published_at)[:10] for a in result.articles) == ["2019-11-05", "2019-11-05", "None"]


def test_the_reader_rule_is_the_checks_rule():
    now = datetime(2026, 12, 1)
    assert plausible(parse_published("2026-12-02"), now) is not None  # the day after: allowed
    assert plausible(parse_published("2026-12-03"), now) is None
    assert parse_published("1799-12-31") is None and parse_published("1800-01-01") is not None


def test_plausibility_rules_warn():
    names = {"published_at_plausible", "interval_within_horizon", "interval_after_1800", "about_after_1800",
             "about_within_horizon"}
    found = {rule.name: rule.severity for table in ("articles", "time_expressions", "claims")
             for rule in SUITES[table].rules(BatchStats()) if rule.name in names}
    assert found.keys() == names and set(found.values()) == {WARNING}
