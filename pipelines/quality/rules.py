"""Rules: one named GX expectation with a severity. Pure data, so nothing here imports GX.

A rule names its GX expectation class and keyword arguments; the adapter instantiates it only
when a validation runs. Rules are row-level when GX reports the failing rows (column-map and
compound-uniqueness expectations): those rows can be quarantined. Table-level rules (row counts,
shares) can only be reported.
"""

from dataclasses import dataclass, field

CRITICAL = "critical"
WARNING = "warning"

# Expectation types whose failures GX reports row by row (unexpected_index_list).
ROW_LEVEL_TYPES = frozenset({
    "ExpectColumnValuesToNotBeNull",
    "ExpectColumnValuesToBeUnique",
    "ExpectColumnValuesToBeInSet",
    "ExpectColumnValuesToBeBetween",
    "ExpectCompoundColumnsToBeUnique",
})

# Uniqueness failures list every member of a duplicate group: the first (in frame order) stays.
KEEP_FIRST_TYPES = frozenset({"ExpectColumnValuesToBeUnique", "ExpectCompoundColumnsToBeUnique"})


@dataclass(frozen=True)
class Rule:
    name: str  # unique within its table; the Dagster check name and the rejects' `expectation`
    expectation: str  # class name in great_expectations.expectations
    kwargs: dict
    severity: str = CRITICAL
    description: str = ""
    sample_columns: tuple[str, ...] = ()  # shown next to the key in the failing-rows sample
    mostly: float | None = None  # GX `mostly`: the share of rows that must pass

    @property
    def row_level(self) -> bool:
        return self.expectation in ROW_LEVEL_TYPES

    @property
    def keep_first(self) -> bool:
        return self.expectation in KEEP_FIRST_TYPES

    @property
    def quarantines(self) -> bool:
        """Critical row-level failures move rows to <table>_rejects; `mostly` rules tolerate some."""
        return self.severity == CRITICAL and self.row_level and self.mostly is None

    @property
    def columns(self) -> tuple[str, ...]:
        if "column" in self.kwargs:
            return (self.kwargs["column"],)
        return tuple(self.kwargs.get("column_list", ()))


@dataclass
class RuleOutcome:
    """What one rule found in one batch."""

    rule: Rule
    success: bool
    element_count: int = 0
    unexpected_count: int = 0
    missing_count: int = 0  # nulls: a column rule does not apply to them (`mostly` counts the rest)
    observed_value: object = None
    failing_rowids: list[int] = field(default_factory=list)  # row-level rules only
    sample: list[dict] = field(default_factory=list)  # a few failing rows, key + sample columns
    error: str | None = None  # GX raised instead of evaluating


def is_true(column: str, name: str, description: str, severity: str = CRITICAL,
            sample_columns: tuple[str, ...] = (), mostly: float | None = None) -> Rule:
    """A rule on a boolean column the batch query computes in SQL (nulls mean "does not apply")."""
    return Rule(name, "ExpectColumnValuesToBeInSet", {"column": column, "value_set": [True]}, severity,
                description, sample_columns, mostly)


def not_null(column: str, severity: str = CRITICAL) -> Rule:
    return Rule(f"{column}_not_null", "ExpectColumnValuesToNotBeNull", {"column": column}, severity,
                f"`{column}` is never null.")


def unique(column: str, severity: str = CRITICAL) -> Rule:
    return Rule(f"{column}_unique", "ExpectColumnValuesToBeUnique", {"column": column}, severity,
                f"`{column}` is unique; duplicates after the first are rejected.")


def compound_unique(name: str, columns: list[str], description: str, severity: str = CRITICAL) -> Rule:
    return Rule(name, "ExpectCompoundColumnsToBeUnique", {"column_list": list(columns)}, severity, description)


def in_set(column: str, values, severity: str = CRITICAL) -> Rule:
    return Rule(f"{column}_in_set", "ExpectColumnValuesToBeInSet", {"column": column, "value_set": list(values)},
                severity, f"`{column}` is one of {', '.join(map(str, values))} (nulls allowed where the schema allows).",
                (column,))


def between(column: str, low: float, high: float, severity: str = CRITICAL) -> Rule:
    return Rule(f"{column}_in_range", "ExpectColumnValuesToBeBetween",
                {"column": column, "min_value": low, "max_value": high}, severity,
                f"{low} <= `{column}` <= {high}.", (column,))


def row_count_at_least(name: str, minimum: int, description: str, severity: str = WARNING) -> Rule:
    return Rule(name, "ExpectTableRowCountToBeBetween", {"min_value": int(minimum)}, severity, description)
