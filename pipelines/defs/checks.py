"""Great Expectations suites as Dagster asset checks: one multi-asset check per validated table.

Each rule of a table's suite is one Dagster check. Critical rules are blocking with ERROR
severity, so a failure stops downstream assets in the run (the articles checks stop extraction;
the extraction tables' checks stop the analytics assets); warnings report with WARN severity.
Rows failing a critical row-level rule are moved to <table>_rejects in the same step, and the
check reports how many; the next run of the check sees only the remaining rows and passes.
GX is imported when a check executes, never when this module loads.
"""

import warnings

import dagster as dg

from pipelines.defs.assets import DUCKDB_POOL
from pipelines.defs.partitions import source_partitions
from pipelines.defs.resources import WarehouseResource
from pipelines.quality.rules import CRITICAL, Rule, RuleOutcome
from pipelines.quality.suites import SUITES, VALIDATED_TABLES


def check_spec(rule: Rule, asset_key: str, partitions_def) -> dg.AssetCheckSpec:
    with warnings.catch_warnings():
        # Partitioned check specs are a Dagster preview feature; they record results per partition.
        warnings.simplefilter("ignore")
        return dg.AssetCheckSpec(
            rule.name, asset=asset_key, description=f"[{rule.severity}] {rule.description}",
            blocking=rule.severity == CRITICAL, partitions_def=partitions_def,
            metadata={"severity": rule.severity, "gx_expectation": rule.expectation,
                      "quarantines_rows": rule.quarantines},
        )


def checked_inputs(context: dg.AssetCheckExecutionContext, con) -> list[str] | None:
    """The inputs of the run's partitions (one, or a range for single-run backfills); None: the
    whole table (a check run without partitions)."""
    from pipelines.steps.planning import stored_inputs_in

    op_context = context.op_execution_context
    if op_context.has_partition_key or op_context.has_partition_key_range:
        return stored_inputs_in(con, op_context.partition_keys)
    return None


def check_result(outcome: RuleOutcome, asset_key: str, rejected: int, n_rows: int) -> dg.AssetCheckResult:
    rule = outcome.rule
    metadata = {
        "severity": rule.severity,
        "rows_checked": dg.MetadataValue.int(n_rows),
        "unexpected_count": dg.MetadataValue.int(outcome.unexpected_count),
    }
    if rule.row_level:
        metadata["rows_moved_to_rejects"] = dg.MetadataValue.int(rejected)
    if outcome.observed_value is not None:
        metadata["observed_value"] = dg.MetadataValue.text(str(outcome.observed_value))
    if outcome.sample:
        metadata["failing_rows_sample"] = dg.MetadataValue.json(outcome.sample)
    if outcome.error:
        metadata["error"] = dg.MetadataValue.text(outcome.error)
    return dg.AssetCheckResult(
        asset_key=asset_key, check_name=rule.name, passed=outcome.success, metadata=metadata,
        severity=dg.AssetCheckSeverity.ERROR if rule.severity == CRITICAL else dg.AssetCheckSeverity.WARN,
    )


def build_table_checks(table: str, asset_key: str | None = None, partitions_def=source_partitions,
                       pool: str | None = DUCKDB_POOL) -> dg.AssetChecksDefinition:
    """The multi-asset check running `table`'s suite against the asset `asset_key` (default: table)."""
    asset_key = asset_key or table
    specs = [check_spec(rule, asset_key, partitions_def) for rule in SUITES[table].rules()]

    @dg.multi_asset_check(specs=specs, name=f"{table}_expectations", pool=pool, compute_kind="great_expectations",
                          description=f"Great Expectations suite for `{table}`; bad rows go to `{table}_rejects`.")
    def _table_checks(context: dg.AssetCheckExecutionContext, warehouse: WarehouseResource):
        from pipelines.quality.validate import validate_table

        with warehouse.connect() as con:
            validation = validate_table(con, table, checked_inputs(context, con), quarantine=True)
        summary = validation.summary()
        context.log.info(f"{table}: {summary['rows']} row(s) in {summary['seconds']}s, failed "
                         f"{summary['failed_rules'] or 'nothing'}, {validation.n_rejected} moved to {table}_rejects")
        for outcome in validation.outcomes:
            yield check_result(outcome, asset_key, validation.rejected_by_rule.get(outcome.rule.name, 0),
                               validation.n_rows)

    return _table_checks


# The code location loads this list (pipelines/defs is autoloaded).
quality_checks = [build_table_checks(table) for table in VALIDATED_TABLES]
