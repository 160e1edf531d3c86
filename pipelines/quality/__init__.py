"""Great Expectations validation of every warehouse table.

rules.py / suites.py: the suites in code (no GX import); batches.py: some inputs' rows read
from DuckDB with SQL-computed flags; gx_adapter.py: GX, imported lazily; rejects.py: quarantine
to <table>_rejects; validate.py: one table's validation in one transaction; docs.py: Data Docs.
Dagster wiring lives in pipelines/defs/checks.py and pipelines/defs/quality_assets.py.
"""
