"""Great Expectations (GX Core 1.x) behind three functions; GX is imported only when they run.
Its public API only: the one internal the project needs is in gx_private.py.

`import great_expectations` takes seconds, and the Dagster code location must load fast, so no
module-level import here. GX's SQL datasources do not work on DuckDB, so batches are pandas
frames read from DuckDB by pipelines.quality.batches; the rows are identified by a `_rowid`
column, which GX reports back for every failing row.
"""

import logging
import math
import threading
from datetime import date, datetime

from pipelines.quality import gx_private
from pipelines.quality.rules import Rule, RuleOutcome

ROWID = "_rowid"
DATASOURCE = "warehouse"
SAMPLE_SIZE = 5

_context_lock = threading.Lock()
_context = None


def gx():
    import great_expectations

    # GX prints a progress bar per validation; logs stay for errors.
    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    return great_expectations


def new_context():
    """A fresh ephemeral context with the pandas datasource (GX makes it the current project).

    No usage statistics (nothing may call out at run time) and no default temporary docs site.
    """
    great_expectations = gx()
    from great_expectations.data_context.types.base import DataContextConfig, InMemoryStoreBackendDefaults

    config = DataContextConfig(store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
                               analytics_enabled=False)
    ctx = great_expectations.get_context(mode="ephemeral", project_config=config)
    ctx.variables.progress_bars = {"globally": False, "metric_calculations": False}
    ctx.data_sources.add_pandas(DATASOURCE)
    return ctx


def activate(ctx) -> None:
    """Make ctx GX's current project, which suites and validations resolve implicitly."""
    gx_private.set_project(ctx)


def context():
    """One ephemeral context per process for checks, reused across validations."""
    global _context
    with _context_lock:
        if _context is None:
            _context = new_context()
        else:
            activate(_context)
        return _context


def batch_definition(table: str, ctx=None):
    """The whole-dataframe batch definition of a table's asset, created on first use."""
    ctx = ctx or context()
    source = ctx.data_sources.get(DATASOURCE)
    try:
        asset = source.get_asset(table)
    except LookupError:
        asset = source.add_dataframe_asset(table)
    try:
        return asset.get_batch_definition("whole_frame")
    except (KeyError, LookupError):
        return asset.add_batch_definition_whole_dataframe("whole_frame")


def expectation(rule: Rule):
    kwargs = dict(rule.kwargs)
    if rule.mostly is not None:
        kwargs["mostly"] = rule.mostly
    cls = getattr(gx().expectations, rule.expectation)
    return cls(**kwargs, severity=rule.severity, meta={"rule": rule.name, "description": rule.description})


def build_suite(table: str, rules: list[Rule]):
    """An unsaved suite (GX still wants an active context to exist when building one)."""
    context()
    return gx().ExpectationSuite(name=table, expectations=[expectation(rule) for rule in rules])


def result_format() -> dict:
    # COMPLETE gives every failing row's _rowid, which quarantine needs; GX applies
    # unexpected_index_column_names to every row-level expectation.
    return {"result_format": "COMPLETE", "unexpected_index_column_names": [ROWID],
            "return_unexpected_index_query": False, "partial_unexpected_count": SAMPLE_SIZE}


def validate_frame(table: str, frame, rules: list[Rule]) -> list[RuleOutcome]:
    """Run the rules as one GX suite on the frame; one outcome per rule, in rule order."""
    if not rules:
        return []
    suite = build_suite(table, rules)
    batch = batch_definition(table).get_batch(batch_parameters={"dataframe": frame})
    results = batch.validate(suite, result_format=result_format())
    by_name = {r.expectation_config.meta.get("rule"): r for r in results.results}
    return [_outcome(rule, by_name.get(rule.name), frame) for rule in rules]


def _outcome(rule: Rule, result, frame) -> RuleOutcome:
    if result is None:
        return RuleOutcome(rule, success=False, error="GX returned no result for this expectation")
    info = result.exception_info or {}
    if info.get("raised_exception"):
        return RuleOutcome(rule, success=False, element_count=len(frame),
                           error=str(info.get("exception_message"))[:500])
    body = result.result or {}
    outcome = RuleOutcome(
        rule, success=bool(result.success), element_count=int(body.get("element_count") or len(frame)),
        unexpected_count=int(body.get("unexpected_count") or 0), missing_count=int(body.get("missing_count") or 0),
        observed_value=plain_value(body.get("observed_value")),
    )
    if rule.row_level:
        outcome.failing_rowids = [int(row[ROWID]) for row in body.get("unexpected_index_list") or []
                                  if isinstance(row, dict) and row.get(ROWID) is not None]
    return outcome


def plain_value(value):
    """JSON-safe scalar for metadata and samples."""
    if value is None:
        return None
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy / pandas scalars
        try:
            return plain_value(value.item())
        except (ValueError, AttributeError):
            pass
    text = str(value)
    return None if text in ("NaT", "nan", "<NA>", "None") else text
