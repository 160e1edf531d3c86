"""Stance timeline pages for holders, from the warehouse: the `claims timeline` command and the
`holder_reports` asset both go through here."""

import html
import io
from pathlib import Path

from pipelines.reports import reports_dir
from pipelines.store.db import read_sql


def holder_rows(con, holder: str, target: str | None = None):
    return con.execute(read_sql("reports/holder_stances.sql"), {"holder": holder, "target": target}).df()


def timeline_for(con, holder: str, target: str | None = None, by: str = "month", out_dir: Path | None = None,
                 stream=None):
    from pipelines.timeline_report import build_timeline_report

    # The SQL already filters on the target (by entity name or alias); the report only labels it.
    rows = holder_rows(con, holder, target)
    if target is not None:
        rows = rows.assign(target=target)
    return build_timeline_report(rows, holder, out_dir or reports_dir() / "holders", target=target, by=by,
                                 stream=stream)


def build_holder_reports(con, top_n: int = 10, by: str = "month") -> dict[str, Path]:
    """A page per most active holder plus an index.html linking them; returns holder -> page."""
    out_dir = reports_dir() / "holders"
    holders = con.execute(read_sql("reports/top_holders.sql"), {"top_n": top_n}).fetchall()
    pages: dict[str, Path] = {}
    for _entity_id, holder, _n in holders:
        report = timeline_for(con, holder, by=by, out_dir=out_dir, stream=io.StringIO())
        pages[holder] = report.html
    links = "\n".join(f'<li><a href="{html.escape(p.name)}">{html.escape(h)}</a></li>' for h, p in pages.items())
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "index.html").write_text(
        "<!doctype html><meta charset='utf-8'><title>Stance timelines</title>"
        f"<h1>Stance timelines of the most active holders</h1><ul>{links or '<li>(no stances yet)</li>'}</ul>",
        encoding="utf-8")
    return pages
