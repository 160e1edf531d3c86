"""Is this text English? A stop-word test decides fast; lingua names the language when not."""

import re
from functools import lru_cache

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to a in is that for it on was with as by he be at from his are an have has "
    "this not but or they had which were been their said will would its who we you i she her "
    "there after more about than also them can when what up out into one all two new over "
    "could may no if our him so".split()
)


@lru_cache(maxsize=1)
def _lingua_detector():
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


def detect_language(text: str) -> tuple[str | None, str | None]:
    """Return (ISO 639-1 code or None, reason when the text cannot be treated as English)."""
    sample = text[:20000]
    words = _WORD.findall(sample)
    if not words:
        return None, "no_words"
    latin = sum(1 for w in words if w.isascii())
    lowered = [w.lower() for w in words]
    share = sum(1 for w in lowered if w in _ENGLISH_FUNCTION_WORDS) / len(words)
    if len(words) < 12:
        # Too short to judge by function words; a mostly Latin-script snippet is taken as English.
        return ("en", None) if latin / len(words) >= 0.8 else (_lingua_name(sample), "not_english")
    if share >= 0.12 and latin / len(words) >= 0.7:
        return "en", None
    name = _lingua_name(sample)
    if name == "en":
        return "en", None
    return name, "not_english"


def load_detector() -> None:
    """Load lingua's language models now (about 60 MB, loaded on the first guess): a process about
    to fork workers calls this so that they share one copy instead of each loading its own."""
    _lingua_name("Ceci n'est pas un texte anglais, mais il faut bien charger les modèles.")


def _lingua_name(sample: str) -> str | None:
    try:
        language = _lingua_detector().detect_language_of(sample[:2000])
    except Exception:  # lingua is optional at run time: a failed guess only loses the label
        return None
    return language.iso_code_639_1.name.lower() if language else None
