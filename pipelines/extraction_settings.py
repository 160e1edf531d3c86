"""The extractor's configuration, read from the environment here: pipelines.nlp reads none.

Settings (pipelines.config) names the spaCy model and the entity alias file. The stance polarity
model is the directory named by CLAIMS_STANCE_MODEL (e.g. one made by
scripts/train_stance_onnx.py), else the shipped one.
"""

import os
from pathlib import Path

from pipelines.config import Settings

STANCE_MODEL_ENV = "CLAIMS_STANCE_MODEL"


def stance_model_path(settings: Settings | None = None) -> Path | None:
    """The directory of the stance polarity model (model.int8.onnx, tokenizer.json, config.json)
    named by CLAIMS_STANCE_MODEL; None: the one shipped with pipelines.nlp.stance."""
    value = os.environ.get(STANCE_MODEL_ENV)
    return Path(value).expanduser().resolve() if value else None


def extractor_options(model: str | None = None, settings: Settings | None = None) -> dict:
    """Keyword arguments for pipelines.nlp.extract.Extractor: `model` when given, else the
    configured one; the configured alias file and stance model."""
    settings = settings or Settings.from_env()
    return {"model": model or settings.spacy_model, "aliases_file": settings.aliases_file,
            "stance_model": stance_model_path(settings)}


def _versions() -> dict[str, str]:
    from pipelines.nlp.extract import extractor_versions

    return extractor_versions(Settings.from_env().aliases_file)


# Per extractor, its version with the configured alias file, as of the first import (as before).
EXTRACTOR_VERSIONS = _versions()
