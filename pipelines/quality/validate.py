"""Validate one table's batch: read it, run its suite through GX, quarantine failing rows.

A batch is the rows of some inputs (input_keys), or the whole warehouse (None).
With quarantine=True, the read, the validation and the move to <table>_rejects happen in one
DuckDB transaction, so the rows moved are exactly the rows that were validated.

Outcomes describe the batch as it was read: a rule that made rows move still failed. That is
what makes the Dagster check fail and block downstream assets for this run, while the rejects
table keeps the evidence. A later run of the same check sees only the remaining rows and passes.
"""

import gc
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from pipelines.steps.memory import release_freed_memory
from pipelines.quality import gx_adapter
from pipelines.quality.batches import CHUNKED_TABLES, article_chunks, batch_stats, load_batch
from pipelines.quality.rejects import move_to_rejects, rows_to_reject
from pipelines.quality.rules import CRITICAL, RuleOutcome
from pipelines.quality.suites import SUITES, VALIDATED_TABLES, BatchStats

# Articles per validation chunk: bounds the memory of checking one large input.
CHUNK_ARTICLES = 10000


@dataclass
class TableValidation:
    table: str
    input_keys: list[str] | None
    n_rows: int
    stats: BatchStats
    outcomes: list[RuleOutcome]
    rejected_by_rule: dict[str, int] = field(default_factory=dict)  # first failed rule -> rows moved
    n_rejected: int = 0
    seconds: float = 0.0

    @property
    def critical_failures(self) -> list[RuleOutcome]:
        return [o for o in self.outcomes if not o.success and o.rule.severity == CRITICAL]

    @property
    def passed(self) -> bool:
        return not self.critical_failures

    def outcome(self, rule_name: str) -> RuleOutcome:
        return next(o for o in self.outcomes if o.rule.name == rule_name)

    def summary(self) -> dict:
        return {
            "table": self.table, "rows": self.n_rows, "passed": self.passed,
            "failed_rules": [o.rule.name for o in self.outcomes if not o.success],
            "rejected": self.n_rejected, "seconds": round(self.seconds, 3),
        }


def validate_table(con, table: str, input_keys: Sequence[str] | None = None,
                   quarantine: bool = True) -> TableValidation:
    """A large batch of an article-linked table is read and validated CHUNK_ARTICLES articles at
    a time (uniqueness rules are per article, so chunks by article lose nothing); the chunks'
    outcomes are merged into one per rule."""
    started = time.perf_counter()
    keys = None if input_keys is None else list(input_keys)
    if quarantine:
        con.begin()
    try:
        stats = batch_stats(con, keys)
        rules = SUITES[table].rules(stats)
        chunks = article_chunks(con, keys, CHUNK_ARTICLES) if table in CHUNKED_TABLES else [None]
        parts, failed, moved, n_rows = [], {}, 0, 0
        for chunk in chunks:
            frame = load_batch(con, table, keys, chunk)
            outcomes = gx_adapter.validate_frame(table, frame, rules)
            attach_samples(outcomes, frame, SUITES[table].key)
            chunk_failed = rows_to_reject(outcomes, frame) if quarantine else {}
            moved += move_to_rejects(con, table, chunk_failed) if chunk_failed else 0
            failed.update(chunk_failed)
            parts.append(outcomes)
            n_rows += len(frame)
            del frame
            if len(chunks) > 1:
                release_freed_memory()
        outcomes = [merge_outcomes([part[i] for part in parts]) for i in range(len(rules))]
        if quarantine:
            con.commit()
    except Exception:
        if quarantine:
            con.rollback()
        raise
    rejected_by_rule: dict[str, int] = {}
    for names in failed.values():
        rejected_by_rule[names[0]] = rejected_by_rule.get(names[0], 0) + 1
    return TableValidation(table=table, input_keys=keys, n_rows=n_rows, stats=stats, outcomes=outcomes,
                           rejected_by_rule=rejected_by_rule, n_rejected=moved,
                           seconds=time.perf_counter() - started)


def merge_outcomes(parts: list[RuleOutcome]) -> RuleOutcome:
    """One rule's outcome over the whole batch from its outcomes on the chunks."""
    if len(parts) == 1:
        return parts[0]
    rule = parts[0].rule
    merged = RuleOutcome(
        rule, success=False,
        element_count=sum(p.element_count for p in parts),
        unexpected_count=sum(p.unexpected_count for p in parts),
        missing_count=sum(p.missing_count for p in parts),
        failing_rowids=[rowid for p in parts for rowid in p.failing_rowids],
        sample=[row for p in parts for row in p.sample][:gx_adapter.SAMPLE_SIZE],
        error=next((p.error for p in parts if p.error), None),
    )
    if merged.error:
        return merged
    if rule.expectation == "ExpectTableRowCountToBeBetween":
        merged.observed_value = merged.element_count
        low, high = rule.kwargs.get("min_value"), rule.kwargs.get("max_value")
        merged.success = (low is None or merged.element_count >= low) and (high is None or merged.element_count <= high)
    elif rule.mostly is not None:
        applicable = merged.element_count - merged.missing_count
        merged.observed_value = (applicable - merged.unexpected_count) / applicable if applicable else None
        merged.success = not applicable or merged.observed_value >= rule.mostly
    else:
        merged.success = all(p.success for p in parts)
    return merged


def attach_samples(outcomes: list[RuleOutcome], frame, key: str, size: int = gx_adapter.SAMPLE_SIZE) -> None:
    """A few failing rows per row-level rule: the key and the rule's sample columns."""
    for outcome in outcomes:
        if not outcome.failing_rowids:
            continue
        columns = [c for c in dict.fromkeys((key, *outcome.rule.columns, *outcome.rule.sample_columns))
                   if c in frame.columns]
        rows = frame.loc[frame["_rowid"].isin(outcome.failing_rowids[:size]), columns].head(size)
        outcome.sample = [{c: gx_adapter.plain_value(v) for c, v in row.items()} for row in rows.to_dict("records")]


def validate_tables(con, tables: Sequence[str], input_keys: Sequence[str] | None = None,
                    quarantine: bool = True) -> dict[str, TableValidation]:
    # Objects that exist before validating (a loaded model, the Dagster run) are frozen out of the
    # collector while it runs, so releasing each chunk's frame costs a collection of the
    # validation's own objects only, not of the whole heap.
    gc.freeze()
    try:
        return {table: validate_table(con, table, input_keys, quarantine) for table in tables}
    finally:
        gc.unfreeze()


def validate_inputs(con, input_keys: Sequence[str] | None, tables: Sequence[str] = VALIDATED_TABLES,
                        quarantine: bool = True) -> dict[str, dict]:
    """Every table's suite on the inputs' rows (what the Dagster checks do); summaries by table."""
    return {table: v.summary() for table, v in validate_tables(con, tables, input_keys, quarantine).items()}
