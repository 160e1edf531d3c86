"""Signed passages of a letters page: the paragraphs above a paragraph that is only a person's
name ("Chris Smith." or "Chris Smith, Tampa") are that reader's letter, and its attitudes are
the signer's (TRIPLES_GUIDE: named letter writers are holders). Not quotations: nobody reports
them, so the quotation table does not hold them.

Only a page with two signatures or more counts as a letters page: one name standing alone
under a paragraph is more often a photo credit or a byline.
"""

from dataclasses import dataclass

from pipelines.nlp.quotes.marks import paragraphs

MIN_SIGNATURES = 2
MAX_SIGNATURE_WORDS = 5
MAX_PLACE_WORDS = 3  # "Chris Smith, St. Petersburg"
MAX_LETTER_PARAGRAPHS = 6
MIN_NAME_SHARE = 0.8  # of the signature's letters that the person's mention must cover


@dataclass(frozen=True, slots=True)
class SignedPassage:
    spans: list[tuple[int, int]]  # the letter's paragraphs
    signer_name: str
    signer_key: str
    signer_start: int
    signer_end: int


def signed_passages(text: str, index) -> list[SignedPassage]:
    """index: the document's stance EntityIndex (mentions by offset)."""
    paras = [(s, e) for s, e in paragraphs(text) if text[s:e].strip()]
    signatures = {}
    for k, (start, end) in enumerate(paras):
        signer = _signer(text, start, end, index)
        if signer is not None:
            signatures[k] = signer
    if len(signatures) < MIN_SIGNATURES:
        return []
    out = []
    for k in sorted(signatures):
        # the letter runs back to the previous signature or a heading ("LETTERS."), never into
        # the page's first paragraph (its headline)
        body = []
        j = k - 1
        while j >= 1 and j not in signatures and not _heading(text, *paras[j]) and len(body) < MAX_LETTER_PARAGRAPHS:
            body.insert(0, paras[j])
            j -= 1
        if body:
            entity, (s, e) = signatures[k]
            out.append(SignedPassage(body, entity.canonical_name, entity.key, s, e))
    return out


def _signer(text: str, start: int, end: int, index):
    """(person entity, its mention span) when the paragraph is only a person's name, with an
    optional place after a comma."""
    raw = text[start:end]
    name, _, place = raw.strip().lstrip("—–-").strip().rstrip(".").partition(",")
    name, place = name.strip(), place.split()
    words = name.split()
    if not 2 <= len(words) <= MAX_SIGNATURE_WORDS or not all(w[:1].isupper() for w in words):
        return None
    if len(place) > MAX_PLACE_WORDS or not all(w[:1].isupper() for w in place):
        return None  # "Keron Blair, executive director of AROS, called for ...": a sentence, not a signature
    name_start = start + raw.find(name)
    found = index.entity_at(name_start, name_start + len(name))
    if found is None or found.type != "PERSON":
        return None
    mention = next((m for m in found.mentions if name_start <= m.start and m.end <= name_start + len(name)), None)
    if mention is None or (mention.end - mention.start) < MIN_NAME_SHARE * len(name):
        return None
    return found, (mention.start, mention.end)


def _heading(text: str, start: int, end: int) -> bool:
    """"LETTERS." or the headline: no letter's words."""
    words = text[start:end].split()
    return len(words) <= 3 or text[start:end].isupper()
