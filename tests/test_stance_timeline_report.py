"""The timeline report: table by period, PNG chart, self-contained HTML page."""

import base64
import io
import re

import pandas as pd
import pytest

from pipelines.reports.timeline import build_timeline_report, timeline_table

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture()
def rows():
    return pd.DataFrame(
        {
            "seen_at": ["2012-01-10", "2012-01-25", "2012-02-03", "2012-04-15", "2012-01-12", None],
            "target": ["China", "China", "China", "China", "NATO", "China"],
            "score": [0.8, 0.4, -0.6, -0.2, -0.5, 0.9],
            "polarity": ["favor", "favor", "against", "against", "against", "favor"],
            "evidence_text": ["welcome the rise", "no threat", "fear <junior> partner", "wary", "aversion", "undated"],
            "article_id": ["a1", "a2", "a3", "a4", "a1", "a5"],
        }
    )


def test_monthly_table_groups_targets_and_drops_undated_rows(rows):
    table = timeline_table(rows, "month")
    got = [(r.target, r.period, r.n, r.mean_score, r.favor, r.against) for r in table.itertuples()]
    assert got == [
        ("China", "2012-01", 2, 0.6, 2, 0),
        ("China", "2012-02", 1, -0.6, 0, 1),
        ("China", "2012-04", 1, -0.2, 0, 1),
        ("NATO", "2012-01", 1, -0.5, 0, 1),
    ]


def test_quarter_and_year_periods(rows):
    quarters = timeline_table(rows[rows.target == "China"], "quarter")
    assert list(zip(quarters.period, quarters.n)) == [("2012Q1", 3), ("2012Q2", 1)]
    years = timeline_table(rows, "year")
    assert list(zip(years.target, years.period, years.n)) == [("China", "2012", 4), ("NATO", "2012", 1)]
    with pytest.raises(ValueError):
        timeline_table(rows, "week")


def test_report_writes_png_and_self_contained_html_and_prints_the_table(rows, tmp_path):
    out = io.StringIO()
    report = build_timeline_report(rows, "Vladimir Putin", tmp_path / "reports", target="china", stream=out)
    assert report.png.read_bytes().startswith(PNG_MAGIC)
    page = report.html.read_text(encoding="utf-8")
    embedded = re.search(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', page)
    assert embedded and base64.b64decode(embedded.group(1)) == report.png.read_bytes()
    assert "fear &lt;junior&gt; partner" in page and "<junior>" not in page
    assert "NATO" not in page  # the target filter applies to the page too
    printed = out.getvalue()
    assert printed.startswith("Stance of Vladimir Putin on china, by month")
    assert "2012-02" in printed and "NATO" not in printed
    assert list(report.table.period) == ["2012-01", "2012-02", "2012-04"]
    assert report.png.name == "stance_vladimir-putin_china_month.png"


def test_report_without_dated_rows_still_writes_a_page(tmp_path):
    empty = pd.DataFrame({"seen_at": [None], "target": ["China"], "score": [0.5], "polarity": ["favor"]})
    report = build_timeline_report(empty, "Nobody", tmp_path, stream=io.StringIO())
    assert report.table.empty
    assert report.png.read_bytes().startswith(PNG_MAGIC)
    assert "No dated stances" in report.html.read_text(encoding="utf-8")
