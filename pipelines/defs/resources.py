"""Dagster resources: the DuckDB warehouse, the inbox and the NLP extractor.

Configured with dg.EnvVar where the environment sets a value (so the UI shows where a setting
comes from), else with the default from `pipelines.config.ENV_DEFAULTS`; the CLI builds the same
resources through `default_resources()`.
"""

import os
from contextlib import contextmanager
from functools import lru_cache

import dagster as dg

from pipelines.config import ENV_DEFAULTS, Settings
from pipelines.store import db


def _configured(name: str):
    return dg.EnvVar(name) if os.environ.get(name) else ENV_DEFAULTS[name]


class WarehouseResource(dg.ConfigurableResource):
    """The DuckDB file and the reports folder. Connections apply nothing: `ensure_schema` does,
    once per run."""

    path: str
    reports_dir: str = ""  # empty: reports/ beside the warehouse

    @contextmanager
    def connect(self, read_only: bool = False):
        with db.connect(self.path, read_only=read_only) as con:
            yield con

    def ensure_schema(self) -> list[str]:
        with self.connect() as con:
            return db.apply_sql(con)


class ExtractorResource(dg.ConfigurableResource):
    """spaCy model name, the entity aliases file and batching; the model loads once per process."""

    model: str
    aliases_file: str = ENV_DEFAULTS["CLAIMS_ALIASES"]
    batch_size: int = 64
    n_process: int = min(2, os.cpu_count() or 1)

    def get(self):
        return _extractor(self.model, self.aliases_file, self.batch_size, self.n_process)


@lru_cache(maxsize=2)
def _extractor(model: str, aliases_file: str, batch_size: int, n_process: int):
    from pathlib import Path

    from pipelines.extraction_settings import stance_model_path
    from pipelines.nlp.extract import Extractor

    return Extractor(model=model, aliases_file=Path(aliases_file).expanduser().resolve(),
                     stance_model=stance_model_path(), n_process=n_process, batch_size=batch_size)


class InboxResource(dg.ConfigurableResource):
    """Where raw files are dropped and where remote sources are listed."""

    raw_dir: str
    sources_file: str
    max_bytes: int = 64 * 1024 * 1024  # the Reuters corpus is 22 MB unpacked

    def settings(self, warehouse: WarehouseResource, extractor: ExtractorResource | None = None) -> Settings:
        """The plain settings the steps take, from these resources' values."""
        return Settings.from_values(
            raw_dir=self.raw_dir, warehouse=warehouse.path, reports_dir=warehouse.reports_dir,
            sources_file=self.sources_file,
            aliases_file=extractor.aliases_file if extractor else ENV_DEFAULTS["CLAIMS_ALIASES"],
            spacy_model=extractor.model if extractor else ENV_DEFAULTS["CLAIMS_SPACY_MODEL"])


def default_resources() -> dict:
    return {
        "warehouse": WarehouseResource(path=_configured("CLAIMS_WAREHOUSE"),
                                       reports_dir=_configured("CLAIMS_REPORTS_DIR")),
        "extractor": ExtractorResource(model=_configured("CLAIMS_SPACY_MODEL"),
                                       aliases_file=_configured("CLAIMS_ALIASES")),
        "inbox": InboxResource(raw_dir=_configured("CLAIMS_RAW_DIR"), sources_file=_configured("CLAIMS_SOURCES")),
    }
