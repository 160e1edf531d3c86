"""Per-Doc values computed once and shared by every stage.

spaCy rebuilds `doc.sents` and `doc.text` on each access, each a walk over every token that
creates a Token object per token; with five stages reading them (some once per time expression),
those walks cost more than some stages themselves. The cache lives in `doc.user_data` and is
dropped by `forget` when extraction of the Doc is done.
"""

from dataclasses import dataclass

_SENTENCES = "claims_warehouse.sentences"
_TEXT = "claims_warehouse.text"
_COLUMNS = "claims_warehouse.token_columns"


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


@dataclass(frozen=True, slots=True)
class TokenColumns:
    """One list per token attribute, indexed by token position in the Doc."""

    lower: list[str]
    lemma: list[str]
    dep: list[str]
    head: list[int]  # absolute index of the token's syntactic head
    like_num: list[bool]
    pos: list[str]
    tag: list[str]


def token_columns(doc) -> TokenColumns:
    """Per-token lists for the whole Doc (lower, lemma, pos, tag, dep, absolute head index, like_num),
    read in one `to_array` pass: cheaper than a Token object per token and attribute."""
    cached = doc.user_data.get(_COLUMNS)
    if cached is None:
        import numpy as np
        from spacy.attrs import DEP, HEAD, LEMMA, LIKE_NUM, LOWER, POS, TAG

        array = doc.to_array([LOWER, LEMMA, DEP, HEAD, LIKE_NUM, POS, TAG])
        strings = doc.vocab.strings
        cached = TokenColumns(
            lower=[strings[h] for h in array[:, 0].tolist()],
            lemma=[strings[h] for h in array[:, 1].tolist()],
            dep=[strings[h] for h in array[:, 2].tolist()],
            head=(np.arange(len(doc), dtype=np.int64) + array[:, 3].astype(np.int64)).tolist(),
            like_num=array[:, 4].astype(bool).tolist(),
            pos=[strings[h] for h in array[:, 5].tolist()],
            tag=[strings[h] for h in array[:, 6].tolist()],
        )
        doc.user_data[_COLUMNS] = cached
    return cached


def remember_text(doc, text: str) -> None:
    """Seed the cache with the text the Doc was parsed from (spaCy keeps it verbatim)."""
    doc.user_data[_TEXT] = text


def forget(doc) -> None:
    """Spans in user_data would not survive Doc.to_bytes, and a Doc outlives its extraction."""
    doc.user_data.pop(_SENTENCES, None)
    doc.user_data.pop(_TEXT, None)
    doc.user_data.pop(_COLUMNS, None)
