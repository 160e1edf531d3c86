"""The `claims` command: parser and commands (`main`), the run driver, the read-only query."""

from pipelines.cli.main import main

__all__ = ["main"]
