"""The one Great Expectations internal this project relies on, and why.

GX Core 1.x resolves suites and validations against its *current project*: a process-wide
context held by `project_manager` in great_expectations.data_context.data_context.context_factory.
`get_context()` makes the context it creates current, but no public call makes an existing one
current again, and this project needs that: checks reuse one ephemeral context per process,
while Data Docs (pipelines/quality/docs.py) builds its own and then switches back. `set_project`
does the switch.

GX is imported here only when the function runs (the Dagster code location must not import
great_expectations). tests/test_quality_gx_private.py fails, naming the installed GX version,
when a release moves or changes this.
"""

from importlib.metadata import version


def gx_version() -> str:
    """The installed GX release, read from its metadata (GX itself is not imported)."""
    return version("great_expectations")


def set_project(ctx) -> None:
    """Make ctx GX's current project (what get_context() does for a context it creates)."""
    from great_expectations.data_context.data_context.context_factory import project_manager

    project_manager.set_project(ctx)
