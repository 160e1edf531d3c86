"""A holder's stances over time: a printed table, a PNG chart and a self-contained HTML page.

Pure function over a DataFrame of stance rows (no DuckDB here): the caller selects the rows,
for example from `stances` joined to `articles` and `entities`, with at least the columns
`seen_at` (or `stated_at`), `target`, `score`, `polarity`, and optionally `evidence_text`,
`article_id`. The page inlines the chart as base64, so it opens anywhere without other files.
"""

import base64
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from pipelines.reports.templates import render

PERIODS = {"month": "M", "quarter": "Q", "year": "Y"}
MAX_LINES = 8  # targets drawn in the chart; the table keeps all of them
EVIDENCE_PER_PERIOD = 1
EVIDENCE_CHARS = 240


@dataclass
class TimelineReport:
    table: pd.DataFrame
    png: Path
    html: Path


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "all"


def timeline_table(rows: pd.DataFrame, by: str = "month") -> pd.DataFrame:
    """One row per target and period: n, mean score, counts per polarity, first and last seen."""
    if by not in PERIODS:
        raise ValueError(f"by must be one of {sorted(PERIODS)}, not {by!r}")
    columns = ["target", "period", "n", "mean_score", "favor", "against", "neutral", "first_seen", "last_seen"]
    frame = _normalized(rows)
    if frame.empty:
        return pd.DataFrame(columns=columns)
    frame["period"] = frame["seen_at"].dt.to_period(PERIODS[by]).astype(str)
    grouped = frame.groupby(["target", "period"], sort=True)
    table = grouped.agg(
        n=("score", "size"),
        mean_score=("score", "mean"),
        favor=("polarity", lambda s: int((s == "favor").sum())),
        against=("polarity", lambda s: int((s == "against").sum())),
        neutral=("polarity", lambda s: int((s == "neutral").sum())),
        first_seen=("seen_at", "min"),
        last_seen=("seen_at", "max"),
    ).reset_index()
    table["mean_score"] = table["mean_score"].round(3)
    return table[columns]


def _normalized(rows: pd.DataFrame) -> pd.DataFrame:
    frame = rows.copy()
    if "seen_at" not in frame.columns:
        frame["seen_at"] = frame["stated_at"] if "stated_at" in frame.columns else pd.NaT
    frame["seen_at"] = pd.to_datetime(frame["seen_at"], errors="coerce", utc=True).dt.tz_localize(None)
    frame = frame.dropna(subset=["seen_at"])
    frame["score"] = pd.to_numeric(frame["score"], errors="coerce").fillna(0.0)
    frame["target"] = frame["target"].fillna("(unknown)").astype(str)
    return frame


def _chart(table: pd.DataFrame, title: str, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")  # no display; works in CI and in Dagster workers
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 4.5), dpi=100)
    if table.empty:
        ax.text(0.5, 0.5, "no dated stances", ha="center", va="center", transform=ax.transAxes)
    else:
        periods = sorted(table["period"].unique())
        position = {p: i for i, p in enumerate(periods)}
        top = table.groupby("target")["n"].sum().sort_values(ascending=False).head(MAX_LINES).index
        for target in top:
            part = table[table["target"] == target]
            xs = [position[p] for p in part["period"]]
            ax.plot(xs, part["mean_score"], marker="o", label=f"{target} (n={int(part['n'].sum())})")
            ax.scatter(xs, part["mean_score"], s=20 + 15 * part["n"], alpha=0.3)
        ax.set_xticks(range(len(periods)))
        ax.set_xticklabels(periods, rotation=45, ha="right", fontsize=8)
        ax.legend(fontsize=8, loc="best")
    ax.axhline(0, color="grey", linewidth=0.8)
    ax.set_ylim(-1.05, 1.05)
    ax.set_ylabel("mean stance score (against -1 … +1 favor)")
    ax.set_title(title)
    fig.tight_layout()
    fig.savefig(path, format="png")
    plt.close(fig)


@dataclass(frozen=True)
class Evidence:
    period: str
    target: str
    score: float
    text: str
    article: str


def _evidence_rows(rows: pd.DataFrame, by: str) -> list[Evidence]:
    frame = _normalized(rows)
    if frame.empty or "evidence_text" not in frame.columns:
        return []
    frame["period"] = frame["seen_at"].dt.to_period(PERIODS[by]).astype(str)
    frame["strength"] = frame["score"].abs()
    out = []
    ordered = frame.sort_values(["period", "target", "strength"], ascending=[True, True, False])
    for (period, target), part in ordered.groupby(["period", "target"], sort=True):
        for _, row in part.head(EVIDENCE_PER_PERIOD).iterrows():
            out.append(Evidence(period, target, float(row["score"]), str(row.get("evidence_text") or "")[:EVIDENCE_CHARS],
                                str(row.get("article_id") or "")))
    return out


def _page(title: str, png_bytes: bytes, table: pd.DataFrame, evidence: list[Evidence]) -> str:
    return render("timeline.html.j2", title=title, image=base64.b64encode(png_bytes).decode("ascii"),
                  columns=list(table.columns), table=table.astype(str).values.tolist(), evidence=evidence)


def build_timeline_report(rows: pd.DataFrame, holder: str, out_dir: Path, target: str | None = None,
                          by: str = "month", stream=None) -> TimelineReport:
    """Print the table to `stream` (stdout by default), write `<slug>.png` and `<slug>.html`
    under `out_dir`, and return their paths with the table. `target` filters rows whose
    target matches it (case-insensitive) when given."""
    frame = rows
    if target is not None and "target" in rows.columns:
        frame = rows[rows["target"].fillna("").str.lower() == target.lower()]
    table = timeline_table(frame, by)
    title = f"Stance of {holder}" + (f" on {target}" if target else "") + f", by {by}"
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    name = "stance_" + slug(holder) + (f"_{slug(target)}" if target else "") + f"_{by}"
    png_path, html_path = out_dir / f"{name}.png", out_dir / f"{name}.html"
    _chart(table, title, png_path)
    page = _page(title, png_path.read_bytes(), table, _evidence_rows(frame, by))
    html_path.write_text(page, encoding="utf-8")
    stream = stream or sys.stdout
    print(title, file=stream)
    print(table.to_string(index=False) if not table.empty else "(no dated stances)", file=stream)
    return TimelineReport(table=table, png=png_path, html=html_path)


def render_png_bytes(table: pd.DataFrame, title: str) -> bytes:
    """The chart alone, for callers that embed it elsewhere (e.g. Dagster metadata)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "chart.png"
        _chart(table, title, path)
        return path.read_bytes()


__all__ = ["TimelineReport", "build_timeline_report", "timeline_table", "render_png_bytes", "slug"]
