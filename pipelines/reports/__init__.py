"""Holder stance timelines: a table, a PNG chart and an HTML page per holder (`claims timeline`
and the `holder_reports` asset)."""

from pipelines.reports.holders import UnknownHolder, build_holder_reports, nearest_holders, timeline_for
from pipelines.reports.timeline import TimelineReport, build_timeline_report, timeline_table

__all__ = ["TimelineReport", "UnknownHolder", "nearest_holders", "build_holder_reports", "build_timeline_report", "timeline_for", "timeline_table"]
