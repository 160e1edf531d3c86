"""Quarantine: move rows that failed a critical row-level rule to `<table>_rejects`.

Rows are identified by DuckDB's rowid, read in the same transaction as the move, so duplicates
and null keys are moved exactly. A row failing several rules is moved once; `expectation` names
the first failed rule (suite order) and `failed_expectations` lists all of them.
"""

import pandas as pd

from pipelines.quality.rules import RuleOutcome


def rejects_table(table: str) -> str:
    return f"{table}_rejects"


def rows_to_reject(outcomes: list[RuleOutcome], frame) -> dict[int, list[str]]:
    """rowid -> names of the quarantining rules it failed. Uniqueness keeps each group's first row."""
    order = {int(rowid): i for i, rowid in enumerate(frame["_rowid"])} if len(frame) else {}
    failed: dict[int, list[str]] = {}
    for outcome in outcomes:
        if not outcome.rule.quarantines or not outcome.failing_rowids:
            continue
        rowids = outcome.failing_rowids
        if outcome.rule.keep_first:
            rowids = _all_but_first(rowids, outcome.rule.columns, frame, order)
        for rowid in rowids:
            failed.setdefault(rowid, []).append(outcome.rule.name)
    return failed


def _all_but_first(rowids: list[int], columns: tuple[str, ...], frame, order: dict[int, int]) -> list[int]:
    """Of each duplicate group, every row but the first in frame order (null keys: all are bad)."""
    rows = frame.loc[frame["_rowid"].isin(rowids), ["_rowid", *columns]].copy()
    rows["_order"] = rows["_rowid"].map(order)
    rows = rows.sort_values("_order")
    keys = rows[list(columns)]
    has_null = keys.isna().any(axis=1)
    repeat = keys.astype(str).duplicated(keep="first")
    return [int(r) for r in rows.loc[has_null | repeat, "_rowid"]]


def move_to_rejects(con, table: str, failed: dict[int, list[str]]) -> int:
    """Copy the rows to <table>_rejects with their rule names, delete them from the table.

    Runs inside the caller's transaction. Columns are matched by name, so a rejects table
    created before a column was added still receives every column it has.
    """
    if not failed:
        return 0
    target = rejects_table(table)
    reasons = pd.DataFrame({
        "_rowid": list(failed),
        "expectation": [names[0] for names in failed.values()],
        "failed_expectations": [list(names) for names in failed.values()],
    })
    table_columns = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
    reject_columns = {r[0] for r in con.execute(f"DESCRIBE {target}").fetchall()}
    copied = [c for c in table_columns if c in reject_columns]
    select = ", ".join(f't."{c}"' for c in copied)
    con.register("reject_reasons", reasons)
    try:
        con.execute(
            f'INSERT INTO {target} ({", ".join(f"{chr(34)}{c}{chr(34)}" for c in copied)}, '
            f"expectation, failed_expectations, rejected_at) "
            f"SELECT {select}, r.expectation, r.failed_expectations, now()::TIMESTAMP "
            f"FROM {table} t JOIN reject_reasons r ON t.rowid = r._rowid"
        )
        moved = con.execute(f"DELETE FROM {table} WHERE rowid IN (SELECT _rowid FROM reject_reasons)").fetchone()[0]
    finally:
        con.unregister("reject_reasons")
    return int(moved)
