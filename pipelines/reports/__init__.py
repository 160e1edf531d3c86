"""Holder stance timelines: a table, a PNG chart and an HTML page per holder (`claims timeline`
and the `holder_reports` asset)."""

from pipelines.reports.holders import build_holder_reports, timeline_for
from pipelines.reports.timeline import TimelineReport, build_timeline_report, timeline_table

__all__ = ["TimelineReport", "build_holder_reports", "build_timeline_report", "timeline_for", "timeline_table"]
