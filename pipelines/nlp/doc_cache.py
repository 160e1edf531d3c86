"""Per-Doc values computed once and shared by every stage.

spaCy rebuilds `doc.sents` and `doc.text` on each access, each a walk over every token that
creates a Token object per token; with five stages reading them (some once per time expression),
those walks cost more than some stages themselves. The cache lives in `doc.user_data` and is
dropped by `forget` when extraction of the Doc is done.
"""

_SENTENCES = "claims_warehouse.sentences"
_TEXT = "claims_warehouse.text"


def doc_sentences(doc) -> list:
    """The sentence Spans of `doc`; a Doc without a parser or sentencizer is one sentence
    (doc.sents would raise)."""
    cached = doc.user_data.get(_SENTENCES)
    if cached is None:
        if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
            cached = list(doc.sents)
        else:
            cached = [doc[:]]
        doc.user_data[_SENTENCES] = cached
    return cached


def doc_text(doc) -> str:
    if not hasattr(doc, "user_data"):  # a Span or a stand-in
        return getattr(doc, "text", "")
    cached = doc.user_data.get(_TEXT)
    if cached is None:
        cached = doc.user_data[_TEXT] = doc.text
    return cached


def remember_text(doc, text: str) -> None:
    """Seed the cache with the text the Doc was parsed from (spaCy keeps it verbatim)."""
    doc.user_data[_TEXT] = text


def forget(doc) -> None:
    """Spans in user_data would not survive Doc.to_bytes, and a Doc outlives its extraction."""
    doc.user_data.pop(_SENTENCES, None)
    doc.user_data.pop(_TEXT, None)
