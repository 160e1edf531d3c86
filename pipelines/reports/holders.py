"""Stance timeline pages for holders, from the warehouse: the `claims timeline` command and the
`holder_reports` asset both go through here."""

import io
from pathlib import Path

from pipelines.config import Settings
from pipelines.reports.templates import render
from pipelines.store.db import read_sql


def reports_dir() -> Path:
    path = Settings.from_env().reports_dir
    path.mkdir(parents=True, exist_ok=True)
    return path


def holder_rows(con, holder: str, target: str | None = None):
    return con.execute(read_sql("reports/holder_stances.sql"), {"holder": holder, "target": target}).df()


class UnknownHolder(LookupError):
    """No stance row is held by this name; `suggestions` are the nearest holder names."""

    def __init__(self, holder: str, suggestions: list[str]):
        self.holder, self.suggestions = holder, suggestions
        hint = f"; did you mean {', '.join(repr(s) for s in suggestions)}?" if suggestions else ""
        super().__init__(f"no stances held by {holder!r}{hint}")


def nearest_holders(con, holder: str, n: int = 3) -> list[str]:
    """Holder names closest to `holder` (case-insensitive; a surname or a typo finds its name)."""
    import difflib

    names = [name for name, _count in con.execute(read_sql("reports/holder_names.sql")).fetchall()]
    by_lower = {name.lower(): name for name in names}
    wanted = holder.lower()
    contains = [name for name in names if wanted in name.lower().split() or wanted in name.lower()]
    close = [by_lower[m] for m in difflib.get_close_matches(wanted, list(by_lower), n=n, cutoff=0.6)]
    return list(dict.fromkeys(contains + close))[:n]


def timeline_for(con, holder: str, target: str | None = None, by: str = "month", out_dir: Path | None = None,
                 stream=None):
    from pipelines.reports.timeline import build_timeline_report

    # The SQL already filters on the target (by entity name or alias); the report only labels it.
    rows = holder_rows(con, holder, target)
    if rows.empty and target is None:
        raise UnknownHolder(holder, nearest_holders(con, holder))
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
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "index.html").write_text(render("index.html.j2", pages=[(h, p.name) for h, p in pages.items()]),
                                        encoding="utf-8")
    return pages
