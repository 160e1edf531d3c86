"""The reporting-verb lexicon (pipelines/nlp/quotes/resources/reporting_verbs.tsv), loaded once."""

from functools import lru_cache
from pathlib import Path

_PATH = Path(__file__).parent / "resources" / "reporting_verbs.tsv"


@lru_cache(maxsize=1)
def reporting_verbs() -> dict[str, tuple[str, ...]]:
    """lemma -> content attachment classes ("clause", "to", "object", "quote", "lyric"), in the order to try."""
    verbs: dict[str, list[str]] = {}
    for line in _PATH.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        lemma, _, classes = line.partition("\t")
        merged = verbs.setdefault(lemma.strip().lower(), [])
        for cls in classes.split(","):
            cls = cls.strip()
            if cls and cls not in merged:
                merged.append(cls)
    order = {"clause": 0, "to": 1, "object": 2, "quote": 3, "lyric": 4}
    return {lemma: tuple(sorted(classes, key=order.get)) for lemma, classes in verbs.items()}
