"""Dagster resources: the DuckDB warehouse and the NLP extractor."""

import os
from contextlib import contextmanager
from functools import lru_cache

import dagster as dg

from pipelines.config import Settings
from pipelines.store import db


class WarehouseResource(dg.ConfigurableResource):
    """The DuckDB file. Every connection applies nothing: `ensure_schema` does, once per run."""

    path: str

    @contextmanager
    def connect(self, read_only: bool = False):
        with db.connect(self.path, read_only=read_only) as con:
            yield con

    def ensure_schema(self) -> list[str]:
        with self.connect() as con:
            return db.apply_sql(con)


class ExtractorResource(dg.ConfigurableResource):
    """spaCy model name and batching; the model is loaded once per process."""

    model: str
    batch_size: int = 64
    n_process: int = min(2, os.cpu_count() or 1)

    def get(self):
        return _extractor(self.model, self.batch_size, self.n_process)


@lru_cache(maxsize=2)
def _extractor(model: str, batch_size: int, n_process: int):
    from pipelines.extraction_settings import extractor_options
    from pipelines.nlp.extract import Extractor

    return Extractor(n_process=n_process, batch_size=batch_size, **extractor_options(model))


class InboxResource(dg.ConfigurableResource):
    """Where raw files are dropped and where remote sources are listed."""

    raw_dir: str
    sources_file: str
    max_bytes: int = 64 * 1024 * 1024  # the Reuters corpus is 22 MB unpacked


def default_resources() -> dict:
    settings = Settings.from_env()
    return {
        "warehouse": WarehouseResource(path=str(settings.warehouse_path)),
        "extractor": ExtractorResource(model=settings.spacy_model),
        "inbox": InboxResource(raw_dir=str(settings.raw_dir), sources_file=str(settings.sources_file)),
    }
