"""Tense of the clause around a time expression: decides whether "on Tuesday" / "in October"
means the last or the next one. Uses the governing verb in the spaCy parse when there is
one, otherwise cue words in the surrounding sentence."""

import re

from pipelines.nlp.doc_cache import doc_text

PAST, PRESENT, FUTURE = "past", "present", "future"

_FUTURE_AUX = {"will", "'ll", "shall", "wo", "would", "'d", "ll"}
_FUTURE_CUES = re.compile(
    r"\b(?:will|'ll|shall|would|going\s+to|plans?\s+to|planned\s+to|planning|expects?\s+to|expected\s+to|"
    r"scheduled|due\s+to|is\s+to|are\s+to|hopes?\s+to|intends?\s+to|aims?\s+to|set\s+to|until)\b",
    re.IGNORECASE,
)
_PAST_CUES = re.compile(
    r"\b(?:said|was|were|had|did|ago|last|announced|reported|\w{3,}ed)\b", re.IGNORECASE)
_STRONG_FUTURE = re.compile(r"\b(?:will|shall|going\s+to)\b|'ll\b", re.I)
_FUTURE_PREP = re.compile(r"\b(?:as\s+soon\s+as|as\s+early\s+as|until|till|no\s+later\s+than)\s+(?:on\s+|in\s+)?$", re.I)
_LIMIT_PREPOSITIONS = {"through", "until", "till", "by", "before"}
_SENTENCE_START = re.compile(r"[.!?\n]\s")


def _text_tense(text: str, start: int, end: int) -> str:
    left_edge = max(0, start - 120)
    window_left = text[left_edge:start]
    cut = max((m.end() for m in _SENTENCE_START.finditer(window_left)), default=0)
    window_left = window_left[cut:]
    window_right = text[end:end + 60]
    stop = _SENTENCE_START.search(window_right)
    if stop:
        window_right = window_right[: stop.start() + 1]
    if _STRONG_FUTURE.search(window_left):
        return FUTURE
    left_future = list(_FUTURE_CUES.finditer(window_left))
    left_past = list(_PAST_CUES.finditer(window_left))
    nearest_future = left_future[-1].end() if left_future else -1
    nearest_past = left_past[-1].end() if left_past else -1
    if nearest_future >= 0 and nearest_future >= nearest_past:  # "scheduled": a future cue, not a past -ed
        return FUTURE
    if nearest_past >= 0:
        return PAST
    right_future = _FUTURE_CUES.search(window_right)
    right_past = _PAST_CUES.search(window_right)
    if right_future and (not right_past or right_future.start() < right_past.start()):
        return FUTURE
    return PAST


# Verbs that arrange an event: what they arrange lies ahead of them whatever their tense
# ("has scheduled a news conference Thursday", "Protesters planned a demonstration on Saturday").
_ARRANGING = {"schedule", "plan", "slate"}


def _verb_tense(verb) -> str | None:
    auxes = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    for aux in auxes:
        if aux.lower_ in _FUTURE_AUX or (aux.lower_ == "going" and verb.tag_ == "VB"):
            return FUTURE
    if verb.lemma_ in _ARRANGING and verb.dep_ not in ("acl", "relcl") and any(c.dep_ == "dobj" for c in verb.children):
        return FUTURE  # the event arranged, its object; not "a service planned for Saturday was canceled"
    if verb.tag_ == "VB" and any(aux.lower_ == "to" for aux in auxes):
        head = verb.head
        if head.i != verb.i and head.pos_ in ("VERB", "AUX") and verb.dep_ != "csubj":
            if head.lemma_ in ("plan", "expect", "hope", "intend", "aim", "schedule", "want", "agree", "promise",
                               "prepare", "vow", "threaten", "seek", "decide", "be", "set", "due", "likely"):
                return FUTURE
            return _verb_tense(head)
        if verb.dep_ == "csubj" or (verb.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN", "NUM", "PRON")):
            # "celebrations to mark the entry on Friday", "the first three to accede on Friday
            # were": an infinitive qualifying a noun, or a subject, takes the tense of its clause
            return None
        return FUTURE
    if any(aux.tag_ in ("VBD",) for aux in auxes) or verb.tag_ == "VBD":
        return PAST
    if verb.tag_ == "VBN" and (not auxes or any(aux.lemma_ == "have" for aux in auxes)):
        return PAST  # present perfect, or a reduced relative ("the ruling, announced Friday")
    if verb.tag_ == "VBG" and any(aux.lemma_ == "be" and aux.tag_ in ("VBZ", "VBP") for aux in auxes):
        return FUTURE  # "is meeting on Friday"
    if verb.tag_ in ("VBZ", "VBP") or any(aux.tag_ in ("VBZ", "VBP") for aux in auxes):
        return PRESENT
    return None


class TenseOracle:
    """tense(start, end) for spans of one text, from its parse when available."""

    def __init__(self, text: str, doc=None):
        self.text = text
        self.doc = doc if doc is not None and len(doc_text(doc)) == len(text) else None

    def __call__(self, start: int, end: int) -> str:
        after = self.text[end:end + 2]
        if after in ("'s", "’s"):
            return PAST  # "Wednesday's ruling": news reports what happened
        parsed = self._parse_tense(start, end) if self.doc is not None else None
        if _FUTURE_PREP.search(self.text[max(0, start - 16):start]):
            # "until Friday" looks ahead, from a past clause too far back ("Until Thursday, they
            # had not called Kopp a suspect")
            return PAST if parsed == PAST and self._past_perfect(start, end) else FUTURE
        if parsed is not None:
            return parsed
        return _text_tense(self.text, start, end)

    def verb_is_past(self, start: int, end: int) -> bool:
        """Whether the span modifies a past-tense verb directly ("stepped down in March", "bought
        RJR in February"), not through a noun ("a cutback in September") or an infinitive ("an
        agreement to acquire it in January"): the parse's evidence that the date lies behind."""
        if self.doc is None:
            return False
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return False
        following = next((t for t in self.doc[span.end:span.sent.end]
                          if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")), None)
        if following is not None and any(c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE_AUX
                                         for c in following.children):
            return False  # "went in search of stories, and from October they will be released"
        token = span.root
        if token.dep_ == "pobj" and token.head.dep_ == "prep":
            if token.head.lower_ in _LIMIT_PREPOSITIONS:
                return False  # "extended loans through January": a limit, which may lie ahead
            verb = token.head.head
        elif token.dep_ == "npadvmod":
            verb = token.head
        else:
            return False
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_ in _ARRANGING:
            return False  # "the accession was planned for early March": what is arranged lies ahead
        auxes = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
        if any(aux.lower_ in _FUTURE_AUX or aux.lower_ == "to" for aux in auxes):
            return False
        # simple past or past perfect; not the present perfect, whose decision is past but whose
        # date may lie ahead ("has decided to admit them in early March")
        return (verb.tag_ == "VBD" and not auxes) or any(aux.tag_ == "VBD" for aux in auxes)

    def _past_perfect(self, start: int, end: int) -> bool:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        sentence = span.sent if span is not None and len(span) else None
        return sentence is not None and any(
            t.lemma_ == "have" and t.tag_ == "VBD" and t.dep_ in ("aux", "auxpass") for t in sentence)

    def _parse_tense(self, start: int, end: int) -> str | None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        token = span.root
        for _ in range(6):
            if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("amod",):
                tense = _verb_tense(token)
                if tense is not None:
                    return tense
            if token.head.i == token.i:
                break
            token = token.head
        return None
